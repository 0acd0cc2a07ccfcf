/* Kompetansebroen: a region's search index is fetched when the reader asks for search.

   Material fetches search/search_index.json as soon as a page is served over http (it
   waits for the search toggle only on file: pages), so every first page view paid for the
   whole index, searched or not. This script runs before Material's bundle and holds that
   one request until the reader focuses the search field (a click, a tap on the search
   icon, or the keys "/", "s" and "f", which Material turns into focus) or opens the search
   toggle. Material's own request is then sent as it was made: its search, stemming and
   highlighting are untouched. A page reached from a search result (?h=…) highlights the
   words searched for, which needs the index, so there it is fetched at once. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var asked = false;

  function release() {
    if (asked) { return; }
    asked = true;
    held.splice(0).forEach(function (item) {
      if (item.request.readyState === XMLHttpRequest.OPENED) { send.apply(item.request, item.args); }
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      this.kbSearchIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    } catch (error) {
      this.kbSearchIndex = false;
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kbSearchIndex && !asked) {
      held.push({ request: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("input.md-search__input")) { release(); }
  });
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.id === "__search" && target.checked) { release(); }
  });
  if (new URLSearchParams(location.search).has("h")) { release(); }
})();
