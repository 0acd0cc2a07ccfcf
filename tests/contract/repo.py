"""A minimal but complete repository for contract tests, and how to build and check it like a user."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

ARTICLE = """---
title: "{title}"
date: 2024-03-01
description: "{description}"
tags:
  - Helsefellesskap
  - Kompetanse
authors:
  - "Redaksjonen"
---

Innledning til artikkelen.

## Bakgrunn

Les [planen](../styrende-dokumenter/plan.md) og [avtalen](../styrende-dokumenter/avtale.md).

## Mer

Se [bakgrunnen](#bakgrunn) og [temaet](../tema/kompetanse.md).
"""

FILES: dict[str, str | bytes] = {
    "content/index.md": """---
title: "Kompetansebroen"
tags: [Kompetanse]
---

Velkommen. Les [den første artikkelen](artikler/forste-artikkel.md).
""",
    "content/artikler/forste-artikkel.md": ARTICLE.format(
        title="Første artikkel", description="Om samarbeid mellom sykehus og kommuner."
    ),
    "content/artikler/andre-artikkel.md": ARTICLE.format(
        title="Andre artikkel", description="Om kompetansedeling."
    ),
    "content/nyhetsbrev/2024-01-nyhetsbrev.md": """---
title: "Nyhetsbrev – januar 2024"
date: 2024-01-15
description: "Sakene i januar."
tags:
  - Helsefellesskap
---

## Nytt i januar

Se [den første artikkelen](../artikler/forste-artikkel.md#bakgrunn).
""",
    "content/styrende-dokumenter/plan.md": """---
title: "Nasjonal plan"
date: 2019-11-01
issuer: "Helse- og omsorgsdepartementet"
url: "https://www.regjeringen.no/no/dokumenter/meld.-st.-7-20192020/id2678667/"
tags: [Helsefellesskap]
---

Planen gir retning for samarbeidet.
""",
    "content/styrende-dokumenter/avtale.md": """---
title: "Samarbeidsavtale"
date: 2012-01-01
issuer: "Kommuner og helseforetak"
file: vedlegg/avtale.pdf
status: historisk
tags: [Helsefellesskap]
---

Avtalen er historisk.
""",
    "content/styrende-dokumenter/vedlegg/avtale.pdf": b"%PDF-1.4\n% eksempel\n",
    "content/helsefellesskap/index.md": """---
title: "Helsefellesskap"
hub: Helsefellesskap
tags: [Helsefellesskap]
---

Helsefellesskapene er samarbeidet mellom helseforetaket og kommunene.
""",
    "content/arrangementer/fagdag.md": """---
title: "Fagdag om samhandling"
description: "En dag om samarbeidet mellom sykehus og kommuner."
start: 2024-03-14 09:00
end: 2024-03-14 15:30
format: fysisk
place: "Auditoriet, Sykehusveien 1, 0000 Eksempelby"
organiser: "Sykehuset Nord"
registration_url: https://pamelding.example/fagdag
registration_deadline: 2024-03-01
audience: [Sykepleiere, Leger]
tags: [Samhandling]
---

Program kommer.
""",
    "regions/nord/region.yml": """name: Nord
hospital: Sykehuset Nord
municipalities: 12
description: "Samarbeid i nord."
contact:
  email: post@nord.example
""",
    "regions/sor/region.yml": """name: Sør
hospital: Sykehuset Sør
description: "Samarbeid i sør."
contact:
  url: https://sor.example/kontakt
""",
    "regions/sor/artikler/lokal-artikkel.md": """---
title: "Lokal artikkel for Sør"
date: 2024-02-01
description: "Bare i Sør."
tags: [Samhandling]
---

Se [den første artikkelen](forste-artikkel.md).
""",
}


def write(repo: Path, rel: str, content: str | bytes) -> None:
    """Write one file of the repository (folders as needed)."""
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def write_repo(root: Path) -> Path:
    """Write the fixture repository below ``root``; mkdocs.yml is the project's own."""
    for rel, text in FILES.items():
        write(root, rel, text)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMPETANSEBROEN_REGION": ""}
    env.pop("SOURCE_DATE_EPOCH", None)
    return {**env, **(extra or {})}


BUILD = [sys.executable, "-m", "mkdocs", "build"]
CHECK = [sys.executable, "-m", "kompetansebroen.cli"]


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str


def start(command: list[str], repo: Path, extra_env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=repo,
        env=environment(extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 300) -> Run:
    output, _ = process.communicate(timeout=timeout)
    return Run(process.returncode, output)


def run(command: list[str], repo: Path, extra_env: dict[str, str] | None = None) -> Run:
    return finish(start(command, repo, extra_env))


def build_and_check(repo: Path) -> tuple[Run, Run]:
    """``mkdocs build`` and the check command, side by side (the check only reads)."""
    build, check = start(BUILD, repo), start(CHECK, repo)
    return finish(build), finish(check)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by relative path, with the SHA-256 of its bytes."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() or path.is_symlink():
            hashes[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Human-readable differences between two :func:`tree_hashes` results."""
    found = [f"mangler nå: {p}" for p in sorted(set(before) - set(after))]
    found += [f"ny: {p}" for p in sorted(set(after) - set(before))]
    found += [f"endret: {p}" for p in sorted(set(before) & set(after)) if before[p] != after[p]]
    return found
