"""The wording of editors' messages lives in messages.py; the modules that check the content call it by name.

A message written by hand elsewhere is a string with words (a blank in it) passed straight to what
collects problems: ``FieldError(…)``, ``FoundProblem(…)``, ``Problem(…)``, ``YamlError(…)``,
``MediaError(…)`` or ``problems.add(…)``. Field names and paths have no blanks, so they pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

from kompetansebroen import messages

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "kompetansebroen"

OUTSIDE = ("messages.py", "mkdocs_adapter/", "output/", "mail/", "editor/")
"""The messages themselves, and the layers that report building and publishing, not editors' mistakes."""

COLLECTORS = {"FieldError", "FieldGroupError", "FoundProblem", "Problem", "YamlError", "MediaError"}


def _collects_problems(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in COLLECTORS
    if isinstance(func, ast.Attribute):
        if func.attr in COLLECTORS:
            return True
        owner = func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        return func.attr == "add" and name == "problems"
    return False


def _literal_words(node: ast.AST) -> list[str]:
    """The literal text with a blank in it that ``node`` writes itself (not what a call returns)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if " " in node.value.strip() else []
    if isinstance(node, ast.JoinedStr):
        return [text for part in node.values for text in _literal_words(part)]
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def hand_written_messages(source: str) -> list[tuple[int, str]]:
    """Each line where a message is written by hand into a problem, and the words written."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _collects_problems(node):
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                found += [(node.lineno, text) for text in _literal_words(argument)]
    return found


def _checked_modules() -> list[Path]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(OUTSIDE):
            continue
        modules.append(path)
    return modules


def test_the_check_finds_a_message_written_by_hand() -> None:
    source = """
raise FieldError(f"«{raw}» er ikke et heltall; skriv {name}: 42")
problems.add(path, None, "", "mappen mangler; lag den")
self.problems.add(shown, line, "draft", "siden er et " + "utkast")
found.append(FoundProblem(1, "", message if ok else "front matter mangler"))
"""
    assert [line for line, _ in hand_written_messages(source)] == [2, 2, 3, 4, 5]


def test_names_paths_and_gathered_messages_pass() -> None:
    source = """
raise FieldError(messages.integer_empty(name, self.example))
problems.add(f"{REGIONS_DIR}/", None, "", messages.NO_REGIONS_AT_ALL)
found.append(FoundProblem(lines["image"], "image_alt", messages.IMAGE_ALT_MISSING))
errors.append(FieldError(error.message, line_of(item)))
"""
    assert hand_written_messages(source) == []


def test_the_domain_writes_no_editor_message_by_hand() -> None:
    modules = _checked_modules()
    assert len(modules) > 40  # the scan reaches the package, not an empty folder
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
        for path in modules
        for line, text in hand_written_messages(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "write the wording in messages.py and call it by name:\n" + "\n".join(found)


def test_messages_keep_their_wording() -> None:
    # Spot checks that the move changed no word; the contract tests assert many more verbatim.
    assert messages.integer_leading_zero("0150", "municipalities", 150) == (
        "«0150» har innledende null; skriv municipalities: 150"
    )
    assert messages.front_matter_missing("en fagartikkel", messages.listed_with_and(["title", "date"])) == (
        "front matter mangler; en fagartikkel trenger title og date øverst i filen, mellom to linjer med bare ---"
    )
    assert messages.unknown_value("tema", "Demens", messages.known_values([])) == (
        "ukjent tema «Demens»; kjente verdier er (ingen)"
    )
