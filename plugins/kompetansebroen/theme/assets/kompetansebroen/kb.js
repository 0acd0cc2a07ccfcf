/* Kompetansebroen: remember the reader's region (localStorage, never a cookie).
   The page works without this script; it only saves a choice and, on the
   root chooser, takes a returning reader straight to their region. */
(function () {
  "use strict";
  var KEY = "kompetansebroen.omrade";

  function remember(id) {
    try { window.localStorage.setItem(KEY, id); } catch (e) { /* storage disabled */ }
  }
  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-kb-region]");
    if (link) { remember(link.getAttribute("data-kb-region")); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = document.querySelector(".kb-region__details[open]");
    if (open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });

  var chooser = document.querySelector(".kb-chooser");
  if (!chooser) { return; }
  var params = new URLSearchParams(window.location.search);
  function linkFor(id) {
    return id ? chooser.querySelector('a[data-kb-region="' + CSS.escape(id) + '"]') : null;
  }
  var requested = linkFor(params.get("o"));
  if (requested) {
    remember(requested.getAttribute("data-kb-region"));
    window.location.replace(requested.href);
    return;
  }
  if (params.has("velg")) { return; }
  var saved = linkFor(remembered());
  if (saved) { window.location.replace(saved.href); }
})();
