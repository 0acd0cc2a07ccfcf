"""The browser editor's preview templates (``editor/admin.js``) run in Node, without a browser.

``admin.js`` is evaluated with the admin page's own hand-over (its script's ``data-kb-*`` attributes,
from ``admin_html``) and a stand-in for Decap that keeps the templates it registers. Each entry is
given to its collection's template, either as values or as a file (a Markdown file's front matter, a
series' ``serie.yml``) that Node reads with the ``yaml`` package, as Decap does (YAML 1.2:
``2024-05-22`` and ``12:30`` stay text).
What comes back is what the preview shows: the title, the line under it (``p.kb-meta``), the list of
facts as (name, value) pairs, any notice in the build's own markup, and the links as (text, address).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.editor.admin_page import SCRIPT_SOURCE, admin_html
from kompetansebroen.editor.collections import Scope, collections, preview_types

from .repos import REPO

SERIES = (("over-broen", "Over broen"),)
"""The sample's podcast series: its episodes are the collection ``podkast-over-broen``."""

_PREVIEW = r"""
const vm = require("vm");
const fs = require("fs");
const [scriptPath, handedOver, entries, yamlPath, bodies] = process.argv.slice(1);
const withBody = new Set(JSON.parse(bodies));
const YAML = require(yamlPath);
const attributes = JSON.parse(handedOver);
const templates = {};
const CMS = {
  getLocale: () => ({}),
  registerLocale: () => {},
  registerEventListener: () => {},
  registerPreviewStyle: () => {},
  registerPreviewTemplate: (name, template) => { templates[name] = template; },
};
const h = (tag, props, ...children) => ({ tag, props: props || {}, children: children.flat(Infinity) });
const document = {
  baseURI: "http://127.0.0.1/admin/",
  currentScript: { getAttribute: (name) => (name in attributes ? attributes[name] : null) },
};
vm.runInNewContext(fs.readFileSync(scriptPath, "utf8"), { window: { CMS, h }, document, URL });
const text = (node) =>
  node === null || node === undefined || node === false ? "" :
  typeof node !== "object" ? String(node) :
  node.props.dangerouslySetInnerHTML ? node.props.dangerouslySetInnerHTML.__html :
  node.children.map(text).join("");
const find = (node, test, found = []) => {
  if (node && typeof node === "object") {
    if (test(node)) found.push(node);
    node.children.forEach((child) => find(child, test, found));
  }
  return found;
};
const frontMatter = (path) =>
  YAML.parse(path.endsWith(".yml") ? fs.readFileSync(path, "utf8") : fs.readFileSync(path, "utf8").split(/^---$/m)[1]);
const shown = JSON.parse(entries).map(([collection, values]) => {
  const data = typeof values === "string" ? frontMatter(values) : values;
  // Decap keeps lists as Immutable lists; join and size are what the templates use of them.
  for (const [key, value] of Object.entries(data)) if (Array.isArray(value)) value.size = value.length;
  const entry = { getIn: ([, name]) => data[name] };
  const template = templates[collection];
  if (!template) return null;
  // As Decap's: a field the collection does not have is an error, not nothing.
  const widgetFor = (name) => {
    if (name !== "body" || !withBody.has(collection)) throw new Error(`${collection} has no field ${name}`);
    return null;
  };
  const tree = template({ entry, widgetFor, getAsset: () => null });
  const terms = find(tree, (node) => node.tag === "dt").map(text);
  const values_ = find(tree, (node) => node.tag === "dd").map(text);
  return {
    title: find(tree, (node) => node.tag === "h1").map(text).join(""),
    line: find(tree, (node) => node.props.className === "kb-meta").map(text).join(""),
    facts: terms.map((term, at) => [term, values_[at]]),
    notices: find(tree, (node) => node.props.dangerouslySetInnerHTML).map(text),
    links: find(tree, (node) => node.tag === "a").map((node) => [text(node), node.props.href ?? null]),
  };
});
console.log(JSON.stringify(shown));
"""


SCOPE = Scope(
    "content",
    None,
    (),
    series=SERIES,
    pages=(("index.md", "Kompetansebroen"), ("helsefellesskap/index.md", "Helsefellesskap")),
)
"""The sample's national admin page: its series and other pages (a region's hub has a shared one's name)."""


def handed_over() -> dict[str, str]:
    """The ``data-kb-*`` attributes of the national admin page's script, as the browser reads them."""
    page = admin_html("Redigering", "decap/decap-cms.js", [], preview_types(SCOPE))
    script = re.search(r'<script src="kb-admin.js"([^>]*)>', page)
    assert script is not None
    return {
        f"data-kb-{name}": html.unescape(value)
        for name, value in re.findall(r' data-kb-([\w-]+)="([^"]*)"', script.group(1))
    }


def with_body() -> list[str]:
    """The collections whose form has a ``body`` field (Decap's ``widgetFor("body")`` fails elsewhere)."""
    found = collections(Vocabulary((), ()), SCOPE)
    return [
        each["name"] for each in found if any(field["name"] == "body" for field in each.get("fields", []))
    ] + [  # a file collection: each file is an entry with a form of its own
        file["name"]
        for each in found
        for file in each.get("files", [])
        if any(field["name"] == "body" for field in file["fields"])
    ]


def previewed(entries: list[tuple[str, dict | Path]]) -> list[dict | None]:
    """What the preview of each (collection, values or file) shows; ``None`` for a collection without one.

    As in Decap, a file collection's entry is previewed by the file's name (``side-index``), not the
    collection's."""
    given = [
        (collection, str(values) if isinstance(values, Path) else values) for collection, values in entries
    ]
    yaml_package = REPO / "node_modules" / "yaml"
    assert yaml_package.is_dir(), f"{yaml_package} mangler: kjør make test (npm ci)"
    ran = subprocess.run(
        [
            "node",
            "-e",
            _PREVIEW,
            str(SCRIPT_SOURCE),
            json.dumps(handed_over()),
            json.dumps(given),
            str(yaml_package),
            json.dumps(with_body()),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr  # a template that fails in Decap fails here, with its error
    return json.loads(ran.stdout)
