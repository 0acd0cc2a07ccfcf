"""Every cache key starts with what the pages are made with: the renderers' versions and our own files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kompetansebroen.mkdocs_adapter import code_versions


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "kompetansebroen"
    (root / "theme").mkdir(parents=True)
    (root / "plugin.py").write_text("A = 1\n", encoding="utf-8")
    (root / "theme/main.html").write_text("<p>side</p>\n", encoding="utf-8")
    monkeypatch.setattr(code_versions, "PACKAGE_ROOT", root)
    code_versions.code_fingerprint.cache_clear()
    yield root
    code_versions.code_fingerprint.cache_clear()


def _fresh() -> str:
    code_versions.code_fingerprint.cache_clear()
    return code_versions.code_fingerprint()


def test_a_change_to_our_code_or_theme_changes_the_fingerprint(package: Path) -> None:
    first = _fresh()
    assert _fresh() == first, "the same files give the same fingerprint"
    (package / "plugin.py").write_text("A = 2\n", encoding="utf-8")
    second = _fresh()
    assert second != first
    (package / "theme/main.html").write_text("<p>ny side</p>\n", encoding="utf-8")
    assert _fresh() != second


def test_compiled_files_do_not_count(package: Path) -> None:
    first = _fresh()
    (package / "__pycache__").mkdir()
    (package / "__pycache__/plugin.cpython-311.pyc").write_bytes(b"\x00\x01")
    assert _fresh() == first


def test_an_upgrade_of_a_renderer_changes_the_fingerprint(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _fresh()
    for renderer in code_versions.RENDERERS:
        real = code_versions.installed_version
        monkeypatch.setattr(
            code_versions,
            "installed_version",
            lambda name, real=real, renderer=renderer: "99.0" if name == renderer else real(name),
        )
        assert _fresh() != first, renderer
        monkeypatch.setattr(code_versions, "installed_version", real)
    assert _fresh() == first
