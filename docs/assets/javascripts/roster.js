/* District pages: village volunteers are listed on one page per subdistrict (districts/<district>/<code>/).
   A link made before that, or by the people finder, to a volunteer's row on the district page
   (…/districts/4201-mueang-loei/#p-4201-0003) is sent on to the same row on the subdistrict page:
   the person's subdistrict comes from the people finder's records (assets/people/<district>.json,
   this site only). Active only on a page that has ul.tn-subdistricts[data-people]. */
(function () {
  "use strict";
  var list = document.querySelector("ul.tn-subdistricts[data-people]");
  if (!list) return;

  function follow() {
    var hash = location.hash;
    var id = decodeURIComponent(hash.slice(1));
    if (!/^p-[0-9]{4}-[0-9]+$/.test(id) || document.getElementById(id)) return;
    var url = new URL(list.getAttribute("data-people"), location.href).href;
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      var person = data.people.filter(function (p) { return "p-" + p.id === id; })[0];
      var item = person && document.getElementById("s-" + person.sc);
      var link = item && item.querySelector("a[href]");
      if (link) location.replace(link.href.split("#")[0] + hash);
    }).catch(function () { /* the district page stays as it is */ });
  }

  window.addEventListener("hashchange", follow);
  // after the page has loaded: leaving earlier would cut off its own requests (icons, fonts)
  if (document.readyState === "complete") follow();
  else window.addEventListener("load", follow);
})();
