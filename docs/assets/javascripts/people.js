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
      // an empty cell holds a "-" marked tn-none, as on the roster pages: a phone's card leaves it out
      [p.r, "ตำบล" + p.s, p.v, p.p.join(", ")].forEach(function (v) {
        var td = tr.appendChild(el("td", v || undefined));
        if (!v) td.appendChild(el("span", "-", { "class": "tn-none" }));
      });
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

/* อช. หมู่บ้านของฉัน (home page): อำเภอ → ตำบล → หมู่บ้าน, three native selects, or a village name
   typed; then a card with the village's อช., the subdistrict's ผู้นำ อช. and a call button.
   Data: assets/villages/<district>.json (on demand) and assets/villages/index.json (only when a name
   is typed), made by thamniap.render.villages. Values are set as text, never parsed as HTML.
   Active only on the page that has .tn-village. */
(function () {
  "use strict";
  var root = document.querySelector(".tn-village");
  if (!root) return;
  var form = root.querySelector("form");
  var district = form.elements.district, subdistrict = form.elements.subdistrict;
  var village = form.elements.village, query = form.elements.q;
  var matches = root.querySelector(".tn-village__matches");
  var status = root.querySelector(".tn-village__status");
  var card = root.querySelector(".tn-village__card");
  var base = new URL(form.getAttribute("data-base"), location.href);
  var files = {};       // district code -> Promise of its JSON (with .url)
  var index = null;     // Promise of index.json
  var MAX_MATCHES = 40;   // grouped by district and subdistrict

  function normalise(text, spaces) {
    return (text || "").normalize("NFC")
      .replace(/[\u200B-\u200D\uFEFF\u2060]/g, "")
      .replace(/\u0E40\u0E40/g, "\u0E41")
      .replace(/\u0E4D\u0E32/g, "\u0E33")
      .replace(/\s+/g, spaces ? " " : "").toLowerCase();
  }

  /** The card in view and the focus on its heading (a screen reader reads it next). */
  function focusCard() {
    var heading = card.querySelector("h3");
    if (!heading) return;
    heading.focus({ preventScroll: true });
    card.scrollIntoView({ block: "start", behavior: "auto" });
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    }).then(function (json) { json.url = url; return json; });
  }

  function districtData(code) {
    if (!files[code]) {
      files[code] = fetchJson(new URL(code + ".json", base).href);
      files[code].catch(function () { delete files[code]; });
    }
    return files[code];
  }

  function reset(select, text) {
    while (select.options.length) select.remove(0);
    select.add(new Option(text, ""));
    select.disabled = true;
  }

  function findSub(data, code) {
    return data.subdistricts.filter(function (s) { return s.code === code; })[0];
  }

  function fillSubdistricts(data) {
    reset(subdistrict, "— เลือกตำบล —");
    data.subdistricts.forEach(function (s) { subdistrict.add(new Option("ตำบล" + s.name, s.code)); });
    subdistrict.disabled = false;
  }

  function fillVillages(sub) {
    reset(village, "— เลือกหมู่บ้าน —");
    sub.villages.forEach(function (v) { village.add(new Option("หมู่ที่ " + v.moo + " " + v.name, String(v.moo))); });
    village.disabled = !sub.villages.length;
  }

  // page: the district's (leaders, office) or a subdistrict's (villages and their volunteers),
  // relative to the JSON file (assets/villages/)
  function link(data, anchor, page) {
    return new URL((page || data.page) + "#" + anchor, data.url).href;
  }

  function names(data, people, empty, page) {
    if (!people.length) return el("p", empty);
    var list = el("ul");
    people.forEach(function (p) {
      var li = el("li");
      li.appendChild(el("a", p[1], { href: link(data, p[0], page) }));
      list.appendChild(li);
    });
    return list;
  }

  function showCard(data, sub, v) {
    card.textContent = "";
    var where = "หมู่ที่ " + v.moo + " " + v.name + " ตำบล" + sub.name + " อำเภอ" + data.name;
    var box = el("article", undefined, { "class": "tn-village-card", "aria-label": where });
    box.appendChild(el("h3", where, { tabindex: "-1" }));
    if (data.sample) box.appendChild(el("p", "ข้อมูลตัวอย่าง (รายชื่อสมมุติ)", { "class": "tn-village-card__sample" }));
    box.appendChild(el("h4", "อช. ประจำหมู่บ้าน (" + v.volunteers.length + " คน)"));
    box.appendChild(names(data, v.volunteers, "ยังไม่มีรายชื่อ อช. ของหมู่บ้านนี้", sub.page));
    box.appendChild(el("h4", "ผู้นำ อช. ตำบล" + sub.name + " (" + sub.leaders.length + " คน)"));
    box.appendChild(names(data, sub.leaders, "ยังไม่มีรายชื่อผู้นำ อช. ของตำบลนี้"));
    var call = el("p", undefined, { "class": "tn-village-card__call" });
    if (data.office) {
      call.appendChild(el("a", "โทร " + data.office.name + " " + data.office.phone,
                          { href: data.office.tel, "class": "md-button md-button--primary tn-village-card__tel" }));
      box.appendChild(call);
      if (data.office.note) box.appendChild(el("p", data.office.note, { "class": "tn-village-card__note" }));
    } else {
      call.appendChild(el("span", "ยังไม่มีเบอร์โทรศัพท์ของ" + data.office_name + " — "));
      call.appendChild(el("a", "ดูข้อมูลสำนักงาน", { href: link(data, "office") }));
      box.appendChild(call);
    }
    var more = el("p");
    more.appendChild(el("a", "ดูหมู่บ้านนี้ในหน้าตำบล" + sub.name, { href: link(data, v.anchor, sub.page), "class": "tn-village-card__page" }));
    box.appendChild(more);
    card.appendChild(box);
    status.textContent = "แสดงข้อมูล" + where;
  }

  function failed() { status.textContent = "โหลดข้อมูลไม่สำเร็จ โปรดลองใหม่"; }

  /** Pick a village (from the selects or a typed match): the selects follow, then the card. */
  function choose(dcode, scode, moo) {
    status.textContent = "กำลังโหลด…";
    return districtData(dcode).then(function (data) {
      if (district.value !== dcode) district.value = dcode;
      fillSubdistricts(data);
      var sub = findSub(data, scode);
      if (!sub) { status.textContent = ""; return; }
      subdistrict.value = scode;
      fillVillages(sub);
      if (moo === null) { status.textContent = "เลือกหมู่บ้านในตำบล" + sub.name; return; }
      village.value = String(moo);
      var v = sub.villages.filter(function (x) { return x.moo === moo; })[0];
      if (v) showCard(data, sub, v);
    }).catch(failed);
  }

  district.addEventListener("change", function () {
    card.textContent = "";
    reset(subdistrict, "— เลือกอำเภอก่อน —");
    reset(village, "— เลือกตำบลก่อน —");
    var code = district.value;
    if (!code) { status.textContent = ""; return; }
    status.textContent = "กำลังโหลด…";
    districtData(code).then(function (data) {
      if (district.value !== code) return;
      fillSubdistricts(data);
      status.textContent = "เลือกตำบลในอำเภอ" + data.name + " (" + data.subdistricts.length + " ตำบล)";
    }).catch(failed);
  });

  subdistrict.addEventListener("change", function () {
    card.textContent = "";
    if (!subdistrict.value) { reset(village, "— เลือกตำบลก่อน —"); return; }
    choose(district.value, subdistrict.value, null);
  });

  village.addEventListener("change", function () {
    if (!village.value) { card.textContent = ""; return; }
    choose(district.value, subdistrict.value, Number(village.value)).then(focusCard);
  });

  /* A typed query, in any order: a village's name with or without บ้าน/หมู่บ้าน, its number
     (หมู่ 3, ม.3, หมู่ที่ ๓ or a bare number), its subdistrict (ต./ตำบล) and district (อ./อำเภอ),
     marked or not. Returns {moo: [numbers], sub: [], district: [], free: [words]} or null. */
  var MARKERS = { "ตำบล": "sub", "ต.": "sub", "อำเภอ": "district", "อ.": "district",
                  "หมู่ที่": "moo", "หมู่": "moo", "ม.": "moo", "จังหวัด": "skip", "จ.": "skip" };
  function parse(text) {
    var t = normalise(text || "", true)
      .replace(/[\u0E50-\u0E59]/g, function (d) { return String(d.charCodeAt(0) - 0x0E50); })
      .replace(/หมู่บ้าน/g, " ")
      .replace(/(ตำบล|อำเภอ|จังหวัด|หมู่ที่|หมู่|ต\.|อ\.|ม\.|จ\.)/g, " $1 ")
      .replace(/([0-9]+)/g, " $1 ");
    var q = { moo: [], sub: [], district: [], free: [] }, kind = null, any = false;
    t.split(/[\s,]+/).forEach(function (w) {
      if (!w) return;
      if (MARKERS[w]) { kind = MARKERS[w]; return; }
      var number = /^[0-9]+$/.test(w);
      w = w.replace(/^บ้าน/, "");
      if (!w) return;
      if (kind === "skip") { kind = null; return; }
      if (number) q.moo.push(Number(w));
      else (kind === "sub" || kind === "district" ? q[kind] : q.free).push(w);
      kind = null; any = true;
    });
    return any ? q : null;
  }

  function bare(name) { return normalise(name).replace(/^(หมู่บ้าน|บ้าน)/, ""); }

  function matcher(q) {
    return function (v, idx) {
      var vn = bare(v[3]), sn = normalise(idx.subdistricts[v[1]]), dn = normalise(idx.districts[v[0]]);
      if (q.moo.some(function (m) { return m !== v[2]; })) return false;
      if (q.sub.some(function (w) { return sn.indexOf(w) === -1; })) return false;
      if (q.district.some(function (w) { return dn.indexOf(w) === -1; })) return false;
      var hays = [vn, sn, dn, vn + sn, vn + dn, vn + sn + dn];
      var named = !q.free.length;
      for (var i = 0; i < q.free.length; i++) {
        var w = q.free[i];
        if (!hays.some(function (h) { return h.indexOf(w) !== -1; })) return false;
        if (vn.indexOf(w) !== -1 || (vn + sn).indexOf(w) === 0 || (vn + dn).indexOf(w) === 0) named = true;
      }
      return named;
    };
  }

  /** Every match, grouped by district then subdistrict (the index is in that order). */
  function showMatches(found, idx) {
    matches.textContent = "";
    var group = null, key = null;
    found.slice(0, MAX_MATCHES).forEach(function (v) {
      if (v[0] + v[1] !== key) {
        key = v[0] + v[1];
        var li = el("li", undefined, { "class": "tn-village__group" });
        var place = "ตำบล" + idx.subdistricts[v[1]] + " อำเภอ" + idx.districts[v[0]];
        li.appendChild(el("span", place, { "class": "tn-village__place" }));
        group = li.appendChild(el("ul", undefined, { "aria-label": place }));
        matches.appendChild(li);
      }
      var label = "หมู่ที่ " + v[2] + " " + v[3];
      var item = group.appendChild(el("li"));
      var button = el("button", label, { type: "button", "class": "tn-village__match",
        "aria-label": label + " ตำบล" + idx.subdistricts[v[1]] + " อำเภอ" + idx.districts[v[0]] });
      button.addEventListener("click", function () { choose(v[0], v[1], v[2]).then(focusCard); });
      item.appendChild(button);
    });
  }

  function typed() {
    var text = query.value, q = parse(text);
    matches.textContent = "";
    if (!q) { status.textContent = ""; return; }
    if (!index) {
      index = fetchJson(new URL("index.json", base).href);
      index.catch(function () { index = null; });
    }
    index.then(function (idx) {
      if (query.value !== text) return;
      var test = matcher(q);
      var found = idx.villages.filter(function (v) { return test(v, idx); });
      showMatches(found, idx);
      matches.setAttribute("data-query", text);   // which query the list answers
      status.textContent = found.length
        ? "พบ " + found.length + " หมู่บ้าน" + (found.length > MAX_MATCHES
            ? " แสดง " + MAX_MATCHES + " รายการแรก — พิมพ์ชื่อตำบล อำเภอ หรือเลขหมู่เพิ่มเพื่อจำกัดผล" : "")
        : "ไม่พบหมู่บ้านที่ตรงกัน — ลองพิมพ์เฉพาะชื่อหมู่บ้าน หรือเลือกจากรายการอำเภอด้านบน";
    }).catch(failed);
  }
  var timer = null;
  query.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(typed, 150); });
})();
