"""Every page's rendered HTML checked against the allow-list, as ``make check`` and the build report it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..carry_over import CarryOver
from ..model.documents import Document
from ..problems import Problems
from . import rendered_html
from .cross_checks import added_heading
from .links import AnchorFinder
from .trees import Tree

# Unchanged pages are not rendered and checked again by the next build in this process (mkdocs serve).
_FOUND: CarryOver[tuple[str, str | None, str], tuple[tuple[int | None, str], ...]] = CarryOver()


def page_problems(doc: Document, rendered: str) -> list[tuple[int | None, str]]:
    """``(line in the file, message)`` for each breach in ``rendered``, the HTML of ``doc``'s body.

    The build calls this with the HTML MkDocs made of the page, ``make check``
    with its own rendering of the body; the messages are the same. The line is
    the first body line holding what was refused, when there is one.
    """
    return [
        (doc.body_line + line - 1 if line is not None else None, message)
        for line, message in _body_problems(doc, rendered)
    ]


def shown_problems(doc: Document, rendered: str) -> list[str]:
    """``page_problems`` as ``make check`` prints them: ``content/artikler/x.md:12: …``."""
    shown = Tree(doc.origin, Path(doc.tree)).shown(doc.path)
    found = Problems()
    for line, message in page_problems(doc, rendered):
        found.add(shown, line, "", message)
    return [str(problem) for problem in found]


def check_rendered_pages(trees: Iterable[Tree], renderer: AnchorFinder, problems: Problems) -> None:
    """Render each valid page once (the rendering the anchor check uses too) and report what is refused."""
    _FOUND.next_build()
    for tree in trees:
        for path, doc in sorted(tree.docs.items()):
            heading = added_heading(doc)
            found = _FOUND.get(
                (doc.body, heading, renderer.settings_key),
                lambda doc=doc, heading=heading: _body_problems(doc, renderer.rendered(doc.body, heading)),
            )
            for line, message in found:
                problems.add(
                    tree.shown(path), doc.body_line + line - 1 if line is not None else None, "", message
                )


def _body_problems(doc: Document, rendered: str | None) -> tuple[tuple[int | None, str], ...]:
    """Breaches with lines in the body (1-based), so that a result holds for the same body anywhere."""
    if rendered is None:
        return ()
    return tuple(
        (rendered_html.source_line(doc.body, breach.needle), breach.message)
        for breach in rendered_html.breaches(rendered)
    )
