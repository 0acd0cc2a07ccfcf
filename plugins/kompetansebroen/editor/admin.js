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

  // Dates as the pages write them (text/dates.py, text/event_times.py), with the month and weekday
  // names the build hands over (data-kb-months, data-kb-weekdays): «15. november 2019», with a time
  // «10. januar 2023 kl. 14.05»; an event's time «torsdag 14. november 2024 kl. 09.00–15.30»,
  // «14.–15. mars 2025», «28. februar – 2. mars 2025». The check refuses a time with a zone, so what
  // the form holds is Norwegian wall-clock time already: no time-zone arithmetic.
  var MONTHS = rule("months").split(" ");
  var WEEKDAYS = rule("weekdays").split(" ");
  var DASH = "\u2013";
  function moment(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(value || "").trim());
    if (!parts || MONTHS.length !== 12 || !MONTHS[Number(parts[2]) - 1]) return null;
    return {
      year: Number(parts[1]),
      month: Number(parts[2]),
      day: Number(parts[3]),
      clock: parts[4] ? parts[4] + "." + parts[5] : "",
    };
  }
  function dayMonth(m) {
    return m.day + ". " + MONTHS[m.month - 1];
  }
  function fullDate(m) {
    return dayMonth(m) + " " + m.year;
  }
  function norwegianDate(value) {
    var m = moment(value);
    if (!m) return String(value || "");
    return m.clock ? fullDate(m) + " kl. " + m.clock : fullDate(m);
  }
  function longDay(m) {
    var weekday = new Date(Date.UTC(m.year, m.month - 1, m.day)).getUTCDay(); // 0 is Sunday
    return WEEKDAYS[(weekday + 6) % 7] + " " + fullDate(m);
  }
  function sameDay(a, b) {
    return a.year === b.year && a.month === b.month && a.day === b.day;
  }
  function eventTime(startValue, endValue) {
    var start = moment(startValue);
    var end = endValue ? moment(endValue) : null;
    if (!start || (endValue && (!end || !end.clock !== !start.clock)) || WEEKDAYS.length !== 7) {
      return [startValue, endValue].filter(Boolean).join(" " + DASH + " "); // the check names the mistake
    }
    if (start.clock) {
      var opening = longDay(start) + " kl. " + start.clock;
      if (!end || (sameDay(start, end) && end.clock === start.clock)) return opening;
      if (sameDay(start, end)) return opening + DASH + end.clock;
      return opening + " " + DASH + " " + longDay(end) + " kl. " + end.clock;
    }
    if (!end || sameDay(start, end)) return longDay(start);
    if (start.year === end.year && start.month === end.month) return start.day + "." + DASH + fullDate(end);
    if (start.year === end.year) return dayMonth(start) + " " + DASH + " " + fullDate(end);
    return fullDate(start) + " " + DASH + " " + fullDate(end);
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

  // An event's facts as its page lists them (content_types/facts.py), with the format's words and the
  // notice of a cancelled event from the build (data-kb-formats, data-kb-cancelled).
  var FORMATS = JSON.parse(rule("formats") || "{}");
  CMS.registerPreviewTemplate("arrangementer", function (props) {
    var e = props.entry;
    var audience = field(e, "audience");
    var details = [
      ["Tid", eventTime(field(e, "start"), field(e, "end"))],
      ["Format", FORMATS[field(e, "format")] || field(e, "format")],
      ["Sted", field(e, "place")],
      ["Arrangør", field(e, "organiser")],
      ["Målgruppe", isEmpty(audience) ? "" : audience.join(", ")],
      ["Pris", field(e, "price")],
      ["Påmeldingsfrist", norwegianDate(field(e, "registration_deadline"))],
      ["Kontakt", field(e, "contact")],
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
    // The notice is the build's own markup (no editor's text in it).
    var cancelled =
      field(e, "status") === "avlyst" ? h("div", { dangerouslySetInnerHTML: { __html: rule("cancelled") } }) : null;
    return page(props, field(e, "description"), h("div", {}, cancelled, list));
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
