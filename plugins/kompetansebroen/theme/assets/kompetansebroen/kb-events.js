/* Kompetansebroen: keep lists of events right after the build.
   A page lists events as upcoming as of the day it was built. Each listed
   event carries the moment it is over (data-kb-end, ISO 8601 with offset);
   this hides those that are over by the reader's clock, and a month whose
   events are all over, and says so when none are left. A sign-up link
   carries when sign-up closes (data-kb-until) and gives way to «Påmeldingen
   er stengt» after that. Without the script the page is right as of the
   build. */
(function () {
  "use strict";

  function over(element, attribute) {
    var moment = Date.parse(element.getAttribute(attribute));
    return !isNaN(moment) && Date.now() >= moment;
  }

  function hideOverEvents() {
    var events = document.querySelectorAll(".kb-event[data-kb-end]");
    if (!events.length) { return; }
    Array.prototype.forEach.call(events, function (event) {
      if (over(event, "data-kb-end")) { event.hidden = true; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".kb-events"), function (group) {
      if (group.querySelector(".kb-event:not([hidden])")) { return; }
      group.hidden = true;
      var heading = group.previousElementSibling;
      if (heading && /^H[23]$/.test(heading.tagName)) { heading.hidden = true; }
    });
    var none = document.querySelector(".kb-events-none");
    if (none && !document.querySelector(".kb-events .kb-event:not([hidden])")) { none.hidden = false; }
  }

  function closeSignUps() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-until]"), function (link) {
      if (!over(link, "data-kb-until")) { return; }
      link.hidden = true;
      var closed = link.parentNode.querySelector(".kb-event-closed");
      if (closed) { closed.hidden = false; }
    });
  }

  function update() {
    hideOverEvents();
    closeSignUps();
  }

  update();
  /* Material's instant navigation swaps pages without loading this script again. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  }
})();
