"""Which fields each content type and ``region.yml`` accept."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from ..model.documents import Kind, Status
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

GOVERNING_STATUSES = tuple(status.value for status in Status)


def _url_or_file(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    has_url, has_file = "url" in lines, "file" in lines
    if has_url and has_file:
        return [
            FoundProblem(
                max(lines["url"], lines["file"]),
                "file" if lines["file"] > lines["url"] else "url",
                "både url og file er oppgitt; et styrende dokument skal ha nøyaktig én av dem, "
                "så fjern den ene",
            )
        ]
    if not has_url and not has_file:
        return [
            FoundProblem(
                None,
                "url",
                "mangler; et styrende dokument trenger enten url (lenke til dokumentet, "
                "f.eks. url: https://www.regjeringen.no/…) eller file (et dokument i repoet, "
                "f.eks. file: vedlegg/plan.pdf)",
            )
        ]
    return []


def _image_alt(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    if "image" in lines and "image_alt" not in lines:
        return [
            FoundProblem(
                lines["image"],
                "image_alt",
                "mangler; et bilde trenger en alternativ tekst som beskriver det for skjermlesere, "
                'f.eks. image_alt: "To sykepleiere i samtale"',
            )
        ]
    if "image_alt" in lines and "image" not in lines:
        return [
            FoundProblem(
                lines["image_alt"],
                "image_alt",
                "er oppgitt uten image; fjern image_alt eller legg til image",
            )
        ]
    return []


REGIONS_ONLY_SHARED = (
    "regions kan bare brukes på sider i content/; en side i regions/<id>/ gjelder bare det området, "
    "så fjern feltet"
)


def page_schema(
    kind: Kind,
    *,
    topics: Collection[str],
    region_ids: Collection[str],
    shared: bool,
) -> Schema:
    """The front-matter schema for a page of ``kind``; ``shared`` pages may restrict regions."""
    topic_list = ", ".join(topics)
    region_list = ", ".join(sorted(region_ids)) or "(ingen)"
    fields: dict[str, Any] = {
        "tags": TextList(
            allowed=lambda: topics,
            what="tema",
            known_label=f"bruk tema fra listen i mkdocs.yml: {topic_list}",
            example="[Helsefellesskap]",
        ),
        "draft": Boolean(),
    }
    misplaced: dict[str, str] = {}
    if shared:
        fields["regions"] = TextList(
            allowed=lambda: region_ids,
            what="område",
            known_label=f"kjente områder er {region_list} (mappene i regions/)",
            example=f"[{next(iter(sorted(region_ids)), 'innlandet')}]",
        )
    else:
        misplaced["regions"] = REGIONS_ONLY_SHARED
    checks = []
    if kind is Kind.ARTICLE:
        fields |= {
            "title": Text(required=True, example='"Tittel på artikkelen"'),
            "date": Date(required=True),
            "description": Text(required=True, example='"Én eller to setninger om innholdet"'),
            "authors": TextList(example='["Kari Nordmann"]'),
            "image": Text(example="bilder/illustrasjon.jpg"),
            "image_alt": Text(example='"Beskrivelse av bildet"'),
        }
        checks.append(_image_alt)
    elif kind is Kind.NEWSLETTER:
        fields |= {
            "title": Text(required=True, example='"Nyhetsbrev – juni 2024"'),
            "date": Date(required=True),
            "description": Text(required=True, example='"Sakene i denne utgaven"'),
        }
    elif kind is Kind.GOVERNING:
        fields |= {
            "title": Text(required=True, example='"Tittel på dokumentet"'),
            "date": Date(required=True),
            "issuer": Text(required=True, example='"Helse- og omsorgsdepartementet"'),
            "url": Url(),
            "file": Text(example="vedlegg/plan.pdf"),
            "status": Choice(GOVERNING_STATUSES),
            "description": Text(),
        }
        checks.append(_url_or_file)
    else:
        fields |= {
            "title": Text(),
            "description": Text(),
            "hub": Choice(tuple(topics), what="tema"),
        }
    return Schema(fields, checks, misplaced)


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
        }
    )
