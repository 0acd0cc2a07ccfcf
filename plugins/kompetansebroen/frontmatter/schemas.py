"""Which fields each content type and ``region.yml`` accept."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from ..model.documents import Kind
from .fields import (
    Boolean,
    Choice,
    Date,
    Email,
    FoundProblem,
    Integer,
    Nested,
    Schema,
    Text,
    TextList,
    Url,
)

GOVERNING_STATUSES = ("gjeldende", "historisk")


def _url_or_file(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    has_url, has_file = "url" in values, "file" in values
    if has_url and has_file:
        return [
            FoundProblem(
                lines["file"],
                "file",
                "både url og file er oppgitt; et styrende dokument skal ha nøyaktig én av dem",
            )
        ]
    if not has_url and not has_file:
        return [
            FoundProblem(
                None,
                "url",
                "mangler; et styrende dokument trenger enten url (lenke til dokumentet) "
                "eller file (et dokument i repoet, f.eks. vedlegg/plan.pdf)",
            )
        ]
    return []


def _image_alt(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    if "image" in values and "image_alt" not in values:
        return [
            FoundProblem(
                lines["image"],
                "image_alt",
                "mangler; et bilde trenger en alternativ tekst som beskriver det for skjermlesere",
            )
        ]
    if "image_alt" in values and "image" not in values:
        return [
            FoundProblem(
                lines["image_alt"], "image_alt", "er oppgitt uten image; fjern den eller legg til image"
            )
        ]
    return []


def page_schema(
    kind: Kind,
    *,
    topics: Collection[str],
    region_ids: Collection[str],
    shared: bool,
) -> Schema:
    """The front-matter schema for a page of ``kind``; ``shared`` pages may restrict regions."""
    fields: dict[str, Any] = {
        "tags": TextList(allowed=lambda: topics, what="tema"),
        "draft": Boolean(),
    }
    if shared:
        fields["regions"] = TextList(allowed=lambda: region_ids, what="område")
    checks = []
    if kind is Kind.ARTICLE:
        fields |= {
            "title": Text(required=True),
            "date": Date(required=True),
            "description": Text(required=True),
            "authors": TextList(),
            "image": Text(),
            "image_alt": Text(),
        }
        checks.append(_image_alt)
    elif kind is Kind.NEWSLETTER:
        fields |= {
            "title": Text(required=True),
            "date": Date(required=True),
            "description": Text(required=True),
        }
    elif kind is Kind.GOVERNING:
        fields |= {
            "title": Text(required=True),
            "date": Date(required=True),
            "issuer": Text(required=True),
            "url": Url(),
            "file": Text(),
            "status": Choice(GOVERNING_STATUSES),
            "description": Text(),
        }
        checks.append(_url_or_file)
    else:
        fields |= {
            "title": Text(),
            "description": Text(),
            "hub": Choice(tuple(topics)),
        }
    return Schema(fields, checks)


def region_schema() -> Schema:
    """The schema of ``regions/<id>/region.yml``."""
    contact = Schema({"email": Email(), "url": Url()})
    return Schema(
        {
            "name": Text(required=True),
            "hospital": Text(required=True),
            "municipalities": Integer(minimum=1),
            "description": Text(),
            "contact": Nested(contact),
        }
    )
