"""A shared page's slots are filled where the template put them, whatever the editor's text holds."""

from __future__ import annotations

from kompetansebroen.output.slots import CANONICAL, fill, tokens, without_tokens

PARTS = {"head": "<meta og>", "selector": "<nav>", "after_content": "<aside>", "footer": "<footer>"}


def shell(body: str) -> str:
    """A page as the template prints it, with ``body`` as the page's text."""
    slot = tokens()
    return (
        f'<head><link rel="canonical" href="{CANONICAL}">{slot["head"]}</head>'
        f"<header>{slot['selector']}</header><article>{body}</article>"
        f"{slot['after_content']}<footer-slot>{slot['footer']}</footer-slot>"
    )


def test_each_part_fills_its_slot() -> None:
    page = fill(shell("<p>Tekst</p>"), PARTS, "https://x.example/nord/side/")
    assert page == (
        '<head><link rel="canonical" href="https://x.example/nord/side/"><meta og></head>'
        "<header><nav></header><article><p>Tekst</p></article><aside><footer-slot><footer></footer-slot>"
    )


def test_a_body_holding_the_tokens_moves_no_part() -> None:
    body = without_tokens(
        f"<p>Før <!--kb-slot:footer--> <!--kb-slot:after_content--> {CANONICAL} "
        f'<a title="kb-slot:footer">x</a></p><pre><code>&lt;!--kb-slot:head--&gt;</code></pre>'
    )
    page = fill(shell(body), PARTS, "https://x.example/nord/side/")
    article = page[page.index("<article>") : page.index("</article>")]
    assert "<footer>" not in article and "<aside>" not in article and "https://" not in article
    assert page.endswith("<aside><footer-slot><footer></footer-slot>")
    assert "kb-slot:" not in page
    # Shown as the editor wrote it: the entity is the same colon to a browser.
    assert "kb-slot&#58;canonical-url" in article and 'title="kb-slot&#58;footer"' in article


def test_a_part_is_not_searched_for_tokens_again() -> None:
    parts = {**PARTS, "head": "<!--kb-slot:footer-->"}
    page = fill(shell(""), parts, None)
    assert page.count("<footer>") == 1
    assert page.endswith("<footer-slot><footer></footer-slot>")


def test_only_the_first_token_of_each_kind_is_filled() -> None:
    slot = tokens()
    page = fill(
        f'{slot["footer"]}|{slot["footer"]}|"{CANONICAL}"|"{CANONICAL}"', PARTS, "https://x.example/a/"
    )
    assert page == f'<footer>|{slot["footer"]}|"https://x.example/a/"|"{CANONICAL}"'


def test_a_missing_canonical_address_leaves_an_empty_attribute() -> None:
    assert fill(f'<link href="{CANONICAL}">', PARTS, None) == '<link href="">'
