"""The rules an HTML e-mail must keep, as checks the unit, integration and browser tests share.

Each check returns what breaks its rule (empty when the mail keeps it), so a
test can show the offending tags in its message.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

MAX_BYTES = 102 * 1024
"""Gmail cuts a message's HTML beyond 102 KB."""

FORBIDDEN_TAGS = frozenset(
    {"script", "form", "iframe", "link", "object", "embed", "input", "button", "video"}
)
_CONDITIONAL = re.compile(r"<!--\[if [^\]]*\]>.*?<!\[endif\]-->", re.DOTALL)
_MEDIA_BLOCK = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
_HREF_IN_TEXT = re.compile(r"<((?:https|mailto):[^>\s]+)>")


@dataclass
class MailHtml:
    """What an HTML e-mail holds, read as a mail program reads it (Outlook's conditional parts left out)."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def read_mail_html(html: str) -> MailHtml:
    found = MailHtml()
    in_style = False

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            nonlocal in_style
            found.tags.append((tag, dict(attrs)))
            in_style = tag == "style"

        def handle_endtag(self, tag: str) -> None:
            nonlocal in_style
            if tag == "style":
                in_style = False

        def handle_data(self, data: str) -> None:
            (found.styles if in_style else found.text).append(data)

    reader = Reader()
    reader.feed(_CONDITIONAL.sub("", html))
    reader.close()
    return found


def style_outside_media_rules(html: str) -> list[str]:
    """CSS in ``<style>`` that is not an ``@media`` rule (everything else must be inline)."""
    leftovers = []
    for css in read_mail_html(html).styles:
        rest = _MEDIA_BLOCK.sub("", css).strip()
        if rest:
            leftovers.append(rest)
    return leftovers


def forbidden_content(html: str) -> list[str]:
    """Scripts, forms, frames, style sheets, web fonts: what mail programs strip or a mail must not fetch."""
    mail = read_mail_html(html)
    found = [f"<{tag}>" for tag, _ in mail.tags if tag in FORBIDDEN_TAGS]
    found += [f"on…= on <{tag}>" for tag, attrs in mail.tags if any(name.startswith("on") for name in attrs)]
    for css in mail.styles + [attrs.get("style") or "" for _, attrs in mail.tags]:
        found += [rule for rule in ("@import", "@font-face", "url(") if rule in css]
    return found


def addresses(html: str, kinds: tuple[str, ...] = ("href", "src")) -> list[str]:
    """Every ``href`` and ``src`` of the mail (``kinds=("href",)``: its links)."""
    return [
        value
        for tag, attrs in read_mail_html(html).tags
        for name, value in attrs.items()
        if name in kinds and value is not None
    ]


def not_absolute_https(html: str) -> list[str]:
    """Addresses a mail program cannot follow or must not fetch: anything but https (and mailto: links)."""
    bad = []
    for tag, attrs in read_mail_html(html).tags:
        for name in ("href", "src"):
            value = attrs.get(name)
            if value is None:
                continue
            scheme = urlsplit(value).scheme
            if scheme == "https" and urlsplit(value).netloc:
                continue
            if name == "href" and tag == "a" and scheme == "mailto":
                continue
            bad.append(f"{tag} {name}={value!r}")
    return bad


def images_without_size_or_alt(html: str) -> list[str]:
    return [
        attrs.get("src") or "?"
        for tag, attrs in read_mail_html(html).tags
        if tag == "img" and (attrs.get("alt") is None or not attrs.get("width") or not attrs.get("height"))
    ]


def html_lang(html: str) -> str | None:
    for tag, attrs in read_mail_html(html).tags:
        if tag == "html":
            return attrs.get("lang")
    return None


def preheader(html: str) -> str | None:
    """The text of the first element hidden with ``display:none`` (what mail programs show after the Subject)."""
    match = re.search(r'<div style="display:none;[^"]*">([^<]*)</div>', html)
    return match.group(1) if match else None


def text_links(text: str) -> set[str]:
    """The addresses written in the text edition (``<https://…>``)."""
    return set(_HREF_IN_TEXT.findall(text))


def read_message(raw: bytes) -> tuple[email.message.EmailMessage, str, str]:
    """The ``.eml`` as Python's ``email`` reads it: the message, its text part and its HTML part."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None, "the message lacks its text or its HTML part"
    return message, text.get_content(), html.get_content()
