/* A table or code block too wide for the screen scrolls sideways inside its box; a keyboard user
   can scroll it only if it can take focus (WCAG 2.1.1, axe "scrollable-region-focusable"). Every such
   box gets tabindex="0" and a Thai name while it actually scrolls, and loses them when it no longer
   does (a wider window). Material wraps plain tables in .md-typeset__scrollwrap. */
(function () {
  "use strict";
  var SELECTOR = ".md-typeset__scrollwrap, .md-typeset pre > code, .md-typeset .tn-table-wrap";

  function label(box) {
    return box.matches("code") ? "โค้ด (เลื่อนซ้าย–ขวาได้)" : "ตาราง (เลื่อนซ้าย–ขวาได้)";
  }

  function update() {
    document.querySelectorAll(SELECTOR).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label(box));
        box.setAttribute("data-tn-scroll-focus", "");
      } else if (!scrolls && box.hasAttribute("data-tn-scroll-focus")) {
        ["tabindex", "role", "aria-label", "data-tn-scroll-focus"].forEach(function (a) { box.removeAttribute(a); });
      }
    });
  }

  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
  // Material wraps tables after its own start-up; look again once everything has loaded
  window.addEventListener("load", update);
})();
