"""Write each newsletter issue's e-mail edition beside its page: ``epost.html``, ``epost.txt``, ``nyhetsbrev.eml``.

The region's finish step writes them with the feeds, from the same rendered
issues (output/feeds_writer.py), so an issue's edition is the same in a full,
a warm, an incremental and a single-region build. The editions need
absolute addresses: a build whose region has no absolute address (no
``site_url``) writes none.

Finished editions are kept in the build's cache file, keyed by everything an
edition is made of (``edition_key``), so a rebuild makes only the editions
of issues that changed: an edition costs a few milliseconds, a cache read a
tenth of that. An entry that cannot be read is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..carry_over import CarryOver
from ..feeds.newsletter_feeds import FeedEntry, FeedInfo, absolutize_html
from ..mail import EDITION_FILES, MailIssue, edition_fingerprint, email_edition
from ..model.media import MediaError, read_image
from ..model.regions import Region
from .cache_store import CacheStore

MAIL_TABLE = "mail_editions"
_BODIES: CarryOver[tuple[str, str], tuple[str, tuple[str, ...]]] = CarryOver(only_when_previewing=True)
"""Each issue's absolute HTML and its images, by the rendered HTML and the issue's address: the
preview (``make serve``) rebuilds in one process on every save, and most saves leave every issue as it was."""
_IMG_SRC = "src"


@dataclass(frozen=True)
class RegionMail:
    """What every issue's edition in one region shares."""

    site_name: str
    region: Region
    region_url: str
    """The region's absolute address, ending in ``/``."""

    @property
    def message_domain(self) -> str:
        return urlsplit(self.region_url).hostname or "localhost"


def region_mail(site_name: str, region: Region, base_url: str) -> RegionMail | None:
    """None when the region has no absolute address to link the editions to."""
    parts = urlsplit(base_url)
    if not (parts.scheme and parts.netloc):
        return None
    return RegionMail(site_name, region, base_url if base_url.endswith("/") else base_url + "/")


def write_mail_editions(
    site_dir: Path,
    mail: RegionMail,
    info: FeedInfo,
    entries: list[FeedEntry],
    store: CacheStore | None = None,
) -> None:
    """The three files of every issue, in the issue's folder; ``store``: editions made before."""
    _BODIES.next_build()  # a region's editions are made once a build
    for entry in entries:
        if not entry.url.startswith(mail.region_url):
            continue
        body, images = _BODIES.get(
            (entry.content_html, entry.url), partial(_body, entry.content_html, entry.url)
        )
        issue = MailIssue(
            site_name=mail.site_name,
            region_name=mail.region.name,
            title=entry.title,
            description=entry.description,
            published_at=entry.published_at,
            web_url=entry.url,
            archive_url=info.archive_url,
            rss_url=info.rss_url,
            atom_url=info.atom_url,
            body_html=body,
            message_domain=mail.message_domain,
            sender=mail.region.contact.email,
            signup_url=mail.region.newsletter_signup_url,
            unsubscribe=mail.region.newsletter_unsubscribe,
            image_sizes=_image_sizes(site_dir, mail.region_url, images),
        )
        folder = site_dir / entry.url[len(mail.region_url) :]
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in _edition_files(issue, store).items():
            (folder / name).write_bytes(data)


def edition_key(issue: MailIssue) -> str:
    """Everything an edition is made of: the code and libraries, and every value of the issue."""
    values = dataclasses.asdict(issue) | {"image_sizes": sorted(issue.image_sizes.items())}
    text = repr(sorted(values.items()))
    return hashlib.sha256(f"{edition_fingerprint()}\n{text}".encode()).hexdigest()


def _body(html: str, url: str) -> tuple[str, tuple[str, ...]]:
    """An issue's HTML with absolute addresses, and the addresses of its images."""
    body = absolutize_html(html, url)
    return body, tuple(_image_sources(body))


def _edition_files(issue: MailIssue, store: CacheStore | None) -> dict[str, bytes]:
    key = edition_key(issue) if store is not None else ""
    if store is not None and (kept := _read(store.get(key))) is not None:
        return kept
    files = email_edition(issue).files()
    if store is not None:
        store.put(key, json.dumps({name: data.decode("utf-8") for name, data in files.items()}))
    return files


def _read(entry: str | None) -> dict[str, bytes] | None:
    """A kept edition's files; None when there is none or it cannot be read (then it is made again)."""
    if entry is None:
        return None
    try:
        files = json.loads(entry)
        return {name: files[name].encode("utf-8") for name in EDITION_FILES}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _image_sizes(site_dir: Path, region_url: str, sources: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Each image (``sources``) that is a file of this region's site, by its address: its width and height."""
    sizes: dict[str, tuple[int, int]] = {}
    for src in sources:
        if not src.startswith(region_url):
            continue
        path = site_dir / urlsplit(src[len(region_url) :]).path
        try:
            facts = read_image(path)
        except (MediaError, OSError):
            continue  # the check reports images that are missing or unreadable
        sizes[src] = (facts.width, facts.height)
    return sizes


def _image_sources(body: str) -> list[str]:
    found: list[str] = []

    class _Images(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "img":
                found.extend(value for name, value in attrs if name == _IMG_SRC and value)

        handle_startendtag = handle_starttag

    reader = _Images()
    reader.feed(body)
    reader.close()
    return found
