/* People finder (ค้นหารายชื่อ): filter one district's people by subdistrict, role and text.
   Data: assets/people/<district>.json, made at build time with public fields only.
   No library, no request outside this site. Active only on the page that has .tn-finder. */
(function () {
  "use strict";
  var form = document.querySelector("form.tn-finder");
  if (!form) return;
  var results = document.querySelector(".tn-finder__results");
  var counter = document.querySelector(".tn-finder__count");
  var base = form.getAttribute("data-base");
  var data = null;

  function normalise(text) {
    return (text || "").normalize("NFC")
      .replace(/[\u200B-\u200D\uFEFF\u2060]/g, "")
      .replace(/\u0E40\u0E40/g, "\u0E41")
      .replace(/\u0E4D\u0E32/g, "\u0E33")
      .replace(/\s+/g, " ").trim().toLowerCase();
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;   // textContent: data is never parsed as HTML
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function fillSubdistricts() {
    var select = form.elements.subdistrict;
    while (select.options.length > 1) select.remove(1);
    if (!data) return;
    var seen = {};
    data.people.forEach(function (p) {
      if (!seen[p.sc]) { seen[p.sc] = true; select.add(new Option("ตำบล" + p.s, p.sc)); }
    });
  }

  function render() {
    results.textContent = "";
    if (!data) { counter.textContent = "เลือกอำเภอเพื่อแสดงรายชื่อ"; return; }
    var sub = form.elements.subdistrict.value, role = form.elements.role.value;
    var words = normalise(form.elements.q.value).split(" ").filter(Boolean);
    var rows = data.people.filter(function (p) {
      if (sub && p.sc !== sub) return false;
      if (role === "post" && !p.p.length) return false;
      if (role && role !== "post" && p.r !== role) return false;
      var hay = normalise([p.n, p.r, "ตำบล" + p.s, p.v].concat(p.p).join(" "));
      return words.every(function (w) { return hay.indexOf(w) !== -1; });
    });
    counter.textContent = "พบ " + rows.length.toLocaleString("th-TH") + " คน" + (data.sample ? " (ข้อมูลตัวอย่าง)" : "");
    var table = el("table", undefined, { "class": "tn-people" });
    var head = el("tr");
    ["ชื่อ", "บทบาท", "ตำบล", "หมู่บ้าน", "ตำแหน่งในชมรม"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    rows.slice(0, 500).forEach(function (p) {
      var tr = el("tr"), td = el("td");
      // data.page is relative to the JSON file (assets/people/), not to this page; a village
      // volunteer (p.v) is on the page of their subdistrict (data.pages), a leader on the district's
      var page = (p.v && data.pages && data.pages[p.sc]) || data.page;
      td.appendChild(el("a", p.n, { href: new URL(page + "#p-" + p.id, data.url).href }));
      tr.appendChild(td);
      [p.r, "ตำบล" + p.s, p.v || "-", p.p.join(", ") || "-"].forEach(function (v) { tr.appendChild(el("td", v)); });
      body.appendChild(tr);
    });
    results.appendChild(table);
    if (rows.length > 500) results.appendChild(el("p", "แสดง 500 คนแรก — พิมพ์ชื่อหรือเลือกตำบลเพื่อจำกัดผล"));
  }

  function load() {
    var code = form.elements.district.value;
    data = null;
    if (!/^[0-9]{4}$/.test(code)) { fillSubdistricts(); render(); return; }
    counter.textContent = "กำลังโหลด…";
    var url = new URL(base + code + ".json", location.href).href;
    fetch(url).then(function (r) { return r.json(); }).then(function (json) {
      data = json; data.url = url; fillSubdistricts(); render();
    }).catch(function () { counter.textContent = "โหลดรายชื่อไม่สำเร็จ"; });
  }

  form.elements.district.addEventListener("change", load);
  form.elements.subdistrict.addEventListener("change", render);
  form.elements.role.addEventListener("change", render);
  form.elements.q.addEventListener("input", render);
  var params = new URLSearchParams(location.search);
  if (params.get("district")) { form.elements.district.value = params.get("district"); }
  load();
})();
