"""The build date: what «upcoming», «registration open» and the sitemaps are decided against.

A build must give the same bytes whichever day it runs on, so the date comes
from ``SOURCE_DATE_EPOCH`` when it is set, and otherwise from the content: the
newest publication date of any page. Events have no publication date; their
days count only when no page has one (then the first day of the earliest
event, so that every event is upcoming), since counting a future event's day
would date the build after every other event and list them all as past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, MutableMapping

from ..model.documents import Document, Kind
from ..text.event_times import oslo

EPOCH = "SOURCE_DATE_EPOCH"


def build_today(
    environ: Mapping[str, str], now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
) -> dt.date:
    """The build date in Norwegian time: ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, else today.

    Raises ``ValueError`` with the variable's value when it is not a whole number.
    """
    epoch = environ.get(EPOCH, "").strip()
    if epoch:
        try:
            seconds = int(epoch)
        except ValueError:
            raise ValueError(f"{EPOCH}={epoch!r} is not a whole number of seconds") from None
        return dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone(oslo()).date()
    return now().astimezone(oslo()).date()


def content_date(documents: Iterable[Document]) -> dt.date | None:
    """The date the content is as of: its newest publication date, else its earliest event's first day."""
    documents = list(documents)
    newest = max((doc.date for doc in documents if doc.date), default=None)
    if newest is not None:
        return newest
    return min((doc.event.first_day for doc in documents if doc.kind is Kind.EVENT), default=None)


def date_the_build(documents: Iterable[Document], environ: MutableMapping[str, str]) -> dt.date:
    """The build date; pins ``SOURCE_DATE_EPOCH`` to the content's date first when it is unset
    (MkDocs reads it for the sitemaps, and the region workers inherit it)."""
    if EPOCH not in environ:
        day = content_date(documents)
        if day is not None:
            moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
            environ[EPOCH] = str(int(moment.timestamp()))
    return build_today(environ)
