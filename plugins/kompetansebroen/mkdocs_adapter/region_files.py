"""Turn a region's view into MkDocs ``File`` objects."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..listings import paths
from ..listings.pages import GeneratedPage
from ..project.views import RegionView
from .search_languages import is_unused_lunr_file, lunr_files_needed, search_languages


class RegionFile(File):
    """A region's file; in incremental builds the plugin decides whether its page changed."""

    changed: bool | None = None
    """None: MkDocs' own judgement (file times); see incremental.py for when the plugin decides."""
    stamped = False
    """A copy of another region's rendering (output/render_plan.py): MkDocs never builds it here."""

    def is_modified(self) -> bool:
        if self.stamped:
            return False
        if self.changed is None:
            return super().is_modified()
        return self.changed or not os.path.isfile(self.abs_dest_path)


def theme_files(files: Files, config: MkDocsConfig) -> Files:
    """The files MkDocs collected, less those from ``docs_dir`` (we supply each build's pages ourselves)
    and the lunr languages the site's search does not use (search_languages.py)."""
    docs_dir = os.path.abspath(config.docs_dir)
    languages = search_languages(config)
    needed = lunr_files_needed(languages) if languages is not None else None
    return Files(
        [
            f
            for f in files
            if not (f.abs_src_path and os.path.abspath(f.abs_src_path).startswith(docs_dir + os.sep))
            and not is_unused_lunr_file(f.src_uri, needed)
        ]
    )


def region_files(
    files: Files,
    view: RegionView,
    generated: dict[str, GeneratedPage],
    config: MkDocsConfig,
) -> Files:
    """Keep the theme's files, replace the docs with the region's merged tree plus generated pages."""
    result = theme_files(files, config)
    for path, doc in sorted(view.documents.items()):
        result.append(_file(path, doc.tree, config))
    for path, asset in sorted(view.assets.items()):
        result.append(_file(path, asset.tree, config))
    for path, page in sorted(generated.items()):
        if path not in view.documents:
            result.append(
                RegionFile.generated(
                    config, path, content=f"# {page.title}\n", inclusion=InclusionLevel.INCLUDED
                )
            )
    # The feeds are written after the pages (they carry rendered issues); registering them
    # here lets MkDocs validate links to them like any other file.
    for path in (paths.RSS, paths.ATOM):
        result.append(File.generated(config, path, content=b"", inclusion=InclusionLevel.INCLUDED))
    return result


def _file(path: str, src_dir: str, config: MkDocsConfig) -> RegionFile:
    return RegionFile(
        path, src_dir, config.site_dir, config.use_directory_urls, inclusion=InclusionLevel.INCLUDED
    )
