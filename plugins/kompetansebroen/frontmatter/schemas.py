"""The fields every page accepts, the checks content types share, and ``region.yml``'s schema.

Each content type's own fields are declared with the type (content_types/registry.py).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .. import messages
from ..model.documents import Status
from .fields import (
    Boolean,
    CrossCheck,
    Email,
    Field,
    FoundProblem,
    Integer,
    Nested,
    Schema,
    Text,
    TextList,
    Url,
)
from .newsletter_fields import SignupUrl, UnsubscribeAddress
from .old_path_fields import OldPaths, reserved_folders

GOVERNING_STATUSES = tuple(status.value for status in Status)


def url_or_file(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """A governing document points at the document itself: an address or a file, exactly one."""
    has_url, has_file = "url" in lines, "file" in lines
    if has_url and has_file:
        return [
            FoundProblem(
                max(lines["url"], lines["file"]),
                "file" if lines["file"] > lines["url"] else "url",
                messages.GOVERNING_URL_AND_FILE,
            )
        ]
    if not has_url and not has_file:
        return [
            FoundProblem(
                None,
                "url",
                messages.GOVERNING_NO_SOURCE,
            )
        ]
    return []


def image_alt(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """An image needs a text for screen readers, and a text needs its image."""
    if "image" in lines and "image_alt" not in lines:
        return [
            FoundProblem(
                lines["image"],
                "image_alt",
                messages.IMAGE_ALT_MISSING,
            )
        ]
    if "image_alt" in lines and "image" not in lines:
        return [
            FoundProblem(
                lines["image_alt"],
                "image_alt",
                messages.without_image("image_alt"),
            )
        ]
    return []


def image_credit(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """A photo is credited (a legal duty for a licensed one); a caption or a credit needs its image."""
    if "image" in lines and "image_credit" not in lines:
        return [
            FoundProblem(
                lines["image"],
                "image_credit",
                messages.IMAGE_CREDIT_MISSING,
            )
        ]
    return [
        FoundProblem(lines[name], name, messages.without_image(name))
        for name in ("image_caption", "image_credit")
        if name in lines and "image" not in lines
    ]


IMAGE_CHECKS: tuple[CrossCheck, ...] = (image_alt, image_credit)
"""The checks of every type with an image (``image_fields``)."""


def image_fields() -> dict[str, Field]:
    """The fields of every type with an image: the image, its text for screen readers, caption and credit.

    Shown as a figure under the page's heading and in its link previews; a new
    type with an image takes these and ``IMAGE_CHECKS``.
    """
    return {
        "image": Text(example="bilder/illustrasjon.jpg", widget="image"),
        "image_alt": Text(example='"Beskrivelse av bildet"'),
        "image_caption": Text(example='"Deltakere på fagdagen i Hamar"'),
        "image_credit": Text(example='"Colourbox"'),
    }


def page_schema(
    own_fields: Mapping[str, Field],
    checks: Sequence[CrossCheck] = (),
    *,
    topics: Collection[str],
    region_ids: Collection[str],
    shared: bool,
    aliases: Mapping[str, str] | None = None,
) -> Schema:
    """A page's schema: the fields every page has (``tags``, ``draft``, ``aliases``, and ``regions``
    when ``shared``), then a content type's own fields and checks (content_types/registry.py)."""
    topic_list = ", ".join(topics)
    region_list = ", ".join(sorted(region_ids)) or messages.NO_REGIONS
    fields: dict[str, Field] = {
        "tags": TextList(
            allowed=lambda: topics,
            what="tema",
            known_label=messages.use_topics_from_settings(topic_list),
            example="[Helsefellesskap]",
        ),
        "draft": Boolean(),
        "aliases": OldPaths(lambda: reserved_folders(region_ids)),
    }
    misplaced: dict[str, str] = {}
    if shared:
        fields["regions"] = TextList(
            allowed=lambda: region_ids,
            what="område",
            known_label=messages.known_regions(region_list),
            example=f"[{next(iter(sorted(region_ids)), 'innlandet')}]",
        )
    else:
        misplaced["regions"] = messages.REGIONS_ONLY_SHARED
    return Schema(fields | dict(own_fields), list(checks), misplaced, dict(aliases or {}))


def region_schema() -> Schema:
    """The schema of ``regions/<id>/region.yml``."""
    contact = Schema({"email": Email(), "url": Url()})
    return Schema(
        {
            "name": Text(required=True, example='"Innlandet"'),
            "hospital": Text(required=True, example='"Sykehuset Innlandet"'),
            "municipalities": Integer(minimum=1),
            "description": Text(),
            "contact": Nested(contact),
            "newsletter_signup_url": SignupUrl(),
            "newsletter_unsubscribe": UnsubscribeAddress(),
        }
    )
