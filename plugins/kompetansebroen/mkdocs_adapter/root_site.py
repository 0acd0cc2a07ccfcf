"""The root of the whole site: the region chooser and the sitemap index."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..project.loader import Project
from .region_files import theme_files


def chooser_markdown(project: Project) -> str:
    cards = []
    for region in sorted(project.regions.values(), key=lambda r: r.name):
        description = f"<p>{html.escape(region.description)}</p>" if region.description else ""
        cards.append(
            f'<li class="kb-chooser__item"><a class="kb-chooser__link" href="{region.id}/" '
            f'data-kb-region="{region.id}"><span class="kb-chooser__name">{html.escape(region.name)}</span>'
            f'<span class="kb-chooser__hospital">{html.escape(region.hospital)}</span></a>{description}</li>'
        )
    items = "\n".join(cards)
    return (
        "# Velg ditt område\n\n"
        "Kompetansebroen har felles fagstoff for hele landet og lokalt innhold for hvert område. "
        "Velg området du jobber i. Valget huskes i denne nettleseren, og du kan bytte når du vil "
        "med «Velg område» øverst til høyre.\n\n"
        f'<ul class="kb-chooser">\n{items}\n</ul>\n'
    )


def accessibility_markdown(project: Project) -> str:
    """The root's statement points to each region's own (which names its feedback contact)."""
    items = "\n".join(
        f'<li><a href="../{r.id}/tilgjengelighet/">{html.escape(r.name)}</a></li>'
        for r in sorted(project.regions.values(), key=lambda r: r.name)
    )
    return (
        "# Tilgjengelighetserklæring\n\n"
        "Kompetansebroen skal kunne brukes av alle, også med skjermleser, forstørrelse eller bare "
        "tastatur, og er laget for å oppfylle kravene i WCAG 2.1 nivå A og AA. Hvert område har sin "
        "egen erklæring med status, kjente mangler og hvem du kan kontakte:\n\n"
        f'<ul class="kb-statements">\n{items}\n</ul>\n\n'
        "Får du ikke svar, kan du klage til Tilsynet for universell utforming av IKT "
        "([uutilsynet.no](https://www.uutilsynet.no/)).\n"
    )


def root_files(files: Files, project: Project, config: MkDocsConfig) -> Files:
    """The root build publishes the chooser and an accessibility page (plus the theme's assets and 404)."""
    result = theme_files(files, config)
    result.append(
        File.generated(
            config, "index.md", content=chooser_markdown(project), inclusion=InclusionLevel.INCLUDED
        )
    )
    result.append(
        File.generated(
            config,
            "tilgjengelighet/index.md",
            content=accessibility_markdown(project),
            inclusion=InclusionLevel.INCLUDED,
        )
    )
    return result


def write_sitemap_index(site_dir: Path, config: MkDocsConfig, region_ids: list[str]) -> None:
    """``sitemap.xml`` at the root lists each region's own sitemap."""
    base = config.extra.get("kb_site_url") or config.site_url or "/"
    entries = "".join(
        f"  <sitemap><loc>{html.escape(posixpath.join(base, rid, 'sitemap.xml'))}</loc></sitemap>\n"
        for rid in region_ids
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    )
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    if gz.exists():
        gz.unlink()
