/* Report pages (รายงานข้อมูลชมรม, แทนแบบฟอร์ม QR): check what an official typed, then open GitHub's
   new-issue page with the report prefilled (one report per issue), or offer the text to copy or a
   file to download. Data: assets/report/<district>.json (render/reportpage.py); every message is the
   validator's own words from intake/reportform/messages.py. Fields and their order come from
   render/reportform/fields.py through the same JSON. No library, no request outside this site.
   Active only on a page that has .tn-report. */
(function () {
  "use strict";
  var root = document.querySelector(".tn-report");
  var data = null;

  // ------------------------------------------------------------ text as the bot reads it
  function fix(text) {     // core.text.fix_line_text's common cases, digits as core.digits.ascii_digits
    return (text || "").normalize("NFC")
      .replace(/[\u200B-\u200D\uFEFF\u2060]/g, "")
      .replace(/\u0E40\u0E40/g, "\u0E41")
      .replace(/\u0E4D\u0E32/g, "\u0E33")
      .replace(/[\u0E50-\u0E59]/g, function (d) { return String(d.charCodeAt(0) - 0x0E50); })
      .replace(/\s+/g, " ").trim();
  }
  function plausibleStart(rest) { return rest.length >= 2 && !/^[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/.test(rest); }
  function withoutTitles(text) {  // core.names.split_title_prefix's rest
    var rest = fix(text), again = true;
    while (again) {
      again = false;
      for (var i = 0; i < data.titles.length; i++) {
        var t = data.titles[i];
        if (rest.indexOf(t) === 0 && plausibleStart(rest.slice(t.length))) { rest = rest.slice(t.length).trim(); again = true; break; }
      }
    }
    return rest;
  }
  function nameKey(text) {  // core.names.normalise_person_key(None, text, ""), spaces squeezed
    return withoutTitles(text).toLowerCase().replace(/ /g, "");
  }
  function noLetters(text) { return !/\p{L}/u.test(fix(text)); }   // core.names.has_no_letters
  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (_, i) { return values[+i] === undefined ? "" : values[+i]; });
  }
  function show(text) { return text.replace(/`/g, "'").replace(/[\u200B-\u200D\uFEFF\u2060]/g, function (c) {
    return "<U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + ">"; }); }

  // ------------------------------------------------------------ dates (core.dates.read_thai_date)
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function realDate(y, m, d) { var x = new Date(Date.UTC(y, m - 1, d)); x.setUTCFullYear(y); return x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d; }
  function impossible(shown, y, m) {
    var M = data.messages.date;
    if (m < 1 || m > 12) return { message: format(M["impossible-month"].message, [shown, m]), hint: M["impossible-month"].hint };
    var last = [31, 30, 29, 28].filter(function (d) { return realDate(y, m, d); })[0];
    return { message: format(M["impossible-day"].message, [shown, data.months[m - 1], y, last]), hint: M["impossible-day"].hint };
  }
  function checkDate(value) {   // null when VALUE is a date the bot reads; else {message, hint}
    var M = data.messages.date;
    var text = fix(value), m;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
      var y = +m[1], iso = m[1] + "-" + pad(+m[2]) + "-" + pad(+m[3]);
      if (y >= 2400) {   // messages.report_date: said as วัน/เดือน/ปี พ.ศ., the form the page asks for
        var typed = +m[3] + "/" + +m[2] + "/" + y;
        if (!realDate(y - 543, +m[2], +m[3])) return impossible(typed, y - 543, +m[2]);
        return { message: format(M["buddhist-year"].message, [text, typed]), hint: format(M["buddhist-year"].hint, [text, typed]) };
      }
      return realDate(y, +m[2], +m[3]) ? null : impossible(iso, y, +m[2]);
    }
    var ymd = null;
    if ((m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text))) ymd = [+m[3], +m[2], +m[1]];
    else {
      var names = data.months.concat(data.months_short).slice().sort(function (a, b) { return b.length - a.length; });
      var re = new RegExp("^(\\d{1,2})\\s*(" + names.map(function (n) { return n.replace(/\./g, "\\."); }).join("|")
        + ")\\s*(?:พ\\.ศ\\.|ค\\.ศ\\.)?\\s*(\\d{4})$");
      if ((m = re.exec(text))) {
        var i = data.months.indexOf(m[2]); if (i < 0) i = data.months_short.indexOf(m[2]);
        ymd = [+m[3], i + 1, +m[1]];
      }
    }
    if (!ymd) return { message: format(M["date-format"].message, [show(value)]), hint: M["date-format"].hint };
    var year = ymd[0] >= 2400 ? ymd[0] - 543 : ymd[0];
    return realDate(year, ymd[1], ymd[2]) ? null : impossible(show(value.trim()), year, ymd[1]);
  }
  function todayThai() { var d = new Date(); return d.getDate() + "/" + (d.getMonth() + 1) + "/" + (d.getFullYear() + 543); }

  // ------------------------------------------------------------ people
  function resolve(text) {      // the one person TEXT names (model.resolve_person), else null
    var typed = fix(text);
    if (!typed) return null;
    var byLabel = data.people.filter(function (p) { return p.label === typed; });
    if (byLabel.length === 1) return byLabel[0];
    var key = nameKey(typed);
    var found = data.people.filter(function (p) { return p.k === key; });
    return found.length === 1 ? found[0] : null;
  }
  function labelPeople() {  // a name shared by several people is told apart by where they serve
    var counts = {};
    data.people.forEach(function (p) { counts[p.k] = (counts[p.k] || 0) + 1; });
    data.people.forEach(function (p) { p.label = counts[p.k] > 1 ? p.n + " (" + p.a + ")" : p.n; });
  }
  // The name list (hundreds of options) is built when a name field is first entered, not while the page
  // loads: a slow phone shows the page and answers taps sooner.
  function fillPeople() {
    var list = document.getElementById("tn-people");
    if (list.firstChild) return;
    data.people.forEach(function (p) {
      var o = document.createElement("option");
      o.value = p.label;
      o.textContent = p.a;          // textContent: data is never parsed as HTML
      list.appendChild(o);
    });
  }

  // ------------------------------------------------------------ errors tied to their field
  function setError(input, problem) {
    var box = document.getElementById(input.id + "-error");
    if (problem) {
      box.textContent = problem.message + (problem.hint ? " — " + problem.hint : "");
      box.hidden = false;
      input.setAttribute("aria-invalid", "true");
    } else if (box) {
      box.textContent = "";
      box.hidden = true;
      input.removeAttribute("aria-invalid");
    }
  }
  function recheck(input) {   // a field's error goes as soon as its value is one the report accepts
    if (!input.id || input.getAttribute("aria-invalid") !== "true") return;
    var v = input.value.trim(), ok;
    if (input.type === "checkbox") ok = input.checked;
    else if (input.hasAttribute("data-date")) ok = v !== "" && !checkDate(v);
    else if (input.getAttribute("list") === "tn-people") ok = v !== "" && !noLetters(v) && !!resolve(v);
    else if (/-(new|add)-name$/.test(input.id)) ok = v !== "" && !nameParts(v);
    else ok = v !== "";
    if (ok) setError(input, null);
  }
  function missing(description) {
    var M = data.messages.missing;
    return { message: M.message, hint: description ? format(M.hint, [description]) : M.hint_plain };
  }
  function unknownName(what, text) {   // bot/read.py person_id's last cases: suggestions, else not found
    var found = suggestions(text);
    if (found.length) {
      var S = data.messages.suggestion;
      var marks = found.map(function (p, i) { return "{" + (i + 1) + "} ({" + (i + 1 + found.length) + "})"; }).join(" หรือ ");
      var values = [text].concat(found.map(function (p) { return p.n; }), found.map(function (p) { return p.i + " " + p.a; }));
      return { message: format(S.message.replace("{what}", what).replace("{marks}", marks), values), hint: S.hint };
    }
    var M = data.messages.unknown_name;
    return { message: format(M.message.replace("{what}", what), [text, data.district.name]), hint: M.hint };
  }
  // Who a name that matches no one may mean, as bot/read.py person_id finds them: one word is a first
  // or a last name (model.resolve_person), else the closest keys (difflib.get_close_matches(key, keys, 2, 0.75))
  function suggestions(text) {
    var key = nameKey(text);
    if (!key) return [];
    var spaced = withoutTitles(text).toLowerCase();
    if (spaced.indexOf(" ") < 0) {
      var named = data.people.filter(function (p) {
        var own = withoutTitles(p.n).toLowerCase(), cut = own.indexOf(" ");
        return cut < 0 ? own === spaced : own.slice(0, cut) === spaced || own.slice(cut + 1) === spaced;
      });
      if (named.length) return named;
    }
    var byKey = {}, keys = [];
    data.people.forEach(function (p) { if (!(p.k in byKey)) keys.push(p.k); byKey[p.k] = p; });
    return keys.map(function (k) { return [ratio(k, key), k]; })
      .filter(function (x) { return x[0] >= 0.75; })
      .sort(function (x, y) { return y[0] - x[0] || (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : 0); })
      .slice(0, 2).map(function (x) { return byKey[x[1]]; });
  }
  function ratio(a, b) {   // difflib.SequenceMatcher(None, a, b).ratio() (no junk: names are short)
    var b2j = {}, matched = 0, queue = [[0, a.length, 0, b.length]];
    for (var j = 0; j < b.length; j++) (b2j[b[j]] = b2j[b[j]] || []).push(j);
    while (queue.length) {
      var q = queue.pop(), alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
      var bi = alo, bj = blo, size = 0, lens = {};
      for (var i = alo; i < ahi; i++) {
        var next = {};
        (b2j[a[i]] || []).forEach(function (j) {
          if (j < blo || j >= bhi) return;
          var k = next[j] = (lens[j - 1] || 0) + 1;
          if (k > size) { bi = i - k + 1; bj = j - k + 1; size = k; }
        });
        lens = next;
      }
      if (!size) continue;
      matched += size;
      if (alo < bi && blo < bj) queue.push([alo, bi, blo, bj]);
      if (bi + size < ahi && bj + size < bhi) queue.push([bi + size, ahi, bj + size, bhi]);
    }
    return a.length + b.length ? 2 * matched / (a.length + b.length) : 1;
  }
  function notAName(text) {   // core.names.NO_LETTERS: "-", "---", "..." are no name
    var M = data.messages.not_a_name;
    return { message: format(M.message, [text]), hint: M.hint };
  }
  function titles(text) {   // core.names.split_title_prefix's titles
    var rest = fix(text), found = [], again = true;
    while (again) {
      again = false;
      for (var i = 0; i < data.titles.length; i++) {
        var t = data.titles[i];
        if (rest.indexOf(t) === 0 && plausibleStart(rest.slice(t.length))) { found.push(t); rest = rest.slice(t.length).trim(); again = true; break; }
      }
    }
    return found;
  }
  function fullName(text) {   // a new person's name as the bot writes it: น.ส. → นางสาว (core.names.full_title)
    var full = data.messages.full_titles;
    return titles(text).map(function (t) { return full[t] || t; }).join("") + withoutTitles(text);
  }
  function nameParts(text) {   // bot/roster.py: a title, a first and a last name, each word with a letter
    var words = withoutTitles(text).split(" ");
    if (!titles(text).length || words.length < 2) {
      var M = data.messages.name_parts;
      return { message: format(M.message, [fix(text)]), hint: M.hint };
    }
    var bad = words.filter(noLetters)[0];
    return bad === undefined ? null : notAName(bad);
  }
  function endProblem(input, role) {   // bot/roster.py: an อช.'s empty end is 4 years on; a ผู้นำ อช. needs one
    if (input.value.trim() || role === "อช.") return dateProblem(input, false);
    var M = data.messages.leader_needs_end;
    return { message: M.message, hint: M.hint };
  }
  function unticked(option) {
    var M = data.messages.unticked;
    return { message: format(M.message, [option]), hint: M.hint };
  }
  function labelOf(input) {   // a single field's own words, for its "กรอกช่องนี้ (…)" (the report's description is for a list)
    var label = document.querySelector("label[for='" + input.id + "']");
    var req = label && label.querySelector(".tn-report__req");
    return label ? label.textContent.replace(req ? req.textContent : "", "").trim() : "";
  }
  function val(id) { var el = document.getElementById(id); return el ? fix(el.value) : ""; }

  // Checks each input of a list: [input, problem or null]; returns the problems found.
  function check(pairs) {
    var bad = [];
    pairs.forEach(function (pair) { setError(pair[0], pair[1]); if (pair[1]) bad.push(pair[0]); });
    return bad;
  }
  function dateProblem(input, required, description) {
    var text = input.value.trim();
    if (!text) return required ? missing(description) : null;
    return checkDate(text);
  }
  function personProblem(input, what, required, description, newcomers) {
    var text = input.value.trim();
    if (!text) return required ? missing(description) : null;
    if (noLetters(text)) return notAName(fix(text));
    if (newcomers && newcomers[nameKey(text)]) return null;     // a new person of the same report (bot/read.py person_id)
    return resolve(text) ? null : unknownName(what, fix(text));
  }
  // A seat's new person (the circular report): [problems, the roster's เพิ่ม line or null, the name]
  function newPerson(id) {
    var name = document.getElementById(id + "-new-name"), start = document.getElementById(id + "-new-start");
    var end = document.getElementById(id + "-new-end"), role = val(id + "-new-role");
    var bad = check([[name, name.value.trim() ? nameParts(name.value) : missing("ชื่อพร้อมคำนำหน้า")],
                     [start, dateProblem(start, true, "วันเริ่มวาระ")],
                     [end, endProblem(end, role)]]);
    if (bad.length) return [bad, null, null];
    var cells = [data.add, role, val(id + "-new-sub"), role === "อช." ? val(id + "-new-moo") : "", fullName(name.value),
                 val(id + "-new-sex"), fix(start.value), fix(end.value)];
    return [[], lineOf(cells), fullName(name.value)];
  }
  function lineOf(cells) {  // as fields.py's example writes it: an empty cell is "| |", no space after the last "|"
    return cells.map(function (c, i) { return i ? (c ? " " + c : "") : c; }).join(" " + data.separator);
  }

  // ------------------------------------------------------------ each report's field values
  function field(report, id) { return data.forms[report].fields.filter(function (f) { return f.id === id; })[0]; }

  var readers = {
    committee: function (form, optional) {
      var problems = [], lines = [], added = [], newcomers = {}, seats = form.querySelectorAll("[data-seat]");
      var changedLast = {};   // post -> last changed occurrence
      var rows = [];
      seats.forEach(function (seat) {
        var id = seat.querySelector("[data-role=holder]").id.replace(/-holder$/, "");
        var holder = document.getElementById(id + "-holder"), vacant = document.getElementById(id + "-vacant");
        var since = document.getElementById(id + "-since"), no = document.getElementById(id + "-order-no");
        var date = document.getElementById(id + "-order-date"), by = document.getElementById(id + "-order-by");
        var isNew = document.getElementById(id + "-new"), newName = null;
        if (isNew && isNew.checked && !vacant.checked) {
          var got = newPerson(id);
          problems = problems.concat(got[0]);
          if (got[1]) { added.push(got[1]); newName = got[2]; newcomers[nameKey(got[2])] = true; }
        }
        var touched = holder.value.trim() || vacant.checked || since.value.trim() || no.value.trim() || date.value.trim()
          || by.value.trim() || (isNew && isNew.checked);
        var bad = check([
          [holder, vacant.checked || (isNew && isNew.checked) ? null : personProblem(holder, "ผู้ดำรงตำแหน่ง", false)],
          [since, dateProblem(since, false)],
          [no, date.value.trim() && !no.value.trim() && !vacant.checked ? missing("คำสั่งแต่งตั้งเลขที่") : null],
          [date, no.value.trim() && !vacant.checked ? dateProblem(date, true, "คำสั่งลงวันที่") : dateProblem(date, false)]]);
        problems = problems.concat(bad);
        seat.querySelector("[data-changed]").hidden = !touched;
        var who = vacant.checked ? data.vacant : newName ? newName
          : holder.value.trim() ? (resolve(holder.value) || {}).v : seat.getAttribute("data-current");
        var cells = [seat.getAttribute("data-post"), who || ""];
        if (!vacant.checked) cells.push(fix(since.value), fix(no.value), fix(date.value), fix(by.value));
        while (cells.length > 2 && !cells[cells.length - 1]) cells.pop();
        var post = seat.getAttribute("data-post"), occ = +seat.getAttribute("data-occ");
        rows.push({ post: post, occ: occ, line: cells.join(" " + data.separator + " "), touched: !!touched });
        if (touched) changedLast[post] = Math.max(changedLast[post] === undefined ? -1 : changedLast[post], occ);
      });
      // seats of one post count in order, so the unchanged ones before a changed one are written too
      rows.forEach(function (r) { if (changedLast[r.post] !== undefined && r.occ <= changedLast[r.post]) lines.push(r.line); });
      var values = { seats: lines.join("\n") };
      var f = [["term-start", true], ["term-end", true], ["order-no", false], ["order-date", true], ["order-by", false]];
      f.forEach(function (pair) {
        var input = document.getElementById(form.id + "-" + pair[0]);
        if (!input) return;
        if (pair[1]) problems = problems.concat(check([[input, dateProblem(input, false)]]));
        values[pair[0]] = fix(input.value);
      });
      if (!lines.length && !problems.length && !optional) {
        var first = form.querySelector("[data-role=holder]");
        if (first) { first.closest("details").open = true; problems = problems.concat(check([[first, missing(field("committee", "seats").description)]])); }
      }
      return { values: values, problems: problems, added: added, newcomers: newcomers };
    },
    // the circular's whole task (fields.CIRCULAR): each part read as its own report reads it
    circular: function (form) {
      var got = readers.committee(form, true);
      var values = got.values, problems = got.problems;
      var listed = Array.prototype.map.call(form.querySelectorAll("#circular-lines li"), function (li) { return li.getAttribute("data-line"); });
      values.changes = got.added.concat(listed).join("\n");   // the seats' new people first: they get the first new ids
      var date = document.getElementById("circular-confirmed-on");
      problems = problems.concat(check([[date, dateProblem(date, true, field("circular", "confirmed-on").description)]]));
      values["confirmed-on"] = fix(date.value);
      var named = Array.prototype.some.call(form.querySelectorAll("[data-role=representative], [data-role=official]"),
                                            function (i) { return i.value.trim(); });
      var nominees = readers.nominees(form, named, got.newcomers);
      problems = problems.concat(nominees.problems);
      values.representatives = nominees.values.representatives;
      values.officials = nominees.values.officials;
      return { values: values, problems: problems, ticks: { confirm: document.getElementById("circular-confirm") } };
    },
    confirmation: function () {
      var input = document.getElementById("confirmation-confirmed-on");
      return { values: { "confirmed-on": fix(input.value) },
               problems: check([[input, dateProblem(input, true, field("confirmation", "confirmed-on").description)]]),
               ticks: { confirm: document.getElementById("confirmation-confirm") } };
    },
    nominees: function (form, required, newcomers) {   // REQUIRED: undefined (the nominees report) means true
      var problems = [], reps = [], offs = [], needed = required !== false;
      form.querySelectorAll("[data-role=representative]").forEach(function (input) {
        var bad = check([[input, personProblem(input, "ผู้แทนชมรม", needed, labelOf(input), newcomers)]]);
        problems = problems.concat(bad);
        if (!bad.length && input.value.trim()) {
          var known = newcomers && newcomers[nameKey(input.value)] ? null : resolve(input.value);
          reps.push(known ? known.v : fix(input.value));
        }
      });
      form.querySelectorAll("[data-role=official]").forEach(function (select) {
        var bad = check([[select, select.value || !needed ? null : missing(labelOf(select))]]);
        problems = problems.concat(bad);
        if (select.value) offs.push(select.value);
      });
      return { values: { representatives: reps.join("\n"), officials: offs.join("\n") }, problems: problems };
    },
    roster: function (form) {
      var list = document.getElementById(form.id + "-lines");
      var lines = Array.prototype.map.call(list.querySelectorAll("li"), function (li) { return li.getAttribute("data-line"); });
      return { values: { changes: lines.join("\n") },
               problems: check([[list, lines.length ? null : missing(field("roster", "changes").description)]]) };
    }
  };

  // ------------------------------------------------------------ body, link, file
  function body(report, values, ticked) {   // the issue body as GitHub renders the form (tools/report/body.py)
    return data.forms[report].fields.map(function (f) {
      var value;
      if (f.kind === "checkboxes") value = f.options.map(function (o) { return "- [" + (ticked[f.id] ? "X" : " ") + "] " + o; }).join("\n");
      else value = values[f.id] || "_No response_";
      return "### " + f.label + "\n\n" + value;
    }).join("\n\n");
  }
  function issueUrl(report, values) {
    var form = data.forms[report];
    var q = ["template=" + encodeURIComponent(form.template), "title=" + encodeURIComponent(form.title)];
    form.fields.forEach(function (f) {
      if (f.kind !== "checkboxes" && values[f.id]) q.push(encodeURIComponent(f.id) + "=" + encodeURIComponent(values[f.id]));
    });
    return data.repo + "/issues/new?" + q.join("&");
  }
  function read(form) {
    var report = form.getAttribute("data-report");
    var got = readers[report](form);
    got.values.district = data.district.code;
    got.report = report;
    return got;
  }
  function say(form, text) { form.querySelector(".tn-report__status").textContent = text; }
  function focusFirst(problems) {
    var first = problems[0];
    var details = first.closest("details");
    if (details) details.open = true;
    first.focus();
  }
  function privacyTicks(form, got, needed) {
    var report = got.report, ticked = {}, problems = [];
    data.forms[report].fields.forEach(function (f) {
      if (f.kind !== "checkboxes") return;
      var box = f.id === "no-private-numbers" ? document.getElementById(report + "-no-private-numbers") : (got.ticks || {})[f.id];
      ticked[f.id] = !!(box && box.checked);
      if (box) problems = problems.concat(check([[box, needed && !box.checked ? unticked(f.options[0]) : null]]));
    });
    return { ticked: ticked, problems: problems };
  }
  function tickedWords(report, ticked) {   // the `ticked` field: GitHub cannot prefill a checkbox (fields.py TICKED)
    return data.forms[report].fields.filter(function (f) { return f.kind === "checkboxes" && ticked[f.id]; })
      .map(function (f) { return f.ticked_as; }).join(", ");
  }
  function send(form) {
    var got = read(form);
    var ticks = privacyTicks(form, got, false);
    if (got.problems.length) {
      say(form, "ยังส่งไม่ได้: มี " + got.problems.length + " ช่องที่ต้องแก้ (ดูข้อความใต้ช่อง)");
      focusFirst(got.problems);
      return null;
    }
    got.values.ticked = tickedWords(got.report, ticks.ticked);
    var left = data.forms[got.report].fields.filter(function (f) { return f.kind === "checkboxes" && !ticks.ticked[f.id]; })
      .map(function (f) { return f.label; });
    var url = issueUrl(got.report, got.values);
    var fallback = form.querySelector(".tn-report__fallback");
    if (url.length > data.max_url_bytes) {     // encodeURIComponent output is ASCII: length = bytes
      // the longest values leave the link, to be pasted into their fields on GitHub
      var left = {}, kept = Object.assign({}, got.values);
      var order = Object.keys(kept).filter(function (k) { return kept[k]; })
        .sort(function (a, b) { return kept[b].length - kept[a].length; });
      while (issueUrl(got.report, kept).length > data.max_url_bytes && order.length) {
        var k = order.shift();
        left[k] = kept[k];
        delete kept[k];
      }
      var names = Object.keys(left);
      var labels = names.map(function (k) { return field(got.report, k).label; });
      fallback.hidden = false;
      fallback.querySelector("[data-fields]").textContent = labels.join(", ");
      fallback.querySelector("textarea").value = names.length === 1 ? left[names[0]]
        : names.map(function (k, i) { return labels[i] + ":\n" + left[k]; }).join("\n\n");
      fallback.querySelector("[data-blank]").href = issueUrl(got.report, kept);
      say(form, "รายงานยาวเกินกว่าจะส่งผ่านลิงก์ได้ทั้งหมด ให้คัดลอกช่อง " + labels.join(", ") + " ตามขั้นตอนด้านล่าง");
      fallback.querySelector("textarea").focus();
      return null;
    }
    fallback.hidden = true;
    if (!warnedOfWaiting(form, got.report)) return null;
    say(form, left.length ? data.github_tick.replace("{0}", left.join(", ")) : data.github_steps);
    recordSent(got.report);
    return url;
  }
  function download(form) {
    var got = read(form);
    var ticks = privacyTicks(form, got, true);
    var problems = got.problems.concat(ticks.problems);
    if (problems.length) {
      say(form, "ยังดาวน์โหลดไม่ได้: มี " + problems.length + " ช่องที่ต้องแก้ (ดูข้อความใต้ช่อง)");
      focusFirst(problems);
      return;
    }
    // the head thamniap report-file checks (render/reportform/fields.py FILE_DISTRICT, FILE_ROUND)
    var head = data.file_head.district + ": " + data.district.code + "\n"
      + (data.round ? data.file_head.round + ": " + data.round + "\n" : "");
    var text = "# " + data.forms[got.report].title + "\n\n" + head + "\n" + body(got.report, got.values, ticks.ticked) + "\n";
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    a.download = "report-" + got.report + "-" + data.district.code + ".md";
    document.body.appendChild(a);
    a.click();
    a.remove();
    recordSent(got.report);
    say(form, "ดาวน์โหลดแล้ว: ส่งไฟล์ " + a.download + " ให้สำนักงานพัฒนาชุมชนจังหวัด (จังหวัดนำเข้าด้วยคำสั่ง thamniap report-file)");
  }

  // ------------------------------------------------------------ what this device sent (issue 19 §4)
  // A report sent from here waits for the province: it is listed as รอจังหวัดอนุมัติ until the directory
  // shows it (a confirmation or the circular report: the round's confirmation; nominees: the meeting's
  // names; other changes: a build of the site after the day it was sent).
  function sentKey() { return "thamniap-report-sent:" + data.district.code; }
  function sentReports() { try { return JSON.parse(localStorage.getItem(sentKey()) || "[]"); } catch (e) { return []; } }
  function isoToday() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function recordSent(report) {
    var list = sentReports();
    list.push({ r: report, at: isoToday(), shown: todayThai() });
    try { localStorage.setItem(sentKey(), JSON.stringify(list)); } catch (e) { /* private mode */ }
    showPending();
  }
  function waiting(item) {
    if (item.r === "confirmation" || item.r === "circular") return !data.held.confirmation;
    if (item.r === "nominees") return !data.held.nominees;
    return item.at >= data.built;
  }
  function pendingReports() { return sentReports().filter(waiting); }
  function showPending() {
    var box = document.getElementById("tn-report-pending"), list = box.querySelector("ul");
    list.textContent = "";
    pendingReports().forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = format(data.pending_words.item, [data.forms[item.r].title, item.shown]);
      list.appendChild(li);
    });
    box.hidden = !list.firstChild;
  }
  // A confirmation sent while a change of the committee from this device still waits: said once, sent on the next tap
  function warnedOfWaiting(form, report) {
    if (report !== "confirmation" && report !== "circular") return true;
    var change = pendingReports().filter(function (i) { return i.r === "committee" || i.r === "roster" || i.r === "circular"; })[0];
    if (!change || form.hasAttribute("data-warned")) return true;
    form.setAttribute("data-warned", "");
    say(form, format(data.pending_words.confirm_while_waiting, [data.forms[change.r].title, change.shown]));
    return false;
  }

  // ------------------------------------------------------------ the roster's lines
  function fillVillagesOf(prefix) {   // PREFIX-sub, PREFIX-moo, PREFIX-role
    var sub = document.getElementById(prefix + "-sub"), moo = document.getElementById(prefix + "-moo");
    if (!sub || !moo) return;
    var chosen = data.subdistricts.filter(function (s) { return s.name === sub.value; })[0];
    while (moo.options.length) moo.remove(0);
    moo.removeAttribute("data-chosen");      // the first village is proposed, and said so when a line is added
    (chosen ? chosen.villages : []).forEach(function (v) {
      var o = document.createElement("option");
      o.value = String(v.moo);
      o.textContent = "หมู่ที่ " + v.moo + " " + v.name;
      moo.appendChild(o);
    });
    moo.disabled = document.getElementById(prefix + "-role").value !== "อช.";
  }
  function chosenText(id) { var el = document.getElementById(id); return el && el.selectedIndex >= 0 ? el.options[el.selectedIndex].textContent : ""; }
  function addLine(kind, prefix) {   // PREFIX: the id of the form the line is for
    var cells, bad, words, W = data.line_words;
    if (kind === "add") {
      var name = document.getElementById(prefix + "-add-name"), start = document.getElementById(prefix + "-add-start");
      var end = document.getElementById(prefix + "-add-end"), role = document.getElementById(prefix + "-add-role").value;
      bad = check([[name, name.value.trim() ? nameParts(name.value) : missing("ชื่อพร้อมคำนำหน้า")], [start, dateProblem(start, true, "วันเริ่มวาระ")],
                   [end, endProblem(end, role)]]);
      if (bad.length) return focusFirst(bad);
      var moo = document.getElementById(prefix + "-add-moo"), village = role === "อช." ? chosenText(prefix + "-add-moo") : "";
      cells = [data.add, role, val(prefix + "-add-sub"), role === "อช." ? val(prefix + "-add-moo") : "", fullName(name.value),
               val(prefix + "-add-sex"), fix(start.value), fix(end.value)];
      words = format(W.add, [fullName(name.value), role, chosenText(prefix + "-add-sub") + (village ? " " + village : ""), fix(start.value),
                             fix(end.value) ? format(W.until, [fix(end.value)]) : W.default_end])
        + (village && !moo.hasAttribute("data-chosen") ? " " + format(W.village_defaulted, [village]) : "");
      [name, start, end].forEach(function (i) { i.value = ""; });
    } else {
      var who = document.getElementById(prefix + "-end-name"), date = document.getElementById(prefix + "-end-date");
      var reason = document.getElementById(prefix + "-end-reason").value, note = document.getElementById(prefix + "-end-note");
      bad = check([[who, personProblem(who, "ผู้พ้นจากตำแหน่ง", true, "ชื่อผู้พ้นจากตำแหน่ง")], [date, dateProblem(date, true, "วันที่พ้น")],
                   [note, reason === "อื่น ๆ" && !note.value.trim() ? missing("หมายเหตุ (เฉพาะเหตุผล อื่น ๆ)") : null]]);
      if (bad.length) return focusFirst(bad);
      var person = resolve(who.value);
      cells = [data.end, person.v, fix(date.value), reason, reason === "อื่น ๆ" ? fix(note.value) : ""];
      words = format(W.end, [person.n, person.a, fix(date.value), reason + (reason === "อื่น ๆ" ? " " + fix(note.value) : "")]);
      [who, date, note].forEach(function (i) { i.value = ""; });
    }
    showLine(prefix, lineOf(cells), words);
    say(document.getElementById(prefix), format(W.added, [words]));
    saveDraft();
  }
  // A line of the list, in plain Thai, with its button to take it out; the report's own line is kept in data-line
  function showLine(prefix, line, words) {
    var li = document.createElement("li");
    li.setAttribute("data-line", line);
    li.setAttribute("data-words", words);
    li.appendChild(document.createTextNode(words + " "));
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "md-button";
    remove.textContent = data.line_words.remove;
    remove.setAttribute("aria-label", data.line_words.remove + ": " + words);
    remove.addEventListener("click", function () { li.remove(); saveDraft(); });
    li.appendChild(remove);
    var list = document.getElementById(prefix + "-lines");
    list.appendChild(li);
    setError(list, null);
  }

  // ------------------------------------------------------------ a draft kept on this device until it is sent
  // Every field and line is saved in localStorage as it changes, so Back from GitHub (or a closed tab)
  // finds the report as it was; the official clears it with one button.
  var draftKey = null;
  function saveDraft() {
    if (!draftKey) return;
    var fields = {}, lines = {};
    root.querySelectorAll("input[id], select[id]").forEach(function (el) {
      if (el.type === "checkbox") { if (el.checked) fields[el.id] = true; } else if (el.value) fields[el.id] = el.value;
      if (el.tagName === "SELECT" && el.hasAttribute("data-chosen")) fields[el.id + "#chosen"] = true;
    });
    root.querySelectorAll("ol.tn-report__lines").forEach(function (ol) {
      var got = Array.prototype.map.call(ol.querySelectorAll("li"), function (li) { return [li.getAttribute("data-line"), li.getAttribute("data-words")]; });
      if (got.length) lines[ol.id] = got;
    });
    try { localStorage.setItem(draftKey, JSON.stringify({ fields: fields, lines: lines })); } catch (e) { /* private mode: no draft */ }
  }
  function restoreDraft() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { saved = null; }
    if (!saved) return false;
    var put = function (el) {
      var v = saved.fields[el.id];
      if (el.type === "checkbox") { el.checked = !!v; el.dispatchEvent(new Event("change")); }   // (the browser may have ticked it already)
      else if (v !== undefined && el.value !== v) { el.value = v; if (el.tagName === "SELECT") el.dispatchEvent(new Event("change")); }
      if (saved.fields[el.id + "#chosen"]) el.setAttribute("data-chosen", "");
      if (v && el.closest("details")) el.closest("details").open = true;
    };
    // ticks first (a seat's new person makes its fields), then the rest in page order (a subdistrict before its villages)
    root.querySelectorAll("input[type=checkbox][id]").forEach(put);
    root.querySelectorAll("input[id]:not([type=checkbox]), select[id]").forEach(put);
    Object.keys(saved.lines).forEach(function (id) {
      saved.lines[id].forEach(function (x) { showLine(id.replace(/-lines$/, ""), x[0], x[1]); });
      var details = document.getElementById(id).closest("details");
      if (details) details.open = true;
    });
    return true;
  }
  function clearDraft() {
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
    window.location.reload();
  }

  // ------------------------------------------------------------ a meeting that has passed (model/rounds.py nominations_open)
  // The page was built on data.built; when the meeting passes before the next build, its nominee fields
  // close on this device's first day after it, in the words the bot answers then (reportpage.meeting_closed_words).
  function closeMeeting() {
    var m = data.meeting;
    if (!m || isoToday() <= m.date) return;
    root.querySelectorAll("[data-meeting-part]").forEach(function (part) {
      var note = document.createElement("p");
      note.className = "tn-report__closed";
      note.textContent = m.closed;
      part.replaceWith(note);
    });
  }

  // ------------------------------------------------------------ wiring
  function start(json) {
    data = json;
    labelPeople();
    root.addEventListener("focusin", function (event) {
      if (event.target.getAttribute("list") === "tn-people") fillPeople();
    });
    if (document.activeElement && document.activeElement.getAttribute("list") === "tn-people") fillPeople();
    root.querySelectorAll("[data-today]").forEach(function (i) { if (!i.value) i.value = todayThai(); });
    // An error appears only when a report is sent or a line added, never as a field loses focus: a message
    // growing above the button while a finger is on its way makes the tap land elsewhere. It goes as soon as
    // the field is valid; every change is kept in the draft.
    root.addEventListener("input", function (event) { recheck(event.target); saveDraft(); });
    root.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") event.target.setAttribute("data-chosen", "");   // chosen by hand (a restored value does not bubble)
      recheck(event.target);
      saveDraft();
    });
    root.querySelectorAll("form[data-report]").forEach(function (form) {
      if (!form.querySelector("[data-download]")) return;   // a part closed when the page was built (a meeting that has passed)
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = send(form);
        if (url) window.location.assign(url);
      });
      form.querySelector("[data-download]").addEventListener("click", function () { download(form); });
      var copy = form.querySelector("[data-copy]");
      copy.addEventListener("click", function () {
        var area = form.querySelector(".tn-report__fallback textarea");
        area.select();
        if (navigator.clipboard) navigator.clipboard.writeText(area.value);
        say(form, "คัดลอกแล้ว");
      });
    });
    // a seat's new person (the circular report): its fields show when ticked; villages follow the subdistrict
    // (the fields are one <template> on the page, copied into a seat the first time its box is ticked)
    root.querySelectorAll("input[data-new]").forEach(function (box) {
      var prefix = box.id, panel = document.getElementById(prefix + "box");
      box.addEventListener("change", function () {
        if (!panel.firstChild) {
          var slot = prefix.replace(/-new$/, "");
          panel.innerHTML = document.getElementById("tn-new-person").innerHTML.split("__SEAT__").join(slot);
          ["-sub", "-role"].forEach(function (k) {
            document.getElementById(prefix + k).addEventListener("change", function () { fillVillagesOf(prefix); });
          });
          fillVillagesOf(prefix);
        }
        panel.hidden = !box.checked;
      });
    });
    root.querySelectorAll("fieldset[data-line=add]").forEach(function (set) {
      var prefix = set.closest("form").id + "-add";
      var fill = function () { fillVillagesOf(prefix); };
      document.getElementById(prefix + "-sub").addEventListener("change", fill);
      document.getElementById(prefix + "-role").addEventListener("change", fill);
      fill();
    });
    root.querySelectorAll("[data-add-line]").forEach(function (b) {
      b.addEventListener("click", function () { addLine(b.getAttribute("data-add-line"), b.closest("form").id); });
    });
    // Enter in a roster line's field adds that line (it does not send a half-written list)
    root.querySelectorAll("fieldset[data-line]").forEach(function (set) {
      set.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
        event.preventDefault();
        addLine(set.getAttribute("data-line"), set.closest("form").id);
      });
    });
    closeMeeting();
    draftKey = "thamniap-report-draft:" + data.district.code;
    // a box the browser ticked again on Back shows its fields, draft or not
    root.querySelectorAll("input[data-new]").forEach(function (box) { if (box.checked) box.dispatchEvent(new Event("change")); });
    if (restoreDraft()) {
      var note = document.getElementById("tn-report-draft");
      note.hidden = false;
      note.querySelector("button").addEventListener("click", clearDraft);
    }
    showPending();
    root.setAttribute("data-ready", "");
  }
  // for tests and for anyone checking a value by hand: the same checks the page makes
  window.thamniapReport = { checkDate: function (v) { return checkDate(v); }, nameKey: function (v) { return nameKey(v); },
                            body: function (r, v, t) { return body(r, v, t || {}); } };
  if (!root) return;
  fetch(root.getAttribute("data-json")).then(function (r) { return r.json(); }).then(start);
})();
