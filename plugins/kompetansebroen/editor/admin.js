// Kompetansebroen's additions to Decap CMS (loaded after Decap's bundle by the admin page).
//
// 1. Before a save, fields left empty are taken out of the front matter: Decap writes an emptied
//    field as '' (or an empty list), which our check reads as a mistake («er tom»); an absent
//    optional field is what the editor meant.
// 2. The preview pane uses the site's own style sheets (Material's and ours, listed by the build in
//    data-kb-styles) and shows articles, events and films with the photo, caption and credit the
//    way the page does.
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

  CMS.registerPreviewTemplate("artikler", function (props) {
    var date = field(props.entry, "date");
    var authors = props.entry.getIn(["data", "authors"]);
    var facts = (date ? "Publisert " + date : "") + (authors && authors.size ? " · Av " + authors.join(", ") : "");
    return page(props, facts, figure(props, "image", "image_alt", "image_caption", "image_credit"));
  });

  CMS.registerPreviewTemplate("arrangementer", function (props) {
    var e = props.entry;
    var details = [
      ["Tid", field(e, "start") + (field(e, "end") ? " – " + field(e, "end") : "")],
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
    var facts = [field(e, "date"), field(e, "duration") ? "Varighet " + field(e, "duration") : ""]
      .filter(Boolean)
      .join(" · ");
    return page(props, facts, player);
  });
})();
