"""Every address field refuses script and data addresses, however they are disguised.

``javascript:``, ``data:`` and ``vbscript:`` in mixed case, behind character
references, split by a tab or a line break, behind a blank, or without a
scheme at all (``//host``): an address field takes only ``https://`` (or
``http://`` where the field says so), so each is one message naming the field.
Links in Markdown bodies are the content scan's (tests/unit/test_project_security.py).
"""

from __future__ import annotations

import pytest
import yaml
from kompetansebroen.content_types.registry import content_types
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.fields import Email, Field, FieldError, Nested, Schema, Url
from kompetansebroen.frontmatter.learning_fields import series_schema
from kompetansebroen.frontmatter.schemas import region_schema
from kompetansebroen.project.security import scan

VOCABULARY = Vocabulary(("Helsefellesskap",), ("Sykepleiere",))


def address_fields() -> list[tuple[str, Field]]:
    """Every field of every schema that takes a web address, by a name like ``arrangementer.registration_url``."""

    def walk(prefix: str, schema: Schema) -> list[tuple[str, Field]]:
        found = []
        for name, field in schema.fields.items():
            if isinstance(field, Nested):
                found += walk(f"{prefix}.{name}", field.schema)
            elif isinstance(field, Url) or name.endswith("url"):
                found.append((f"{prefix}.{name}", field))
        return found

    fields = []
    for declared in content_types():
        fields += walk(declared.kind.value, declared.schema(VOCABULARY, ["nord"], shared=True))
    return fields + walk("region.yml", region_schema()) + walk("serie.yml", series_schema())


ADDRESS_FIELDS = address_fields()

HOSTILE = [
    '"javascript:alert(1)"',
    '"JaVaScRiPt:alert(1)"',
    '"java\\tscript:alert(1)"',
    '"java\\nscript:alert(1)"',
    '" javascript:alert(1)"',
    '"\\x01javascript:alert(1)"',
    '"&#106;avascript:alert(1)"',
    '"&#x6A;avascript&#x3A;alert(1)"',
    '"javascript&colon;alert(1)"',
    '"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="',
    '"DATA:text/html,<script>alert(1)</script>"',
    '"vbscript:msgbox(1)"',
    '"VBScript:MsgBox(1)"',
    '"//evil.example/skjema"',
    '"https:javascript:alert(1)"',
    '"<script>alert(1)</script>"',
]


def test_the_address_fields_are_found() -> None:
    names = {name for name, _ in ADDRESS_FIELDS}
    assert {
        "arrangementer.registration_url",
        "styrende-dokumenter.url",
        "e-laering.url",
        "film.video_url",
        "podkast.audio_url",
        "region.yml.contact.url",
    } <= names, names


@pytest.mark.parametrize(("name", "field"), ADDRESS_FIELDS, ids=[name for name, _ in ADDRESS_FIELDS])
def test_every_address_field_refuses_script_and_data_addresses(name: str, field: Field) -> None:
    short = name.rsplit(".", 1)[-1]
    for written in HOSTILE:
        node = yaml.compose(f"x: {written}").value[0][1]
        with pytest.raises(FieldError) as raised:
            field.convert(short, node)
        message = raised.value.message
        assert "\n" not in message and message, written
        assert "https://" in message or "linje" in message, (written, message)


def email_fields() -> list[tuple[str, Field]]:
    found = []
    for declared in content_types():
        schema = declared.schema(VOCABULARY, ["nord"], shared=True)
        found += [
            (f"{declared.kind.value}.{name}", f) for name, f in schema.fields.items() if isinstance(f, Email)
        ]
    contact = region_schema().fields["contact"]
    assert isinstance(contact, Nested)
    found.append(("region.yml.contact.email", contact.schema.fields["email"]))
    found.append(("serie.yml.owner_email", series_schema().fields["owner_email"]))
    return found


EMAIL_FIELDS = email_fields()


@pytest.mark.parametrize(("name", "field"), EMAIL_FIELDS, ids=[name for name, _ in EMAIL_FIELDS])
def test_every_email_field_takes_only_an_address(name: str, field: Field) -> None:
    short = name.rsplit(".", 1)[-1]
    for written in (
        '"<podkast@eksempel.no>"',
        '"podkast@eksempel.no\\nBcc: alle@eksempel.no"',
        '"Podkast <podkast@eksempel.no>"',
        '"javascript:alert(1)@eksempel.no"',
        '"a?bcc=alle@eksempel.no"',
        '"a&body=hei@eksempel.no"',
        '"podkast@eksempel.no]]>"',
        '"\\"><script>@eksempel.no"',
        '"podkast@eksempel"',
    ):
        with pytest.raises(FieldError) as raised:
            field.convert(short, yaml.compose(f"x: {written}").value[0][1])
        assert "e-postadresse" in raised.value.message or "én linje" in raised.value.message, written
    for good in ("podkast@eksempel.no", "kari.nordmann+kurs@bærum.kommune.no", "post@sykehuset-innlandet.no"):
        assert field.convert(short, yaml.compose(f"x: {good}").value[0][1]) == good
    assert {"arrangementer.contact", "region.yml.contact.email", "serie.yml.owner_email"} <= {
        n for n, _ in EMAIL_FIELDS
    }


BODY_LINKS = [
    "[a](JaVaScRiPt:alert(1))",
    "[a](java&#x09;script:alert(1))",
    "[a](java\tscript:alert(1))",
    "[a](java\nscript:alert(1))",
    "[a](<java\nscript:alert(1)>)",
    '[a]( java script:alert(1) "tittel")',
    "[a](&#106;avascript:alert(1))",
    "[a](vbscript:msgbox(1))",
    "[a](DATA:text/html;base64,PHNjcmlwdD4=)",
    "[a]( javascript:alert(1))",
    '<a href="&#x6A;avascript&#x3A;alert(1)">a</a>',
    '<a href="jav&#x0A;ascript:alert(1)">a</a>',
    "[a][ref]\n\n[ref]: javascript:alert(1)",
    "![a](data:image/svg+xml;base64,PHN2Zz4=)",
]


@pytest.mark.parametrize("markdown", BODY_LINKS, ids=range(len(BODY_LINKS)))
def test_script_and_data_links_in_a_body_are_found_however_disguised(markdown: str) -> None:
    """Python-Markdown keeps ``java⏎script:`` whole in the ``href``, and browsers drop the break."""
    messages = [message for _, message in scan(f"Tekst.\n\n{markdown}\n")]
    assert messages, markdown
    assert any("javascript:" in m or "vbscript:" in m or "data:" in m for m in messages), messages


def test_ordinary_links_with_titles_are_not_taken_for_scripts() -> None:
    for markdown in (
        '[a](https://x.no/ "data: 2024")',
        "Se [a](side.md) (javascript: et språk)",
        "[a](side.md)",
    ):
        assert list(scan(markdown)) == [], markdown
