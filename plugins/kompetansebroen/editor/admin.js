// Kompetansebroen's additions to Decap CMS (loaded after Decap's bundle by the admin page).
//
// 1. Before a save, fields left empty are taken out of the front matter: Decap writes an emptied
//    field as '' (or an empty list), which our check reads as a mistake («er tom»); an absent
//    optional field is what the editor meant.
// 2. The preview pane uses the site's own style sheets (Material's and ours, listed by the build in
//    data-kb-styles) and shows articles, events and films with the photo, caption and credit the
//    way the page does.
// 3. Decap's Norwegian is completed with the phrases it lacks (below).
(function () {
  "use strict";
  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h) {
    return;
  }

  function isEmpty(value) {
    if (value === "" || value === null || value === undefined) return true;
    if (value && typeof value.size === "number" && typeof value.get === "function") return value.size === 0;
    if (Array.isArray(value)) return value.length === 0;
    return false;
  }

  // 3. Norwegian for what Decap's own Norwegian leaves in English (editor/phrases.py): laid over
  //    Decap's nb_no, which Decap merges over its English when it starts (after this script).
  function mergedOver(base, extra) {
    var merged = {};
    Object.keys(base || {}).forEach(function (key) {
      merged[key] = base[key];
    });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      merged[key] =
        value && typeof value === "object" && merged[key] && typeof merged[key] === "object"
          ? mergedOver(merged[key], value)
          : value;
    });
    return merged;
  }

  var locale = rule("locale");
  var phrases = rule("phrases");
  if (locale && phrases) {
    CMS.registerLocale(locale, mergedOver(CMS.getLocale(locale), JSON.parse(phrases)));
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      return data.filter(function (value, key) {
        return key === "body" || !isEmpty(value);
      });
    },
  });

  var styles = (script && script.getAttribute("data-kb-styles")) || "";
  styles.split(" ").forEach(function (href) {
    if (href) CMS.registerPreviewStyle(new URL(href, document.baseURI).href);
  });

  // The caption rules of the page (model/photos.py), handed over by the admin page.
  function rule(name) {
    return (script && script.getAttribute("data-kb-" + name)) || "";
  }
  var ENDS_SENTENCE = new RegExp(rule("ends-sentence") || "[.!?…:]$");
  var OWN_LABEL = new RegExp(rule("own-label") || "^$", "i");
  var CREDIT_LABEL = rule("credit-label") || "Foto";

  function creditLine(credit) {
    if (!credit) return "";
    return OWN_LABEL.test(credit) ? credit : CREDIT_LABEL + ": " + credit;
  }

  function captionLine(caption, credit) {
    var line = creditLine(credit);
    if (!caption) return line;
    var sentence = ENDS_SENTENCE.test(caption) ? caption : caption + ".";
    return (sentence + " " + line).trim();
  }

  function field(entry, name) {
    var value = entry.getIn(["data", name]);
    return value === undefined || value === null ? "" : value;
  }

  function figure(props, image, alt, caption, credit) {
    var source = field(props.entry, image);
    if (!source) return null;
    var asset = props.getAsset(source);
    var line = captionLine(field(props.entry, caption), field(props.entry, credit));
    return h(
      "figure",
      { className: "kb-figure" },
      h("img", { src: asset ? asset.toString() : source, alt: field(props.entry, alt) }),
      line ? h("figcaption", {}, line) : null
    );
  }

  function page(props, facts, extra) {
    return h(
      "div",
      { className: "md-container" },
      h(
        "main",
        { className: "md-main" },
        h(
          "div",
          { className: "md-main__inner md-grid" },
          h(
            "div",
            { className: "md-content" },
            h(
              "article",
              { className: "md-content__inner md-typeset" },
              h("h1", {}, field(props.entry, "title")),
              facts ? h("p", { className: "kb-meta" }, facts) : null,
              extra,
              props.widgetFor("body")
            )
          )
        )
      )
    );
  }

  // A date as the page writes it (text/dates.py, text/event_times.py): «15. november 2019», and with
  // a time «10. januar 2023 kl. 14.05». The month names come from the build (data-kb-months).
  var MONTHS = rule("months").split(" ");
  function norwegianDate(value) {
    var text = String(value || "");
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
    if (!parts || MONTHS.length !== 12 || !MONTHS[Number(parts[2]) - 1]) return text;
    var day = Number(parts[3]) + ". " + MONTHS[Number(parts[2]) - 1] + " " + parts[1];
    return parts[4] ? day + " kl. " + parts[4] + "." + parts[5] : day;
  }

  CMS.registerPreviewTemplate("artikler", function (props) {
    var date = field(props.entry, "date");
    var updated = field(props.entry, "updated");
    var authors = props.entry.getIn(["data", "authors"]);
    var facts = [
      date ? "Publisert " + norwegianDate(date) : "",
      updated ? "Sist oppdatert " + norwegianDate(updated) : "",
      authors && authors.size ? "Av " + authors.join(", ") : "",
    ]
      .filter(Boolean)
      .join(" · ");
    return page(props, facts, figure(props, "image", "image_alt", "image_caption", "image_credit"));
  });

  CMS.registerPreviewTemplate("arrangementer", function (props) {
    var e = props.entry;
    var details = [
      ["Tid", norwegianDate(field(e, "start")) + (field(e, "end") ? " – " + norwegianDate(field(e, "end")) : "")],
      ["Form", field(e, "format")],
      ["Sted", field(e, "place")],
      ["Arrangør", field(e, "organiser")],
      ["Pris", field(e, "price")],
    ].filter(function (row) {
      return row[1];
    });
    var list = h(
      "dl",
      { className: "kb-event-facts" },
      details.map(function (row) {
        return [h("dt", { key: row[0] + "t" }, row[0]), h("dd", { key: row[0] + "d" }, row[1])];
      })
    );
    return page(props, field(e, "description"), list);
  });

  CMS.registerPreviewTemplate("film", function (props) {
    var e = props.entry;
    var poster = field(e, "poster");
    var asset = poster ? props.getAsset(poster) : null;
    var player = h(
      "div",
      { className: "kb-film" },
      poster
        ? h("img", { className: "kb-film__player", src: asset ? asset.toString() : poster, alt: field(e, "poster_alt") })
        : null
    );
    var facts = [norwegianDate(field(e, "date")), field(e, "duration") ? "Varighet " + field(e, "duration") : ""]
      .filter(Boolean)
      .join(" · ");
    return page(props, facts, player);
  });
})();
