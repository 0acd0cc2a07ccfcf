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

/* Favourites: «Favoritt» on content pages and the list on «Mine favoritter».
   Kept in localStorage under one key (never a cookie, never sent anywhere), keyed by the
   page's address inside its region («artikler/x/»), so a favourite saved in one region
   shows in every region that has the page. Without scripts or storage nothing is added:
   the page has no dead button, and «Mine favoritter» explains the feature. */
(function () {
  "use strict";
  var KEY = "kompetansebroen.favoritter";

  function valid(item) {
    return item && typeof item.path === "string" && typeof item.title === "string";
  }
  function load() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(valid) : [];
    } catch (e) { return []; }
  }
  function save(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); return true; } catch (e) { return false; }
  }
  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + ".prøve", "1");
      window.localStorage.removeItem(KEY + ".prøve");
      return true;
    } catch (e) { return false; }
  }
  function without(list, path) {
    return list.filter(function (item) { return item.path !== path; });
  }

  /* The region's root («/innlandet/»): Material's configuration gives it relative to this page. */
  function regionRoot() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href).pathname;
  }
  function regionOf(root) {
    var parts = root.split("/").filter(Boolean);
    return parts.length ? parts[parts.length - 1] : "";
  }
  /* The date as the page wrote it («15. november 2019»): the build formats every date, so this
     script has no month names of its own. A favourite saved before pages carried it shows its ISO day. */
  function shownDate(entry) {
    if (typeof entry.shown === "string" && entry.shown) { return entry.shown; }
    return typeof entry.date === "string" ? entry.date : "";
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function toggle(place) {
    var root = regionRoot();
    var here = window.location.pathname.replace(/index\.html$/, "");
    if (here.indexOf(root) !== 0) { return; }
    var path = decodeURI(here.slice(root.length));
    var button = element("button", "md-button kb-favourite__button");
    button.type = "button";
    button.appendChild(element("span", "kb-favourite__icon")).setAttribute("aria-hidden", "true");
    button.appendChild(document.createTextNode("Favoritt"));
    var status = element("span", "kb-favourite__status");
    status.setAttribute("role", "status");
    var list = element("a", "kb-favourite__list", "Mine favoritter");
    list.href = root + "favoritter/";

    function pressed() {
      return load().some(function (item) { return item.path === path; });
    }
    function show() { button.setAttribute("aria-pressed", pressed() ? "true" : "false"); }
    button.addEventListener("click", function () {
      var saved = load();
      var adding = !pressed();
      var next = without(saved, path);
      if (adding) {
        next.unshift({
          path: path,
          title: place.getAttribute("data-kb-title") || document.title,
          type: place.getAttribute("data-kb-type") || "",
          date: place.getAttribute("data-kb-date") || "",
          shown: place.getAttribute("data-kb-date-shown") || "",
          region: regionOf(root)
        });
      }
      if (!save(next)) { status.textContent = "Favoritten kunne ikke lagres i denne nettleseren."; return; }
      show();
      status.textContent = adding ? "Lagt til i Mine favoritter." : "Fjernet fra Mine favoritter.";
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) { show(); } });
    show();
    place.appendChild(button);
    place.appendChild(list);
    place.appendChild(status);
    place.hidden = false;
  }

  /* Every page of the region, from its search index's page list: a favourite whose page is gone drops out. */
  function regionPages(root) {
    return window.fetch(root + "search/kb/sider.json")
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (locations) {
        if (!Array.isArray(locations)) { return null; }
        var pages = {};
        locations.forEach(function (location) { pages[String(location)] = true; });
        return pages;
      })
      .catch(function () { return null; });
  }

  function favourites(box) {
    var root = regionRoot();
    var region = box.getAttribute("data-kb-region");
    var regionName = box.getAttribute("data-kb-region-name");
    var list = box.querySelector(".kb-favourites__list");
    var empty = box.querySelector(".kb-favourites__empty");
    var status = box.querySelector(".kb-favourites__status");
    var elsewhere = box.querySelector(".kb-favourites__elsewhere");
    var heading = document.getElementById("mine-favoritter");
    box.hidden = false;
    if (!storageWorks()) {
      status.textContent = "Nettleseren din lar ikke nettstedet lagre noe lokalt, så favoritter kan ikke brukes her.";
      return;
    }

    function item(entry) {
      var li = element("li", "kb-favourites__item");
      var link = element("a", "kb-favourites__link", entry.title);
      link.href = root + entry.path;
      li.appendChild(link);
      var facts = element("span", "kb-favourites__facts", entry.type);
      var date = shownDate(entry);
      if (date) {
        if (entry.type) { facts.appendChild(document.createTextNode(" · ")); }
        var time = element("time", "", date);
        time.setAttribute("datetime", entry.date);
        facts.appendChild(time);
      }
      li.appendChild(facts);
      var remove = element("button", "md-button kb-favourites__remove", "Fjern");
      remove.type = "button";
      remove.appendChild(element("span", "kb-visually-hidden", " «" + entry.title + "» fra favorittene"));
      remove.addEventListener("click", function () {
        if (!save(without(load(), entry.path))) { return; }
        var after = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        status.textContent = "«" + entry.title + "» er fjernet fra favorittene.";
        empty.hidden = list.children.length > 0;
        (after ? after.querySelector("button") : heading).focus();
      });
      li.appendChild(remove);
      return li;
    }

    regionPages(root).then(function (pages) {
      var saved = load();
      var shown = [];
      var kept = [];
      var missing = 0;
      saved.forEach(function (entry) {
        if (!pages || pages[entry.path]) {
          shown.push(entry);
          kept.push(entry);
        } else if (entry.region && entry.region !== region) {
          missing += 1;  // a page of another region: kept for that region's list
          kept.push(entry);
        }  // saved in this region and gone from it: dropped
      });
      if (kept.length !== saved.length) { save(kept); }
      list.replaceChildren.apply(list, shown.map(item));
      empty.hidden = shown.length > 0;
      elsewhere.hidden = missing === 0;
      elsewhere.textContent = missing === 1
        ? "Én favoritt finnes ikke i " + regionName + " og vises bare i området der du lagret den."
        : missing + " favoritter finnes ikke i " + regionName + " og vises bare i områdene der du lagret dem.";
    });
  }

  var place = document.querySelector("[data-kb-favourite]");
  var box = document.querySelector("[data-kb-favourites]");
  if (place && storageWorks()) { toggle(place); }
  if (box) { favourites(box); }
})();
