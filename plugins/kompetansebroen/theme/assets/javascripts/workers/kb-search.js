/* Kompetansebroen: the search worker behind Material's search box.

   Material's page script talks to its search worker in four messages (set-up, ready, query,
   result) and renders whatever results the worker sends; Material documents this as the way
   to bring one's own search. Material's worker builds a lunr index from the whole
   search_index.json, which at 10,000 pages would be far over what a first search may cost.
   So the index is in parts (output/search_index.py): search_index.json holds Material's
   settings and a table of contents, and this worker fetches, for each typed word, only the
   runs of words it can be in, and for the best pages only the small files that say what a
   result shows. Material's worker is still loaded with the set-up message: it brings lunr and
   its Norwegian stemmer and stop words, and answers "ready"; every query is answered here.

   A typed word is cut to its Norwegian stem and finds every indexed word that starts with it
   ("sekretariatets" finds "sekretariatet"): the stemmer only removes endings, so the stem is a
   prefix of the word. Pages that hold the most of the typed words are listed, best first: a
   word in the title or a topic counts most, then a heading, then the body. main.html points
   Material at this file and passes the name of Material's own worker, in the same folder.

   Material starts this worker on page load but sends it nothing before the reader asks for
   search (kb-search-on-demand.js holds the index until then), so Material's worker and lunr
   are loaded with the first message, not with the page. */
(function () {
  "use strict";
  var SETUP = 0; /* Material's message types */
  var QUERY = 2;
  var RESULT = 3;
  var TITLE = 1; /* where a page holds a word, as output/search_index.py writes it */
  var HEADING = 2;
  var FOUND = 4;
  var MOST_RESULTS = 20; /* pages listed; each costs a part of a small file */
  var MOST_RUNS = 4; /* a stem whose words fill more runs is looked up as typed, whole */
  var EMPTY_WAIT = 150; /* ms an empty field's answer waits for the reader's first key (see below) */
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var TOKEN = /&[#\w]+;|[\p{L}\p{N}\p{M}]+/gu;

  var material = new URLSearchParams(self.location.search).get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("kb-search: unexpected search worker name: " + material);
  }
  var base = new URL("../../../search/", self.location.href); /* beside the region's assets */
  var index = null;
  var stop = null;
  var files = {};
  var forwarding = false;
  var queue = Promise.resolve();
  var latest = "";

  self.addEventListener("message", function (event) {
    if (forwarding) { return; }
    var message = event.data || {};
    if (message.type === SETUP) {
      setUp(message.data);
    } else if (message.type === QUERY) {
      event.stopImmediatePropagation(); /* Material's worker has an empty index */
      var value = latest = String(message.data || "");
      if (!value.trim()) {
        /* Material asks for the field as it is when the index is ready, often empty, just after the
           reader has focused it, and shows each answer with the field as it is when the answer comes:
           an empty field's answer that came after the first key read «Ingen treff» over a word that
           finds pages. It is sent only if nothing was typed meanwhile. */
        setTimeout(function () {
          if (value === latest) { answer({ items: [] }); }
        }, EMPTY_WAIT);
        return;
      }
      queue = queue
        .then(function () {
          /* Material asks on every key; a query already followed by another is not worth its parts */
          return value === latest ? search(value).then(answer) : null;
        })
        .catch(function (error) {
          console.warn("kb-search:", error);
          answer({ items: [] });
        });
    }
  });

  function answer(result) {
    self.postMessage({ type: RESULT, data: result });
  }

  function setUp(data) {
    if (index === null) { importScripts(material); }
    index = data.config.kb;
    stop = new Set(index.stop);
    forwarding = true;
    try {
      /* Material's own listener, added while its script loaded, loads the stemmer and answers ready */
      self.dispatchEvent(new MessageEvent("message", {
        data: { type: SETUP, data: { config: data.config, docs: [], options: data.options } }
      }));
    } finally {
      forwarding = false;
    }
  }

  function fetchPart(name) {
    if (!files[name]) {
      var url = new URL("kb/" + name + "?v=" + encodeURIComponent(index.version), base);
      files[name] = fetch(url.href).then(function (response) {
        if (!response.ok) { throw new Error(url.href + ": " + response.status); }
        return response.json();
      });
      files[name].catch(function () { delete files[name]; }); /* asked again next time */
    }
    return files[name];
  }

  function stemOf(word) {
    var lunr = self.lunr;
    var stemmer = lunr && lunr.no && lunr.no.stemmer;
    if (!stemmer) { return word; }
    var stem = stemmer(new lunr.Token(word)).toString();
    return stem.length >= index.shortest && word.indexOf(stem) === 0 ? stem : word;
  }

  function termsOf(value) {
    var terms = [];
    var seen = new Set();
    (value.toLowerCase().match(WORD) || []).forEach(function (word) {
      if (word.length < index.shortest || stop.has(word) || seen.has(word)) { return; }
      seen.add(word);
      terms.push({ typed: word, stem: stemOf(word) });
    });
    return terms;
  }

  /* The run a word would be in: the last whose first word is not after it. */
  function runOf(word) {
    var low = 0;
    var high = index.words.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (index.words[middle] <= word) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  /* Map of page number to where the page holds a word of the term (with FOUND set). */
  function pagesOf(term) {
    var first = runOf(term.stem);
    var last = runOf(term.stem + "\uffff");
    var whole = last - first + 1 > MOST_RUNS;
    if (whole) { first = last = runOf(term.typed); }
    var wanted = [];
    for (var run = first; run <= last; run++) { wanted.push(fetchPart("w" + run + ".json")); }
    return Promise.all(wanted).then(function (runs) {
      var pages = new Map();
      runs.forEach(function (words) {
        Object.keys(words).forEach(function (word) {
          if (whole ? word !== term.typed : word.indexOf(term.stem) !== 0) { return; }
          var page = 0;
          words[word].forEach(function (number) {
            page += number >> 2;
            pages.set(page, (pages.get(page) || 0) | (number & 3) | FOUND);
          });
        });
      });
      return pages;
    });
  }

  function weight(where) {
    return where & TITLE ? 10 : where & HEADING ? 4 : 1;
  }

  function best(found) {
    var hits = new Map();
    found.forEach(function (pages, term) {
      pages.forEach(function (where, page) {
        var hit = hits.get(page) || { page: page, matched: 0, score: 0, where: [] };
        hit.matched += 1;
        hit.score += weight(where);
        hit.where[term] = where;
        hits.set(page, hit);
      });
    });
    var all = Array.from(hits.values());
    var most = all.reduce(function (top, hit) { return Math.max(top, hit.matched); }, 0);
    return all
      .filter(function (hit) { return hit.matched === most; })
      .sort(function (a, b) { return b.score - a.score || a.page - b.page; })
      .slice(0, MOST_RESULTS);
  }

  function shownOf(page) {
    return fetchPart("p" + Math.floor(page / index.group) + ".json").then(function (pages) {
      return pages[page % index.group];
    });
  }

  function matches(word, terms) {
    return terms.some(function (term) { return word.indexOf(term.stem) === 0; });
  }

  /* The text (HTML, escaped by the index) with each word a term finds in <mark>. */
  function mark(text, terms) {
    return text.replace(TOKEN, function (token) {
      return token.charAt(0) !== "&" && matches(token.toLowerCase(), terms) ? "<mark>" + token + "</mark>" : token;
    });
  }

  /* One result in Material's form: the page, then the headings a term finds. */
  function resultOf(hit, shown, terms) {
    var found = {};
    terms.forEach(function (term, n) { found[term.typed] = hit.where[n] !== undefined; });
    var page = {
      location: shown[0],
      title: mark(shown[1], terms),
      text: mark(shown[2], terms),
      score: hit.score,
      terms: found
    };
    if (shown[4].length) { page.tags = shown[4]; }
    var sections = shown[3]
      .filter(function (section) {
        return (section[1].toLowerCase().replace(/&[#\w]+;/g, " ").match(WORD) || []).some(function (word) {
          return matches(word, terms);
        });
      })
      .map(function (section) {
        return { location: shown[0] + "#" + section[0], title: mark(section[1], terms), text: "", score: hit.score, terms: found };
      });
    return [page].concat(sections);
  }

  function search(value) {
    var terms = termsOf(value);
    if (!terms.length) { return Promise.resolve({ items: [] }); }
    return Promise.all(terms.map(pagesOf)).then(function (found) {
      var hits = best(found);
      return Promise.all(hits.map(function (hit) { return shownOf(hit.page); })).then(function (shown) {
        return { items: hits.map(function (hit, n) { return resultOf(hit, shown[n], terms); }) };
      });
    });
  }
})();
