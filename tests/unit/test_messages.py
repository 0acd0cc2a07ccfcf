"""Every Norwegian message a user reads lives in messages.py; the rest of the package calls it by name.

A message written by hand elsewhere is a literal in Norwegian (a letter æ, ø or å, the quotes « », or a
common Norwegian word) passed straight to what reports it:

* what collects editors' problems: ``FieldError(…)``, ``FoundProblem(…)``, ``Problem(…)``, ``YamlError(…)``,
  ``MediaError(…)``, ``ValidationError(…)``, ``problems.add(…)``;
* an exception: what follows ``raise``, or any ``…Error(…)``, ``…Exception(…)``, ``…Exit(…)``;
* a warning or an error: ``log.warning/error/critical/exception(…)``, ``warnings.warn(…)``,
  ``parser.error(…)``, ``sys.exit(…)``, ``print(…, file=sys.stderr)``;
* a line of progress, ``log.info/debug(…)`` and ``print(…)`` to stdout, outside the few modules that
  report the build's progress (:data:`PROGRESS`).

English text passes: it is for developers (an ``assert``-like ``ValueError`` the content cannot cause), and
so do names and paths. ``argparse``'s ``help=`` and ``description=`` are not reports: they stay with the
options they describe (README, «Messages»).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kompetansebroen import messages

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "kompetansebroen"

OUTSIDE = ("messages.py",)
"""The messages themselves."""

PROGRESS = {
    "mkdocs_adapter/plugin.py",
    "mkdocs_adapter/region_build.py",
    "mkdocs_adapter/root_build.py",
    "output/publishing/commands.py",
    "output/publishing/local_nginx.py",
}
"""Modules whose info lines and stdout say how the build or a command is getting on («Nettstedet er publisert
i site»); such lines say nothing is wrong and ask nothing, and stay with their code. Their warnings, errors
and exceptions are checked like everyone's."""

COLLECTORS = {"FieldError", "FieldGroupError", "FoundProblem", "Problem", "YamlError", "MediaError"}
WARNINGS = {"warning", "error", "critical", "exception", "warn", "exit"}
PROGRESS_CALLS = {"info", "debug", "print"}

NORWEGIAN = re.compile(
    r"[æøåÆØÅ«»]|\b(er|ikke|og|eller|på|som|skriv|kjør|mangler|finnes|fant|ingen|ingenting|må|kan|med|til|"
    r"fra|den|det|av|har|feil|bygget|nettstedet|område|området|områder)\b",
    re.IGNORECASE,
)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _owner(func: ast.expr) -> str:
    if not isinstance(func, ast.Attribute):
        return ""
    owner = func.value
    return owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")


def _to_stderr(call: ast.Call) -> bool:
    return any(keyword.arg == "file" and "stderr" in ast.unparse(keyword.value) for keyword in call.keywords)


def _reports(call: ast.Call, raised: bool, progress_allowed: bool, exceptions: frozenset[str]) -> bool:
    """Whether what ``call`` is given reaches a user as a problem, a warning, an error or progress."""
    name = _name(call.func)
    if raised or name in COLLECTORS or name in exceptions or name.endswith(("Error", "Exception", "Exit")):
        return True
    if name in ("add", "append") and _owner(call.func) == "problems":
        return True
    if name in WARNINGS:
        return True
    if name == "print" and _to_stderr(call):
        return True
    return name in PROGRESS_CALLS and not progress_allowed


def _literal_words(node: ast.AST) -> list[str]:
    """The literal text that ``node`` writes itself (not what a call returns)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [text for part in node.values for text in _literal_words(part)]
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def is_norwegian(text: str) -> bool:
    return bool(NORWEGIAN.search(text))


def hand_written_messages(
    source: str, *, progress_allowed: bool = False, exceptions: frozenset[str] = frozenset()
) -> list[tuple[int, str]]:
    """Each line where a Norwegian message is written by hand into a report, and the words written.

    ``exceptions`` names the package's own exception classes whose names do not end in ``Error``.
    """
    tree = ast.parse(source)
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise) and node.exc is not None}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _reports(node, id(node) in raised, progress_allowed, exceptions):
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                text = "".join(_literal_words(argument))
                if " " in text.strip() and is_norwegian(text):
                    found.append((node.lineno, text))
    return found


def exception_classes(sources: list[str]) -> frozenset[str]:
    """The classes these modules define that are exceptions: their bases are, by name, one by one."""
    bases = {
        node.name: [ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases]
        for source in sources
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef)
    }
    found = {"ValidationError"}
    while True:
        more = {
            name
            for name, parents in bases.items()
            if name not in found
            and any(parent in found or parent.endswith(("Error", "Exception")) for parent in parents)
        }
        if not more:
            return frozenset(found)
        found |= more


def _checked_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not path.relative_to(PACKAGE).as_posix().startswith(OUTSIDE)
    ]


def test_the_check_finds_a_message_written_by_hand() -> None:
    source = """
raise FieldError(f"«{raw}» er ikke et heltall; skriv {name}: 42")
problems.add(path, None, "", "mappen mangler; lag den")
self.problems.add(shown, line, "draft", "siden er et " + "utkast")
found.append(FoundProblem(1, "", message if ok else "front matter mangler"))
"""
    assert [line for line, _ in hand_written_messages(source)] == [2, 3, 4, 5]


def test_the_check_finds_norwegian_in_exceptions_warnings_and_stderr() -> None:
    source = """
raise PublishingError(f"{path}: låsefilen kan ikke åpnes; bygg på nytt")
return PluginError(f"{count} feil i innholdet")
log.warning("kompetansebroen: mellomlageret kan ikke brukes")
print("Ukjent område", file=sys.stderr)
raise SystemExit("Skriv området og utgaven")
parser.error("mangler området")
return RegionValueOutsideSlot(f"{where}kb.{name} er ulik fra område til område")
problems.append(f"tema nr. {number} mangler {key}")
"""
    exceptions = exception_classes(["class RegionValueOutsideSlot(KeyError): ..."])
    found = hand_written_messages(source, exceptions=exceptions)
    assert [line for line, _ in found] == [2, 3, 4, 5, 6, 7, 8, 9]


def test_progress_lines_stay_only_where_the_build_reports_progress() -> None:
    source = """
log.info(f"Nettstedet er publisert i {final}")
print(f"{count} filer komprimert på {seconds} s")
"""
    assert [line for line, _ in hand_written_messages(source)] == [2, 3]
    assert hand_written_messages(source, progress_allowed=True) == []


def test_english_for_developers_passes() -> None:
    # Sentences from the package that no content can cause: they name code, not a fix for an editor.
    source = """
raise ValueError("start and end must both be dates or both datetimes")
raise AssertionError("MRML's output lost the body's placeholder")
raise ZoneInfoNotFoundError(f"The time zone {name} is missing: install the system time-zone database or the tzdata package")
raise RuntimeError(f"{path}: a page's context is asked for before the region's files are known")
parser.add_argument("--region", default="", help="området som redigeres (tomt: felles innhold)")
"""
    assert hand_written_messages(source) == []


def test_names_paths_and_gathered_messages_pass() -> None:
    source = """
raise FieldError(messages.integer_empty(name, self.example))
problems.add(f"{REGIONS_DIR}/", None, "", messages.NO_REGIONS_AT_ALL)
found.append(FoundProblem(lines["image"], "image_alt", messages.IMAGE_ALT_MISSING))
errors.append(FieldError(error.message, line_of(item)))
"""
    assert hand_written_messages(source) == []


def test_no_module_writes_a_norwegian_message_by_hand() -> None:
    modules = _checked_modules()
    assert len(modules) > 120  # the scan reaches the whole package, not an empty folder
    sources = {path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8") for path in modules}
    exceptions = exception_classes(list(sources.values()))
    assert {"RegionValueOutsideSlot", "BuildLocked", "SettingsError"} <= exceptions
    found = [
        f"{relative}:{line}: {text!r}"
        for relative, source in sources.items()
        for line, text in hand_written_messages(
            source, progress_allowed=relative in PROGRESS, exceptions=exceptions
        )
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
    assert messages.check_ok(12, ["innlandet", "vestre-viken"], 0.5) == (
        "OK: 12 sider i 2 områder (innlandet, vestre-viken) sjekket på 0.50 s"
    )
    assert messages.build_stopped(3) == (
        "3 feil i innholdet; ingenting er publisert, og forrige versjon av nettstedet står urørt."
    )
    assert messages.email_image_too_large("kart.png", 1.25) == (
        "bildet «kart.png» er 1,2 MB, og e-postutgaven av nyhetsbrevet tåler bilder på høyst 1 MB "
        "(mange e-postprogrammer kutter eller blokkerer større); gjør bildet mindre, f.eks. 1200 px bredt som JPEG"
    )


def test_the_app_id_message_names_the_git_service() -> None:
    # It printed «{backend}» itself before it moved here.
    assert messages.cms_app_id_missing("gitea") == (
        "cms → app_id: mangler; gitea krever en OAuth-applikasjon for innlogging, "
        "skriv applikasjonens id fra innstillingene i gitea, f.eks. app_id: 1a2b3c"
    )
