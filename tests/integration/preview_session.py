"""Run one `mkdocs serve --dirty`-style session: after each step, an incremental rebuild and a clean one.

Usage: python preview_session.py STEPS.json RESULT.json (in the project folder, with
KOMPETANSEBROEN_REGION set). Each step writes and deletes files; the result lists, per
step, whether the incremental build succeeded, which output files differ from a clean
build of the same content, and which HTML pages the incremental build wrote.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

from kompetansebroen.carry_over import PREVIEWING, forget_everything
from mkdocs.commands.build import build
from mkdocs.config import load_config


def preview(site_dir: Path, dirty: bool) -> bool:
    config = load_config("mkdocs.yml", site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
    except Exception:  # noqa: BLE001 - a failed build is a result here
        return False
    finally:
        config.plugins.on_shutdown()
    return True


def tree(site: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(site).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def main(steps_file: str, result_file: str) -> None:
    steps = json.loads(Path(steps_file).read_text(encoding="utf-8"))
    PREVIEWING.on = True  # as make serve: what one rebuild worked out is kept for the next
    incremental, clean = Path("preview-incremental"), Path("preview-clean")
    results = []
    assert preview(incremental, dirty=True)
    for step in steps:
        for path, text in step.get("write", {}).items():
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(text, encoding="utf-8")
        for path in step.get("delete", []):
            Path(path).unlink()
        before = tree(incremental)
        ok = preview(incremental, dirty=True)
        after = tree(incremental)
        written = sorted(
            path
            for path, (_, mtime) in after.items()
            if path.endswith(".html") and before.get(path, ("", 0))[1] != mtime
        )
        shutil.rmtree(clean, ignore_errors=True)
        forget_everything()  # the clean build reuses nothing, as a new process would not
        assert preview(clean, dirty=False) == ok
        expected = tree(clean) if ok else {}
        differing = sorted(
            path
            for path in set(after) | set(expected)
            if after.get(path, ("", 0))[0] != expected.get(path, ("", 0))[0]
        )
        results.append({"ok": ok, "differing": differing if ok else [], "written": written})
    Path(result_file).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
