// Kompetansebroen's additions to Decap CMS (loaded after Decap's bundle by the admin page).
//
// 1. Before a save, fields left empty are taken out of the front matter: Decap writes an emptied
//    field as '' (or an empty list), which our check reads as a mistake («er tom»); an absent
//    optional field is what the editor meant.
// 2. The preview pane uses the site's own style sheets (Material's and ours, listed by the build in
//    data-kb-styles) and shows under the title of every type what its page shows there: the line
//    of dates and names, the list of facts, the photo or poster, in the page's words (handed over
//    by the build in data-kb-*).
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

  // A picture named in the form: the upload Decap holds for it, else the file beside the page.
  function pictureSource(props, source) {
    var asset = props.getAsset(source);
    return asset ? asset.toString() : source;
  }

  function figure(props, image, alt, caption, credit) {
    var source = field(props.entry, image);
    if (!source) return null;
    var line = captionLine(field(props.entry, caption), field(props.entry, credit));
    return h(
      "figure",
      { className: "kb-figure" },
      h("img", { src: pictureSource(props, source), alt: field(props.entry, alt) }),
      line ? h("figcaption", {}, line) : null
    );
  }

  // ``withoutBody``: a collection with no body field (a series' serie.yml), for which Decap's widgetFor
  // throws rather than give nothing.
  function page(props, facts, extra, withoutBody) {
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
              withoutBody ? null : props.widgetFor("body")
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

  // Lengths as the pages write them (text/durations.py): «45 s», «13 min», «1 t 5 min». A film's or an
  // episode's is typed «12:30» or «1:02:03» (the form's pattern); a course's is whole minutes.
  function durationText(seconds) {
    if (seconds < 60) return seconds + " s";
    var minutes = Math.floor((seconds + 30) / 60);
    var hours = Math.floor(minutes / 60);
    minutes = minutes % 60;
    if (!hours) return minutes + " min";
    return minutes ? hours + " t " + minutes + " min" : hours + " t";
  }
  function clockDuration(value) {
    var parts = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(String(value || "").trim());
    if (!parts) return String(value || "");
    var seconds = parts[3]
      ? Number(parts[1]) * 3600 + Number(parts[2]) * 60 + Number(parts[3])
      : Number(parts[1]) * 60 + Number(parts[2]);
    return seconds ? durationText(seconds) : String(value);
  }
  function minutesDuration(value) {
    return /^\d+$/.test(String(value)) && Number(value) > 0 ? durationText(Number(value) * 60) : String(value || "");
  }

  function line(parts) {
    return parts.filter(Boolean).join(" · ");
  }
  function listed(value) {
    return isEmpty(value) ? "" : value.join(", ");
  }
  function factList(className, rows) {
    var shown = rows.filter(function (row) {
      return row[1];
    });
    return h(
      "dl",
      { className: className },
      shown.map(function (row) {
        return [h("dt", { key: row[0] + "t" }, row[0]), h("dd", { key: row[0] + "d" }, row[1])];
      })
    );
  }
  // A link typed into the form is followed only to a web address or a file beside the page (the check
  // refuses every other kind, javascript: among them, before anything is published).
  function safeHref(value) {
    var text = String(value || "").trim();
    return /^https?:\/\//i.test(text) || !/^[^/?#]*:/.test(text) ? text : undefined;
  }
  function button(label, href, outbound) {
    return h(
      "p",
      {},
      h(
        "a",
        { className: "md-button" + (outbound ? " md-button--primary" : ""), href: safeHref(href), rel: "noopener" },
        label,
        outbound ? h("span", { className: "kb-outbound" }, " (" + rule("other-site") + ")") : null
      )
    );
  }
  function published(e) {
    var date = field(e, "date");
    var updated = field(e, "updated");
    return [
      date ? "Publisert " + norwegianDate(date) : "",
      updated ? "Sist oppdatert " + norwegianDate(updated) : "",
    ];
  }
  function poster(props) {
    var source = field(props.entry, "poster");
    if (!source) return null;
    return h(
      "div",
      { className: "kb-film" },
      h("img", { className: "kb-film__player", src: pictureSource(props, source), alt: field(props.entry, "poster_alt") })
    );
  }

  // Each type's preview: the line under the title and what follows it, as its page has them
  // (content_types/facts.py, content_types/learning_facts.py), keyed by the type's folder.
  var FORMATS = JSON.parse(rule("formats") || "{}");
  var PREVIEWS = {
    artikler: function (props) {
      var authors = listed(field(props.entry, "authors"));
      var facts = line(published(props.entry).concat([authors ? "Av " + authors : ""]));
      return page(props, facts, figure(props, "image", "image_alt", "image_caption", "image_credit"));
    },
    nyhetsbrev: function (props) {
      return page(props, line(published(props.entry)), null);
    },
    "styrende-dokumenter": function (props) {
      var e = props.entry;
      var date = field(e, "date");
      var facts = line([
        date ? "Datert " + norwegianDate(date) : "",
        field(e, "issuer") ? "Utgitt av " + field(e, "issuer") : "",
        "Status: " + (field(e, "status") || "gjeldende"),
      ]);
      var target = field(e, "url") || field(e, "file");
      return page(props, facts, target ? button("Åpne dokumentet", target, false) : null);
    },
    arrangementer: function (props) {
      var e = props.entry;
      var list = factList("kb-event-facts", [
        ["Tid", eventTime(field(e, "start"), field(e, "end"))],
        ["Format", FORMATS[field(e, "format")] || field(e, "format")],
        ["Sted", field(e, "place")],
        ["Arrangør", field(e, "organiser")],
        ["Målgruppe", listed(field(e, "audience"))],
        ["Pris", field(e, "price")],
        ["Påmeldingsfrist", norwegianDate(field(e, "registration_deadline"))],
        ["Kontakt", field(e, "contact")],
      ]);
      // The notice is the build's own markup (no editor's text in it).
      var cancelled =
        field(e, "status") === "avlyst" ? h("div", { dangerouslySetInnerHTML: { __html: rule("cancelled") } }) : null;
      return page(props, "", h("div", {}, cancelled, list));
    },
    "e-laering": function (props) {
      var e = props.entry;
      var certificate = field(e, "certificate");
      var list = factList("kb-learning-facts kb-elearning-facts", [
        ["Tilbyder", field(e, "provider")],
        ["Varighet", minutesDuration(field(e, "duration"))],
        ["Målgruppe", listed(field(e, "audience"))],
        ["Pris", field(e, "price")],
        ["Kursbevis", certificate === true || certificate === "true" ? "Ja" : "Nei"],
        ["Sist oppdatert", norwegianDate(field(e, "updated"))],
      ]);
      var url = field(e, "url");
      var provider = field(e, "provider");
      return page(props, "", h("div", {}, list, url ? button("Gå til kurset hos " + provider, url, true) : null));
    },
    film: function (props) {
      var e = props.entry;
      var duration = field(e, "duration");
      var facts = line(published(e).concat([duration ? "Varighet " + clockDuration(duration) : ""]));
      return page(props, facts, poster(props));
    },
    podkast: function (props) {
      // An episode with its MP3 here has its length from the file, which the build reads: not shown here.
      var e = props.entry;
      var duration = field(e, "duration");
      var number =
        field(e, "season") !== "" && field(e, "episode") !== ""
          ? "Sesong " + field(e, "season") + ", episode " + field(e, "episode")
          : "";
      var facts = line([number].concat(published(e), [duration ? "Varighet " + clockDuration(duration) : ""]));
      return page(props, facts, null);
    },
    serie: function (props) {
      // A series' page (listings/learning_html.py): its description, then the cover with who makes it
      // and the link to subscribe; its episodes are listed by the build.
      var e = props.entry;
      var source = field(e, "image");
      var author = field(e, "author");
      var byline = h(
        "p",
        { className: "kb-meta" },
        author ? rule("series-by") + " " + author + ". " : "",
        h("a", { href: "#abonner" }, rule("subscribe"))
      );
      var cover = h(
        "div",
        { className: "kb-series kb-series--page" },
        source ? h("img", { className: "kb-series__cover", src: pictureSource(props, source), alt: "" }) : null,
        byline
      );
      var description = field(e, "description") ? h("p", {}, field(e, "description")) : null;
      return page(props, "", h("div", {}, description, cover), true);
    },
    side: function (props) {
      // The home page, a hub, a list's introduction: the title and the text. What the build adds below
      // (a hub's or the home page's sections, a list) comes from other pages.
      return page(props, "", null);
    },
  };

  // Every collection with a page of its own gets its preview (editor/collections.py preview_types).
  var previews = JSON.parse(rule("previews") || "{}");
  Object.keys(previews).forEach(function (collection) {
    var preview = PREVIEWS[previews[collection]];
    if (preview) CMS.registerPreviewTemplate(collection, preview);
  });
})();
