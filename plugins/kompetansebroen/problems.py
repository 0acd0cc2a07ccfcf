"""Problems found in editors' input, collected so that one run reports them all."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import messages


def visible(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes (``\\n``, ``\\x07``).

    A file or folder name, or a value quoted in a message, may hold them; printed raw, one problem
    would spill over several lines.
    """
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: where it is, which field, what is wrong and what is expected."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = f" {self.field}:" if self.field else ""
        # One problem is one line, even when a name or a quoted value holds a line break.
        return visible(f"{where}:{subject} {self.message}")


@dataclass
class Problems:
    """An ordered, de-duplicated collection of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, field_name: str, message: str) -> None:
        problem = Problem(path, line, field_name, message)
        if problem not in self.items:
            self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem not in self.items:
                self.items.append(problem)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=lambda p: (p.path, p.line or 0, p.field, p.message)))

    def report(self, summary: str = messages.NOTHING_PUBLISHED) -> str:
        """Every problem on its own line, then ``N feil funnet; <summary>``."""
        lines = [str(problem) for problem in self]
        lines.append(messages.problems_found(len(lines), summary))
        return "\n".join(lines)


class ContentError(Exception):
    """Raised when the content has problems; carries all of them."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems
