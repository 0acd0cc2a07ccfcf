"""The search index in parts: which words are kept, where a page holds them, runs and result files."""

from __future__ import annotations

import gzip
import json
import random

from kompetansebroen.output import search_index
from kompetansebroen.output.search_words import STOP_WORDS, words_of

SETTINGS = {"config": {"lang": ["no"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}, "docs": []}


def entry(location: str, title: str, words: str = "", sections=(), tags=()) -> dict:
    found = {"location": location, "title": title, "text": "", "sections": [list(s) for s in sections]}
    found["words"] = " ".join(words_of(words))
    if tags:
        found["tags"] = list(tags)
    return found


def decoded(files: dict[str, str]) -> dict[str, dict[int, int]]:
    words: dict[str, dict[int, int]] = {}
    for name, text in files.items():
        if name.startswith("kb/w"):
            for word, numbers in json.loads(text).items():
                page = 0
                for number in numbers:
                    page += number >> 2
                    words.setdefault(word, {})[page] = number & 3
    return words


def test_words_are_lower_case_distinct_without_stop_words_or_single_letters() -> None:
    assert words_of("Sykehuset og kommunen – sykehuset i Gjøvik, 2024 (a)") == [
        "sykehuset",
        "kommunen",
        "gjøvik",
        "2024",
    ]
    assert {"og", "i", "det", "som", "på"} <= STOP_WORDS
    assert "helsefellesskap" not in STOP_WORDS


def test_a_page_is_found_by_title_heading_and_body_words_marked_by_where() -> None:
    files = search_index.parts(
        SETTINGS,
        [
            entry(
                "a/",
                "Tilskudd til sekretariat",
                "midler til kommunene",
                [("sekretariatsfunksjon", "Funksjon")],
            ),
            entry("b/", "Samarbeid", "sekretariatet ligger i kommunen", tags=["Helsefellesskap"]),
        ],
    )
    words = decoded(files)
    assert words["sekretariat"] == {0: search_index.TITLE}
    assert words["sekretariatet"] == {1: 0}
    assert words["funksjon"] == {0: search_index.HEADING}
    assert words["kommunene"] == {0: 0} and words["kommunen"] == {1: 0}
    assert words["helsefellesskap"] == {1: search_index.TITLE}, "a topic counts as the title"
    assert "til" not in words and "i" not in words


def test_a_word_in_the_title_and_the_body_is_marked_as_title() -> None:
    words = decoded(search_index.parts(SETTINGS, [entry("a/", "Legevakt", "legevakt åpen")]))
    assert words["legevakt"] == {0: search_index.TITLE}


def test_the_settings_keep_materials_and_say_where_the_parts_are() -> None:
    entries = [entry(f"p{n}/", f"Side {n}", "tekst") for n in range(20)]
    files = search_index.parts(SETTINGS, entries)
    index = json.loads(files["search_index.json"])
    assert index["docs"] == [] and index["config"]["lang"] == ["no"]
    kb = index["config"]["kb"]
    assert kb["pages"] == 20 and kb["group"] == search_index.PAGES_PER_FILE
    assert kb["stop"] == sorted(STOP_WORDS)
    shown = [page for n in range(3) for page in json.loads(files[f"kb/p{n}.json"])]
    assert [page[0] for page in shown] == [e["location"] for e in entries]
    assert f"kb/p{3}.json" not in files
    assert json.loads(files[search_index.PAGE_LIST]) == [e["location"] for e in entries]


def test_runs_are_sorted_bounded_and_listed_by_their_first_word() -> None:
    rng = random.Random(4)
    letters = "abcdefghijklmnopqrstuvwxyzæøå"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(3000)]
    entries = [entry(f"p{n}/", f"Side {n}", " ".join(rng.sample(vocabulary, 150))) for n in range(400)]
    files = search_index.parts(SETTINGS, entries)
    firsts = json.loads(files["search_index.json"])["config"]["kb"]["words"]
    runs = [json.loads(files[f"kb/w{n}.json"]) for n in range(len(firsts))]
    assert len(runs) > 3 and f"kb/w{len(runs)}.json" not in files
    assert [next(iter(run)) for run in runs] == firsts
    every = [word for run in runs for word in run]
    assert every == sorted(every) and len(set(every)) == len(every)
    for n in range(len(runs)):
        size = len(files[f"kb/w{n}.json"].encode())
        assert size <= search_index.CHUNK_BYTES + 2000, size
        assert len(gzip.compress(files[f"kb/w{n}.json"].encode())) < 16_000


def test_the_same_entries_give_the_same_bytes_and_a_change_a_new_version() -> None:
    entries = [entry("a/", "Legevakt", "åpen hele døgnet")]
    first = search_index.parts(SETTINGS, entries)
    assert search_index.parts(SETTINGS, entries) == first
    changed = search_index.parts(SETTINGS, [entry("a/", "Legevakt", "åpen om natten")])
    version = json.loads(first["search_index.json"])["config"]["kb"]["version"]
    assert json.loads(changed["search_index.json"])["config"]["kb"]["version"] != version


def test_the_bench_follows_a_typed_word_to_the_parts_it_needs(tmp_path) -> None:
    from bench.search_parts import fetched_parts

    entries = [entry(f"p{n}/", f"Side {n}", "legevakt" if n == 30 else "tekst") for n in range(40)]
    for name, text in search_index.parts(SETTINGS, entries).items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = [path.name for path in fetched_parts(tmp_path, "legevakten")]
    assert names == ["w0.json"], (
        "its run is looked in, but no indexed word starts with the whole inflected form"
    )
    names = [path.name for path in fetched_parts(tmp_path, "legevakt")]
    assert names == ["w0.json", f"p{30 // search_index.PAGES_PER_FILE}.json"]
