/* Kompetansebroen: filters on the list of learning resources (Læringsressurser).
   The page is built with every card showing and the filter block hidden, as
   data: per facet (type, topic, profession) a label and its values with their
   counts. The site's HTML allows no form controls in page bodies, so this
   script makes that data into controls: per facet a fieldset of toggle
   buttons, «Alle» first. Choosing a value shows only the cards that have it
   (every facet must match, one value per facet), says how many are shown in a
   live region, and shows the «none» text when nothing matches. The choice is
   kept in the address (?type=film&tema=…) so a filtered list can be shared and
   comes back on reload. Without the script the reader gets the full list. */
(function () {
  "use strict";

  /* Query names of the facets: Norwegian, as readers see them in a shared link. */
  var PARAMETERS = { type: "type", topic: "tema", profession: "yrkesgruppe" };
  var ALL = "";

  function parameterOf(facet) {
    return PARAMETERS[facet] || facet;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  /* The list the filter block belongs to: the next catalogue after it on the page. */
  function catalogueAfter(filters) {
    var node = filters.nextElementSibling;
    while (node) {
      if (node.matches("[data-kb-catalogue]")) { return node; }
      var inside = node.querySelector("[data-kb-catalogue]");
      if (inside) { return inside; }
      node = node.nextElementSibling;
    }
    return null;
  }

  function noneAfter(catalogue) {
    var node = catalogue.nextElementSibling;
    while (node && !node.matches("[data-kb-catalogue]")) {
      if (node.matches(".kb-cards-none")) { return node; }
      node = node.nextElementSibling;
    }
    return null;
  }

  function valuesOf(card, facet) {
    var raw = card.getAttribute("data-kb-" + facet);
    return raw ? raw.split("|") : [];
  }

  /* Wide screens show every facet's buttons (the toggle is hidden there by kb-learning.css);
     narrow ones start folded, and keep what the reader opened or closed until the width changes. */
  var WIDE = window.matchMedia("(min-width: 45em)");
  var folds = 0;

  function fold(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    document.getElementById(toggle.getAttribute("aria-controls")).hidden = !open;
  }

  /* One facet's fieldset: a legend and a toggle button per value, «Alle» first. A foldable
     facet's buttons can be folded away behind a button naming the value chosen, so that on a
     phone the long lists of topics and professions do not push the cards a screen down. */
  function facetControls(facet, cards, foldable, onChoose) {
    var name = facet.getAttribute("data-kb-facet");
    var fieldset = element("fieldset", "kb-filters__facet");
    fieldset.setAttribute("data-kb-facet", name);
    fieldset.appendChild(element("legend", "kb-filters__legend", facet.getAttribute("data-kb-label") || name));
    var buttons = element("div", "kb-filters__buttons");
    if (foldable) {
      folds += 1;
      buttons.id = "kb-filter-" + folds;
      var toggle = element("button", "kb-filters__toggle");
      toggle.type = "button";
      toggle.setAttribute("aria-controls", buttons.id);
      toggle.addEventListener("click", function () {
        fold(toggle, toggle.getAttribute("aria-expanded") !== "true");
      });
      fieldset.appendChild(toggle);
    }
    fieldset.appendChild(buttons);

    function button(value, label, count) {
      var control = element("button", "kb-filters__button", label);
      control.type = "button";
      control.setAttribute("data-kb-value", value);
      control.setAttribute("data-kb-name", label);
      control.setAttribute("aria-pressed", "false");
      control.appendChild(element("span", "kb-filters__count", " (" + count + ")"));
      control.addEventListener("click", function () { onChoose(name, value); });
      buttons.appendChild(control);
    }

    /* The build counts each value; a block without counts gets them from the cards. */
    function counted(value) {
      return cards.filter(function (card) { return valuesOf(card, name).indexOf(value) !== -1; }).length;
    }
    button(ALL, "Alle", cards.length);
    Array.prototype.forEach.call(facet.querySelectorAll("[data-kb-value]"), function (span) {
      var value = span.getAttribute("data-kb-value");
      button(value, span.textContent.trim(), span.getAttribute("data-kb-count") || counted(value));
    });
    return fieldset;
  }

  function unfoldWhenWide(filters) {
    function apply() {
      Array.prototype.forEach.call(filters.querySelectorAll(".kb-filters__toggle"), function (toggle) {
        fold(toggle, WIDE.matches);
      });
    }
    apply();
    if (WIDE.addEventListener) { WIDE.addEventListener("change", apply); } else { WIDE.addListener(apply); }
  }

  function setUp(filters) {
    if (filters.hasAttribute("data-kb-ready")) { return; }
    var catalogue = catalogueAfter(filters);
    if (!catalogue) { return; }
    var cards = Array.prototype.slice.call(catalogue.querySelectorAll(".kb-card"));
    var none = noneAfter(catalogue);
    var facets = Array.prototype.slice.call(filters.querySelectorAll("[data-kb-facet]"));
    var chosen = {};
    var status = element("p", "kb-filters__status");
    status.setAttribute("role", "status");

    function known(name, value) {
      return filters.querySelector(
        'fieldset[data-kb-facet="' + CSS.escape(name) + '"] [data-kb-value="' + CSS.escape(value) + '"]'
      ) !== null;
    }

    function matches(card) {
      return Object.keys(chosen).every(function (name) {
        return chosen[name] === ALL || valuesOf(card, name).indexOf(chosen[name]) !== -1;
      });
    }

    function show() {
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(card);
        if (!card.hidden) { shown += 1; }
      });
      Array.prototype.forEach.call(filters.querySelectorAll(".kb-filters__button"), function (control) {
        var name = control.closest("fieldset").getAttribute("data-kb-facet");
        var pressed = (chosen[name] || ALL) === control.getAttribute("data-kb-value");
        control.setAttribute("aria-pressed", pressed ? "true" : "false");
        var toggle = pressed && control.closest("fieldset").querySelector(".kb-filters__toggle");
        if (toggle) { toggle.textContent = "Valgt: " + control.getAttribute("data-kb-name"); }
      });
      if (none) { none.hidden = shown > 0; }
      status.textContent = "Viser " + shown + " av " + cards.length;
    }

    function remember() {
      var address = new URL(window.location.href);
      facets.forEach(function (facet) {
        var name = facet.getAttribute("data-kb-facet");
        if (chosen[name]) {
          address.searchParams.set(parameterOf(name), chosen[name]);
        } else {
          address.searchParams.delete(parameterOf(name));
        }
      });
      try {
        window.history.replaceState(window.history.state, "", address.href);
      } catch (e) { /* a page opened from a file: the filter still works */ }
    }

    function choose(name, value) {
      /* Pressing the chosen value again lets it go, as a toggle button does. */
      chosen[name] = chosen[name] === value ? ALL : value;
      show();
      remember();
    }

    facets.forEach(function (facet, index) {
      var fieldset = facetControls(facet, cards, index > 0, choose);
      facet.parentNode.replaceChild(fieldset, facet);
    });
    unfoldWhenWide(filters);
    var requested = new URLSearchParams(window.location.search);
    facets.forEach(function (facet) {
      var name = facet.getAttribute("data-kb-facet");
      var value = requested.get(parameterOf(name));
      chosen[name] = value && known(name, value) ? value : ALL;
    });
    filters.appendChild(status);
    filters.setAttribute("data-kb-ready", "");
    filters.hidden = false;
    show();
  }

  function update() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-filters]"), setUp);
  }

  update();
  /* Material's instant navigation swaps pages without loading this script again. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  }
})();
