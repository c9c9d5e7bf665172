/*
 * Header search for ทำเนียบ อช. — Pagefind (extended) + Thai-aware checks.
 *
 * Markup: overrides/partials/search.html (Material's search box classes).
 * Index:  built by scripts/thamniap/search_index.py into <site>/pagefind/
 *         (read its "CONTRACT FOR PAGE GENERATORS").
 *
 * Why more than `pagefind.search(q)`: Thai has no spaces, and Pagefind's
 * index-time word splitter and the browser's query splitter (Intl.Segmenter)
 * often cut names differently, so a single search both misses pages and
 * returns pages that do not contain the name. So we:
 *   1. normalise the query (zero-width chars, เเ→แ, ํา→ำ, spaces);
 *   2. ask Pagefind for the whole query, each word, each word without a
 *      title/place prefix (นาย, บ้าน, ตำบล…) and each Thai word segment,
 *      and merge the candidate pages;
 *   3. load candidates (a few at a time) and keep only pages whose
 *      normalised text contains every query word;
 *   4. link each hit to the record (element with an id) that contains the
 *      words, e.g. page/#p-4201-0001.
 * No request leaves the site: everything is loaded from <site>/pagefind/.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.querySelector("[data-tn-search]");
  if (!root || !script) return;

  // This file is <site>/assets/javascripts/search.js.
  var SITE = new URL("../../", script.src);
  var BUNDLE_URL = new URL("pagefind/pagefind.js", SITE).href;

  var PAGE_LIMIT = 8;      // verified pages shown per batch
  var BATCH = 4;           // candidate pages loaded at once
  var MAX_LOADS = 16;      // candidate pages loaded per batch, at most
  var MAX_TERMS = 8;       // Pagefind searches per query, at most
  var SUBS_PER_PAGE = 5;   // records shown under one page
  var DEBOUNCE_MS = 200;

  var PREFIXES = ["นางสาว", "น.ส.", "นาย", "นาง", "ด.ช.", "ด.ญ.", "บ้าน",
    "หมู่บ้าน", "ตำบล", "ต.", "อำเภอ", "อ.", "จังหวัด", "จ.", "ชมรม"];

  /* ---------- text ---------- */

  var ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u2060]/g;

  function normalize(text) {
    return String(text || "")
      .normalize("NFC")
      .replace(ZERO_WIDTH, "")
      .replace(/\u0E40\u0E40/g, "\u0E41")                  // เเ → แ
      .replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, "$1\u0E33") // ํา / ํ่า → ำ / ่ำ
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function stripPrefix(token) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var p = PREFIXES[i];
      if (token.indexOf(p) === 0 && token.length - p.length >= 2) return token.slice(p.length);
    }
    return null;
  }

  var segmenter = null;
  try {
    segmenter = new Intl.Segmenter("th", { granularity: "word" });
  } catch (e) { /* old browser: whole words only */ }

  function segments(token) {
    if (!segmenter) return [];
    var out = [];
    var it = segmenter.segment(token);
    for (var s of it) if (s.isWordLike && s.segment.length >= 2) out.push(s.segment);
    return out;
  }

  /** Pagefind terms to try for one normalised query, most specific first. */
  function termsFor(query) {
    var tokens = query.split(" ").filter(Boolean);
    var terms = [query];
    if (tokens.length > 1) terms = terms.concat(tokens);
    tokens.forEach(function (t) {
      var s = stripPrefix(t);
      if (s) terms.push(s);
    });
    tokens.forEach(function (t) { terms = terms.concat(segments(stripPrefix(t) || t)); });
    var seen = {};
    return terms.filter(function (t) {
      if (seen[t]) return false;
      seen[t] = true;
      return true;
    }).slice(0, MAX_TERMS);
  }

  /* ---------- Pagefind ---------- */

  var pagefindPromise = null;
  function loadPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(BUNDLE_URL).then(function (pf) {
        return pf.options({ baseUrl: SITE.pathname }).then(function () { return pf; });
      });
      pagefindPromise.catch(function () { pagefindPromise = null; });
    }
    return pagefindPromise;
  }

  /** Candidate pages for a query: merged Pagefind results, best first. */
  function candidates(pf, query) {
    var terms = termsFor(query);
    return Promise.all(terms.map(function (t) { return pf.search(t); })).then(function (all) {
      var byId = {};
      var list = [];
      all.forEach(function (search, termIndex) {
        if (!search) return;
        search.results.forEach(function (r, rank) {
          var c = byId[r.id];
          if (!c) {
            c = byId[r.id] = { result: r, hits: 0, whole: false, score: 0, rank: rank };
            list.push(c);
          }
          c.hits += 1;
          if (termIndex === 0) c.whole = true;
          c.score = Math.max(c.score, r.score || 0);
          c.rank = Math.min(c.rank, rank);
        });
      });
      list.sort(function (a, b) {
        return (b.hits - a.hits) || (b.whole - a.whole) || (b.score - a.score) || (a.rank - b.rank);
      });
      return list;
    });
  }

  /**
   * Check one loaded page against the query words. Returns null when the page
   * does not contain every word, else {url, title, excerpt, subs:[…]}.
   */
  function analyse(data, tokens, phrase) {
    var raw = data.raw_content || data.content || "";
    var words = raw.indexOf("\u200B") >= 0 ? raw.split("\u200B") : raw.split(/\s+/);
    var pageText = normalize(words.join("")).replace(/ /g, "");
    var pageTitle = (data.meta && data.meta.title) || data.url;
    var titleText = normalize(pageTitle).replace(/ /g, "");
    var all = tokens.every(function (t) {
      return pageText.indexOf(t) >= 0 || titleText.indexOf(t) >= 0;
    });
    if (!all) return null;

    // Records: [start of page, anchor1, anchor2, …) by word location.
    // An id on the page's <h1> is the page itself; ids starting "__" are Material's.
    var anchors = (data.anchors || [])
      .filter(function (a) { return a.id && a.id.indexOf("__") !== 0 && a.element !== "h1"; })
      .sort(function (a, b) { return a.location - b.location; });
    var bounds = [{ id: null, element: null, text: "", location: 0 }].concat(anchors);
    var subs = [];
    for (var i = 0; i < bounds.length; i++) {
      var start = bounds[i].location;
      var end = i + 1 < bounds.length ? bounds[i + 1].location : words.length;
      if (end <= start && i + 1 < bounds.length) continue;
      var chunk = words.slice(start, end).join("");
      var flat = normalize(chunk).replace(/ /g, "");
      var inRecord = tokens.every(function (t) { return flat.indexOf(t) >= 0; });
      if (!inRecord) continue;
      var sub = describe(bounds[i], chunk, tokens, data.url);
      sub.size = end - start;
      // the query as typed (words in order, one space apart) — e.g. the full name
      sub.exact = normalize(chunk).indexOf(phrase) >= 0;
      subs.push(sub);
    }
    // The page link lands on the first record holding every word, or on the
    // page itself when the words are in its top part (title, introduction).
    // Records: smallest first, so a person's own row beats a big section
    // (e.g. an org chart) that also mentions the name.
    var top = subs.length && !subs[0].id ? subs[0] : null;
    var records = subs.filter(function (s) { return s.id; })
      .map(function (s, i) { s.order = i; return s; })
      .sort(function (a, b) { return (b.exact - a.exact) || (a.size - b.size) || (a.order - b.order); });
    var pageExcerpt = "";
    if (top) pageExcerpt = top.excerpt;
    else if (!records.length) pageExcerpt = excerpt(words.join("").replace(/\s+/g, " "), tokens, 160);
    var rank = records.length && records[0].exact ? 3 : records.length ? 2 : top ? 1 : 0;
    return {
      rank: rank,
      url: top || !records.length ? data.url : records[0].url,
      title: pageTitle,
      excerpt: pageExcerpt,
      subs: records.slice(0, SUBS_PER_PAGE),
      more: Math.max(0, records.length - SUBS_PER_PAGE)
    };
  }

  /** About `size` characters of `text` around the first query word, with marks. */
  function excerpt(text, tokens, size) {
    if (text.length <= size) return highlight(text, tokens);
    var flat = normalize(text);
    var at = -1;
    tokens.forEach(function (t) {
      var i = flat.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    // `flat` drops only zero-width chars and repeated spaces, so positions are close enough
    var start = Math.max(0, Math.min(at - Math.floor(size / 3), text.length - size));
    // start at a word (after a space) if one is near, never inside a Thai cluster
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space - start < 20 && space < at) start = space + 1;
    while (start > 0 && start < text.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(text[start])) start++;
    var piece = text.slice(start, start + size);
    return (start > 0 ? "…" : "") + highlight(piece, tokens) + (start + size < text.length ? "…" : "");
  }

  function describe(anchor, chunk, tokens, pageUrl) {
    var text = chunk.replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
    var cut = text.indexOf(". ", 6);   // Pagefind ends each cell/block with ". "
    var head = anchor.text || (cut > 0 ? text.slice(0, cut) : text.slice(0, 60));
    var rest = text;
    if (anchor.text && rest.indexOf(anchor.text) === 0) rest = rest.slice(anchor.text.length);
    else if (!anchor.text) rest = cut > 0 ? text.slice(cut + 2) : "";
    rest = rest.replace(/^[\s.]+/, "");
    return {
      id: anchor.id,
      url: anchor.id ? pageUrl.split("#")[0] + "#" + encodeURIComponent(anchor.id) : pageUrl,
      title: highlight(head, tokens),
      excerpt: excerpt(rest, tokens, 160)
    };
  }

  /** Escape `text` and wrap the query words in <mark>, ignoring zero-width/space differences. */
  function highlight(text, tokens) {
    var chars = Array.from(text.replace(ZERO_WIDTH, ""));
    // map normalised (space-free) positions back to chars
    var flat = "";
    var map = [];
    chars.forEach(function (ch, i) {
      var n = normalize(ch);
      if (n === "" || n === " ") return;
      for (var k = 0; k < n.length; k++) { flat += n[k]; map.push(i); }
    });
    var marked = new Array(chars.length).fill(false);
    tokens.forEach(function (t) {
      if (!t) return;
      var from = 0;
      var at;
      while ((at = flat.indexOf(t, from)) >= 0) {
        for (var j = at; j < at + t.length; j++) marked[map[j]] = true;
        from = at + t.length;
      }
    });
    var html = "";
    var open = false;
    chars.forEach(function (ch, i) {
      if (marked[i] && !open) { html += "<mark>"; open = true; }
      if (!marked[i] && open) { html += "</mark>"; open = false; }
      html += escapeHtml(ch);
    });
    if (open) html += "</mark>";
    return html;
  }

  /* ---------- UI ---------- */

  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var T = root.dataset;

  var state = { seq: 0, query: "", tokens: [], queue: [], shown: 0, loaded: 0 };
  var timer = null;

  function setOpen(open) {
    if (toggle && toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function count(n) {
    if (n === 0) return T.tNone;
    if (n === 1) return T.tOne;
    return T.tOther.replace("#", String(n));
  }

  function renderPage(hit) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var html =
      '<a href="' + escapeHtml(hit.url) + '" class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + escapeHtml(hit.title) + "</h1>" +
      (hit.excerpt ? "<p>" + hit.excerpt + "</p>" : "") +
      "</article></a>";
    hit.subs.forEach(function (s) {
      html +=
        '<a href="' + escapeHtml(s.url) + '" class="md-search-result__link" tabindex="-1" data-tn-anchor="' +
        escapeHtml(s.id) + '">' +
        '<article class="md-search-result__article md-typeset">' +
        "<h2>" + s.title + "</h2>" + (s.excerpt ? "<p>" + s.excerpt + "</p>" : "") +
        "</article></a>";
    });
    if (hit.more) {
      html += '<p class="md-search-result__terms tn-search-more-on-page">' +
        escapeHtml(hit.more === 1 ? T.tMoreOne : T.tMoreOther.replace("#", String(hit.more))) + "</p>";
    }
    li.innerHTML = html;
    list.appendChild(li);
  }

  function renderMoreButton(show) {
    var old = list.querySelector(".tn-search-next");
    if (old) old.parentNode.removeChild(old);
    if (!show) return;
    var li = document.createElement("li");
    li.className = "md-search-result__item tn-search-next";
    li.innerHTML = '<button type="button" class="md-search-result__link tn-search-next__button" tabindex="-1">' +
      escapeHtml(T.tMore) + "</button>";
    li.querySelector("button").addEventListener("click", function () {
      root.dataset.state = "searching";
      nextBatch(state.seq);
    });
    list.appendChild(li);
  }

  /**
   * Load candidates until PAGE_LIMIT more pages are verified and one of them
   * holds the query exactly as typed inside a record (or MAX_LOADS pages were
   * loaded, or the queue ends); then show them, best first: the query as typed
   * inside one record (a full name), then all words inside one record, then
   * pages with more matching records (a district roster before a page that
   * mentions a post once), then Pagefind's order.
   */
  function nextBatch(seq) {
    var hits = [];
    var loads = 0;
    function enough() {
      return hits.length >= PAGE_LIMIT && hits.some(function (h) { return h.rank === 3; });
    }
    function step() {
      if (seq !== state.seq) return Promise.resolve();
      if (enough() || loads >= MAX_LOADS || !state.queue.length) return Promise.resolve();
      var take = state.queue.splice(0, BATCH);
      loads += take.length;
      return Promise.all(take.map(function (c) { return c.result.data(); })).then(function (datas) {
        if (seq !== state.seq) return;
        datas.forEach(function (d) {
          var hit = analyse(d, state.tokens, state.query);
          if (hit) { hit.order = hits.length; hits.push(hit); }
        });
        return step();
      });
    }
    return step().then(function () {
      if (seq !== state.seq) return;
      hits.sort(function (a, b) {
        return (b.rank - a.rank) ||
          (b.subs.length + b.more - a.subs.length - a.more) || (a.order - b.order);
      });
      renderMoreButton(false);
      hits.forEach(function (hit) { state.shown += 1; renderPage(hit); });
      meta.textContent = count(state.shown) + (state.queue.length ? "+" : "");
      renderMoreButton(state.queue.length > 0);
      root.dataset.state = "done";
      root.dispatchEvent(new CustomEvent("tn-search:done", { detail: { query: state.query, pages: state.shown } }));
    });
  }

  function run(rawQuery) {
    var seq = ++state.seq;
    var query = normalize(rawQuery);
    list.innerHTML = "";
    state.query = query;
    state.tokens = query.split(" ").filter(Boolean);
    state.queue = [];
    state.shown = 0;
    root.dataset.query = query;
    root.dataset.state = query ? "searching" : "idle";
    if (!query) {
      meta.textContent = T.tPlaceholder;
      return;
    }
    meta.textContent = T.tInitializer;
    loadPagefind()
      .then(function (pf) { return candidates(pf, query); })
      .then(function (cands) {
        if (seq !== state.seq) return;
        state.queue = cands;
        return nextBatch(seq);
      })
      .catch(function (err) {
        if (seq !== state.seq) return;
        meta.textContent = T.tError;
        root.dataset.state = "error";
        if (window.console) console.warn("search failed:", err);
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  input.addEventListener("focus", function () {
    setOpen(true);
    loadPagefind();   // start loading while the user types
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value;
    timer = setTimeout(function () { run(value); }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    var first = links()[0];
    if (first && state.query === normalize(input.value)) first.click();
    else run(input.value);
  });
  form.addEventListener("reset", function () {
    clearTimeout(timer);
    setTimeout(function () { run(""); input.focus(); }, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        if (document.activeElement !== input) input.focus();
      } else if (document.activeElement === input) {
        input.blur();
      }
    });
  }
  list.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.md-search-result__link");
    if (a) setOpen(false);   // also for same-page anchors: close the overlay
  });
  root.addEventListener("keydown", function (ev) {
    var items = links();
    var at = items.indexOf(document.activeElement);
    if (ev.key === "Escape") {
      setOpen(false);
      input.blur();
    } else if (ev.key === "ArrowDown" && items.length) {
      ev.preventDefault();
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && items.length) {
      ev.preventDefault();
      if (at <= 0) input.focus();
      else items[at - 1].focus();
    }
  });
  // "/" or "s" focuses the search box (as Material does) when not typing elsewhere.
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName))) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });

  // Exposed for tests and for other pages' scripts.
  window.thamniapSearch = { normalize: normalize, termsFor: termsFor, run: run };
})();
