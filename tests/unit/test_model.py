"""Rules the documents themselves carry: which region a page is in, a governing document's fields."""

from __future__ import annotations

from typing import Any

import pytest
from kompetansebroen.content_types.registry import kind_of, with_details
from kompetansebroen.frontmatter.schemas import GOVERNING_STATUSES
from kompetansebroen.model.documents import Document, Status


def document(path: str, origin: str | None = None, **meta: Any) -> Document:
    doc = Document(path=path, origin=origin, source_file="", tree="", kind=kind_of(path), meta=meta, body="")
    return with_details(doc)


def test_a_shared_page_is_in_every_region_unless_it_names_some() -> None:
    everywhere = document("artikler/a.md")
    limited = document("artikler/b.md", regions=("ahus", "vestfold"))
    assert everywhere.in_region("ahus") and everywhere.in_region("innlandet")
    assert limited.in_region("vestfold") and not limited.in_region("innlandet")


def test_a_regions_own_page_is_only_in_that_region() -> None:
    own = document("artikler/a.md", origin="ahus")
    assert own.in_region("ahus") and not own.in_region("vestfold")


def test_governing_fields_are_typed_and_current_unless_marked_historical() -> None:
    current = document("styrende-dokumenter/a.md", issuer="HOD", url="https://x.example/a.pdf")
    old = document("styrende-dokumenter/b.md", issuer="KS", file="vedlegg/b.pdf", status="historisk")
    assert current.governing.status is Status.CURRENT and current.governing.url == "https://x.example/a.pdf"
    assert old.governing.status is Status.HISTORICAL and old.governing.file == "vedlegg/b.pdf"
    assert (old.governing.issuer, old.governing.url) == ("KS", None)
    assert [status.label for status in Status] == ["Gjeldende", "Historisk"]


def test_only_governing_documents_have_governing_fields() -> None:
    with pytest.raises(ValueError, match="not a governing document"):
        document("artikler/a.md").governing  # noqa: B018 - the property raises


def test_the_schema_accepts_exactly_the_statuses_the_model_knows() -> None:
    assert GOVERNING_STATUSES == ("gjeldende", "historisk")
    assert {Status(value) for value in GOVERNING_STATUSES} == set(Status)
