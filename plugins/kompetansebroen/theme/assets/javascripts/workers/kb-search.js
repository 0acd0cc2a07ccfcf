/* Kompetansebroen: Material's search worker, taught Norwegian inflections.

   Material sends every typed word as a prefix query ("sekretariatets*"), and lunr does not
   stem wildcard terms, so an inflected form that is not in the text (the genitive
   "sekretariatets") found nothing, even though "sekretariatet" is there. Here each such word
   is cut to its Norwegian stem before the prefix match ("sekretariat*"). The Norwegian
   stemmer only removes endings, so the stem is a prefix of the word: every page the word
   found before is still found. main.html points Material at this file and passes the name
   of Material's own worker, which lives in the same folder.

   Material starts this worker on page load but sends it nothing before the reader asks for
   search (kb-search-on-demand.js holds the index until then), so Material's worker and
   lunr are loaded with the first message, not with the page. That message is then handed
   to Material's worker, whose listener is added while it is being delivered. */
(function () {
  "use strict";
  var material = new URLSearchParams(self.location.search).get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("kb-search: unexpected search worker name: " + material);
  }
  function load(event) {
    self.removeEventListener("message", load);
    importScripts(material);
    teachNorwegian(self.lunr);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  }
  self.addEventListener("message", load);

  function teachNorwegian(lunr) {
    var parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function () {
      var query = parse.call(this);
      var stemmer = lunr.no && lunr.no.stemmer; /* loaded by Material for lang "no" */
      if (!stemmer) { return query; }
      query.clauses.forEach(function (clause) {
        var match = /^([^*]+)\*$/.exec(clause.term);
        if (!match || clause.presence === lunr.Query.presence.PROHIBITED) { return; }
        var stem = stemmer(new lunr.Token(match[1])).toString();
        if (stem && stem !== match[1] && match[1].indexOf(stem) === 0) { clause.term = stem + "*"; }
      });
      return query;
    };
  }
})();
