"""A minimal but complete repository for contract tests (builds and checks: tests/support/builds.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.repos import REPO, write

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


def write_repo(root: Path) -> Path:
    """Write the fixture repository below ``root``; mkdocs.yml is the project's own."""
    for rel, text in FILES.items():
        write(root, rel, text)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root
