/* The foot of every printed page (assets/stylesheets/thamniap.css, print part, @page margin box) shows the page's
   web address and the day it was printed, handed to the CSS as custom properties on <html>.
   The address is the page's canonical one (site_url), not the address it was opened from. */
(function () {
  "use strict";
  function set() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = canonical ? canonical.href : location.href.split("#")[0];
    var day = new Date().toLocaleDateString("th-TH", { dateStyle: "long" });
    var root = document.documentElement.style;
    // JSON.stringify gives a valid CSS string (quotes and backslashes escaped)
    root.setProperty("--tn-print-url", JSON.stringify(url));
    root.setProperty("--tn-print-date", JSON.stringify(" · พิมพ์เมื่อ " + day));
  }
  set();
  window.addEventListener("beforeprint", set);
})();
