"""An issue as plain text, the alternative for mail programs (and readers) that do not show HTML.

Every link of the HTML edition is here too, written after its text in angle
brackets («samhandlingsmidlene <https://…>»), the form mail programs make
clickable; lines are wrapped at 72 characters, never inside an address.
"""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

from ..text.dates import norwegian_date
from .body import mail_body
from .issue import MailIssue

LINE = 72
_MARKER = re.compile(r"(?:^|\n)(?:- |\d+\. )$")
_ITEM = re.compile(r"^(?:- |\d+\. )")
_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "blockquote", "pre", "figure", "details", "hr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def text_edition(issue: MailIssue) -> str:
    """The text of one issue in one region, ending with a newline."""
    date = norwegian_date(issue.published_at.date())
    head = [
        f"{issue.site_name} {issue.region_name}",
        f"Nyhetsbrev · {date}",
        "",
        issue.title,
        "=" * min(len(issue.title), LINE),
        "",
        f"Les nyhetsbrevet i nettleseren: <{issue.web_url}>",
    ]
    foot = [
        "-- ",
        f"Du får dette nyhetsbrevet fra {issue.from_name}.",
        f"Alle utgaver i nyhetsbrevarkivet: <{issue.archive_url}>",
    ]
    if issue.signup_url:
        foot.append(f"Abonner på nyhetsbrevet: <{issue.signup_url}>")
    if issue.unsubscribe:
        foot.append(f"Meld deg av nyhetsbrevet: <{issue.unsubscribe}>")
    foot.append(f"Uten e-post: følg nyhetsbrevet som RSS <{issue.rss_url}> eller Atom <{issue.atom_url}>")
    body = body_text(mail_body(issue.body_html))
    blocks = ["\n".join(head), body, "\n".join(line if line == "-- " else _wrap(line) for line in foot)]
    return "\n\n".join(block for block in blocks if block) + "\n"


def body_text(html: str) -> str:
    """The issue's rendered body as wrapped paragraphs, headings underlined, links spelt out."""
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    paragraphs = [paragraph for paragraph in reader.paragraphs() if paragraph.strip()]
    return "\n\n".join(_wrap(paragraph) for paragraph in paragraphs)


def _wrap(paragraph: str) -> str:
    lines = []
    for line in paragraph.split("\n"):
        marker = _ITEM.match(line)
        indent = " " * len(marker.group(0)) if marker else ""
        lines.append(
            textwrap.fill(
                line, LINE, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
            )
            if line.strip()
            else line
        )
    return "\n".join(lines)


class _TextReader(HTMLParser):
    """Collects text by block; a link's address follows its text, an image is its alt text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._blocks: list[list[str]] = [[]]
        self._links: list[str | None] = []
        self._skip = 0
        self._heading: str | None = None
        self._lists: list[int | None] = []
        """For each open list: the next number of an ``<ol>``, None for a ``<ul>``."""
        self._first_cell = False

    def paragraphs(self) -> list[str]:
        return ["".join(block).strip() for block in self._blocks]

    def _new_block(self) -> None:
        # A paragraph inside a list item stays on the item's line.
        if self._blocks[-1] and not _MARKER.search("".join(self._blocks[-1])):
            self._blocks.append([])

    def _write(self, text: str) -> None:
        self._blocks[-1].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
            return
        if tag in _BLOCKS or tag in _HEADINGS:
            self._new_block()
        if tag in _HEADINGS:
            self._heading = tag
        if tag in {"ul", "ol"}:
            self._lists.append(1 if tag == "ol" else None)
        elif tag == "li":
            number = self._lists[-1] if self._lists else None
            if number is not None:
                self._lists[-1] = number + 1
            self._write(f"\n{number}. " if number is not None else "\n- ")
        elif tag == "br":
            self._write("\n")
        elif tag == "tr":
            self._write("\n")
            self._first_cell = True
        elif tag in {"td", "th"}:
            if not self._first_cell:
                if self._blocks[-1]:
                    self._blocks[-1][-1] = self._blocks[-1][-1].rstrip(" ")
                self._write(" | ")
            self._first_cell = False
        elif tag == "a":
            self._links.append(attributes.get("href"))
        elif tag == "img":
            alt = (attributes.get("alt") or "").strip()
            self._write(f"[Bilde: {alt}]" if alt else "[Bilde]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
            return
        if tag == "a" and self._links:
            href = self._links.pop()
            if href:
                self._write(f" <{href}>")
        elif tag in _HEADINGS and self._heading == tag:
            text = "".join(self._blocks[-1]).strip()
            self._blocks[-1] = [f"{text}\n{'-' * min(len(text), LINE)}"]
            self._heading = None
            self._new_block()
        elif tag in _BLOCKS:
            if tag in {"ul", "ol"} and self._lists:
                self._lists.pop()
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = " ".join(data.split())
        # A blank is kept between words, never at the start of a line or after another blank.
        after_break = not self._blocks[-1] or self._blocks[-1][-1].endswith(("\n", " "))
        if not text:
            if data and not after_break:
                self._write(" ")
            return
        if data[:1].isspace() and not after_break:
            text = " " + text
        if data[-1:].isspace():
            text += " "
        self._write(text)
