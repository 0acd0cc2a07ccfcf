"""How long something takes, written for readers («1 t 5 min»), editors (``1:05:00``) and machines (``PT1H5M``).

Part of the bottom layer: plain whole seconds in, text out. Norwegian
abbreviations follow Språkrådet: «t» for timer, «min» for minutter, «s» for
sekunder, with a space between the number and the unit.
"""

from __future__ import annotations


def _check(seconds: int) -> None:
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")


def norwegian_duration(seconds: int) -> str:
    """``2700`` → «45 min», ``3900`` → «1 t 5 min», ``3600`` → «1 t», ``45`` → «45 s».

    Lists show whole minutes: a film of 12:30 is «13 min» (rounded half up),
    and anything under a minute is given in seconds so it never shows «0 min».
    """
    _check(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes = (seconds + 30) // 60
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} t {minutes} min" if minutes else f"{hours} t"


def minutes_text(minutes: int) -> str:
    """A whole number of minutes the Norwegian way: ``65`` → «1 t 5 min»."""
    _check(minutes)
    return norwegian_duration(minutes * 60)


def clock_duration(seconds: int) -> str:
    """``750`` → ``12:30``, ``3723`` → ``1:02:03``: the form editors write in front matter."""
    _check(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def hh_mm_ss(seconds: int) -> str:
    """``3723`` → ``01:02:03``: always hours, minutes and seconds, two digits each."""
    _check(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def iso_duration(seconds: int) -> str:
    """ISO 8601, as schema.org wants it: ``750`` → ``PT12M30S``, ``3600`` → ``PT1H``, ``0`` → ``PT0S``."""
    _check(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else "", f"{secs}S" if secs else ""]
    return "PT" + ("".join(parts) or "0S")
