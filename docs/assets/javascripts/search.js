/*
 * Header search for ทำเนียบ อช. — Pagefind (extended) + Thai-aware checks.
 *
 * Markup: overrides/partials/search.html (Material's search box classes).
 * Index:  built by scripts/thamniap/build/search/ (thamniap index) into <site>/pagefind/
 *         (read its "CONTRACT FOR PAGE GENERATORS" and "SEARCH KEYS").
 *
 * Why more than `pagefind.search(q)`: Thai has no spaces, and Pagefind's
 * index-time word splitter and the browser's query splitter (Intl.Segmenter)
 * often cut names differently, so a single search both misses pages and
 * returns pages that do not contain the name. So we:
 *   1. normalise the query (zero-width chars, เเ→แ, ํา→ำ, spaces) and write
 *      out place abbreviations (ต.นาดี → ตำบลนาดี, ม.3 → หมู่ที่3);
 *   2. ask Pagefind for the SEARCH KEY of every query word (the word without
 *      a title/place prefix such as นาย, บ้าน, ตำบล, encoded as one ASCII
 *      word): pages and people records (one per subdistrict section of a
 *      district page) hold the keys of all their whole words, so this finds
 *      the records holding the words (or words starting with them), without
 *      the splitting problem;
 *   3. only if that finds nothing: ask Pagefind for the whole query, each
 *      word, each word without its prefix and each Thai word segment, and
 *      merge the candidates (pages and sections);
 *   4. load at most MAX_LOADS candidates per batch, best first, and keep only
 *      those whose normalised text (keys blanked out) contains every query
 *      word;
 *   5. link each hit to the record (element with an id) that contains the
 *      words, e.g. page/#p-4201-0001, or to the page when its top part
 *      (title) does; hits on the same page are shown as one page, also
 *      across batches ("แสดงผลเพิ่ม" adds to a page already shown), and the
 *      count names the people and other records found ("พบ 17 คน ใน 6 หน้า").
 * No request leaves the site: everything is loaded from <site>/pagefind/.
 * Pagefind runs without its web worker (noWorker): one file less to load.
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
  var BATCH = 8;           // candidates loaded at once
  var MAX_LOADS = 8;       // candidates loaded per batch, at most
  var MAX_EMPTY_LOADS = 32; // candidates loaded while nothing is found, at most (then: none found)
  var MAX_TERMS = 8;       // Pagefind searches per query in the fallback, at most
  var SUBS_PER_PAGE = 5;   // records shown under one page
  var DEBOUNCE_MS = 200;

  // Keep identical to build/search/keys.py (PREFIXES, normalize, search_key, word_forms).
  var PREFIXES = ["นางสาว", "น.ส.", "นาย", "นาง", "ด.ช.", "ด.ญ.", "บ้าน",
    "หมู่บ้าน", "ตำบล", "ต.", "อำเภอ", "อ.", "จังหวัด", "จ.", "ชมรม"];
  var KEY_PREFIX = "qq";
  var KEY_WORDS = /qq[a-p]+/g;   // search keys inside record text: never shown or checked
  var EDGE_PUNCTUATION = /^[,;:()[\]{}"'“”‘’·•/|]+|[,;:()[\]{}"'“”‘’·•/|]+$/g;
  var HAS_LETTER = /\p{L}/u;
  var WORD_GOES_ON = /[\p{L}\p{M}\p{N}]/u;
  var HEX = "abcdefghijklmnop";
  var NAME_KEY_TAIL = 2;

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

  /**
   * Place abbreviations officials type, written out as the pages write them (query only):
   * ต.นาดี = ตำบลนาดี, อ. = อำเภอ, จ. = จังหวัด, บ. = บ้าน, ม.3 / หมู่ 3 / หมู่ที่ 3 = หมู่ที่3
   * (one word, so the check wants that number: not หมู่ที่ 30). Thai digits after ม. become 0–9.
   */
  var ABBREVIATIONS = [[/(^| )ต\. ?(?=\S)/g, "$1ตำบล"], [/(^| )อ\. ?(?=\S)/g, "$1อำเภอ"],
    [/(^| )จ\. ?(?=\S)/g, "$1จังหวัด"], [/(^| )บ\. ?(?=\S)/g, "$1บ้าน"]];
  var MOO = /(^| )(?:ม\.|หมู่ที่|หมู่) ?([0-9\u0E50-\u0E59]+)(?![0-9\u0E50-\u0E59])/g;

  function expandAbbreviations(query) {
    ABBREVIATIONS.forEach(function (a) { query = query.replace(a[0], a[1]); });
    return query.replace(MOO, function (_, before, number) {
      return before + "หมู่ที่" + number.replace(/[\u0E50-\u0E59]/g, function (d) {
        return String(d.charCodeAt(0) - 0x0E50);
      });
    });
  }

  /**
   * A query that is one telephone number, however spaced or dashed (0 4241 1773, 042-411773,
   * ๐๔๒๔๑๑๗๗๓): its digits, else "". keys.phone_digits reads the pages the same way.
   */
  function phoneQuery(query) {
    // as core/numbers.normalise_for_numbers: invisible characters dropped, any digit 0-9, every
    // space and dash alike (here: dropped, with dots)
    var digits = query.replace(/[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800\uFE00-\uFE0F]/gu, "")
      .replace(/\p{Nd}/gu, function (d) { return String(digitValue(d)); })
      .replace(/[\p{Zs}\p{Pd}\p{Pc}\u2212\u2043\u02D7\u2796\uFE63\s.]/gu, "");
    return /^0[0-9]{8,9}$/.test(digits) ? digits : "";
  }

  /** The value of a decimal digit of any script (Thai ๓, full-width ３ …): its distance from its zero. */
  function digitValue(d) {
    var code = d.codePointAt(0);
    for (var zero = code; zero > code - 10; zero--) {
      if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return code - zero;
    }
    return code - zero;
  }

  /** `text` contains `word`; a word ending in a number (หมู่ที่3) not followed by another digit. */
  function has(text, word) {
    if (!/[0-9]$/.test(word)) return text.indexOf(word) >= 0;
    for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (!/[0-9]/.test(text.charAt(at + word.length))) return true;
    }
    return false;
  }

  /** Normalised and without spaces: what the checks compare. */
  function flat(text) {
    return normalize(text).replace(/ /g, "");
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

  /** The search key of one normalised word (keys.search_key). */
  function searchKey(word) {
    var out = KEY_PREFIX;
    for (var i = 0; i < word.length; i++) {
      var u = word.charCodeAt(i);
      if (u >= 0x0E00 && u <= 0x0E7F) {
        out += "abcdefgh"[(u - 0x0E00) >> 4] + HEX[(u - 0x0E00) & 15];
      } else {
        out += "i" + HEX[(u >> 12) & 15] + HEX[(u >> 8) & 15] + HEX[(u >> 4) & 15] + HEX[u & 15];
      }
    }
    return out;
  }

  /** One Pagefind query of the keys of a normalised query's words ("" if none has a letter). */
  function keyQuery(query) {
    var keys = [];
    query.split(" ").forEach(function (t) {
      if (phoneQuery(t) === t) { keys.push(searchKey(t)); return; }     // a telephone number's key
      t = t.replace(EDGE_PUNCTUATION, "").replace(/(\D)[0-9]+$/, "$1");   // หมู่ที่3: the key of หมู่ที่
      if (!HAS_LETTER.test(t)) return;
      keys.push(searchKey(stripPrefix(t) || t));
    });
    return keys.join(" ");
  }

  /**
   * The name key of a query of two or more words (keys.full_name_keys): the
   * first word without its title, then the first NAME_KEY_TAIL units of the rest.
   */
  function fullNameKey(query) {
    var tokens = query.split(" ").map(function (t) { return t.replace(EDGE_PUNCTUATION, ""); })
      .filter(Boolean);
    if (tokens.length < 2 || !HAS_LETTER.test(tokens[0])) return "";
    return searchKey((stripPrefix(tokens[0]) || tokens[0]) + tokens.slice(1).join("").slice(0, NAME_KEY_TAIL));
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

  /** Pagefind terms to try for one normalised query, most specific first (fallback). */
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
        return pf.options({ baseUrl: SITE.pathname, noWorker: true }).then(function () { return pf; });
      });
      pagefindPromise.catch(function () { pagefindPromise = null; });
    }
    return pagefindPromise;
  }

  /**
   * Candidates by search keys: the records holding every query word, Pagefind's
   * order, those holding the words as one name (a full name) first.
   */
  function keyCandidates(pf, query) {
    var q = keyQuery(query);
    if (!q) return Promise.resolve([]);
    var full = fullNameKey(query);
    return Promise.all([pf.search(q), full ? pf.search(full) : null]).then(function (found) {
      var named = {};
      if (found[1]) found[1].results.forEach(function (r) { named[r.id] = true; });
      var list = found[0] ? found[0].results.map(function (r) { return { result: r }; }) : [];
      return list.filter(function (c) { return named[c.result.id]; })
        .concat(list.filter(function (c) { return !named[c.result.id]; }));
    });
  }

  /** Candidates by Thai terms (fallback): merged Pagefind results, best first. */
  function textCandidates(pf, query) {
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
   * Check one loaded page or people record against the query words. Returns
   * null when it does not contain every word, else
   * {pageUrl, title, top: record|null, records: […], pageExcerpt}.
   */
  function analyse(data, tokens, phrase) {
    var raw = data.raw_content || data.content || "";
    var words = raw.indexOf("\u200B") >= 0 ? raw.split("\u200B") : raw.split(/\s+/);
    words = words.map(function (w) { return w.replace(KEY_WORDS, ""); });
    var pageText = flat(words.join(""));
    var pageTitle = (data.meta && data.meta.title) || data.url;
    var titleText = flat(pageTitle);
    var all = tokens.every(function (t) {
      return has(pageText, t) || has(titleText, t);
    });
    if (!all) return null;
    var pageUrl = data.url.split("#")[0];

    // Records: [start of page, anchor1, anchor2, …) by word location.
    // An id on the page's <h1> is the page itself; ids starting "__" are Material's.
    var anchors = (data.anchors || [])
      .filter(function (a) { return a.id && a.id.indexOf("__") !== 0 && a.element !== "h1"; })
      .sort(function (a, b) { return a.location - b.location; });
    var bounds = [{ id: null, element: null, text: "", location: 0 }].concat(anchors);
    var top = null;
    var records = [];
    var headings = [];   // text of the latest heading of each level: h3 หมู่ที่ 3 บ้านนาแก is in h2 … ตำบลนาดี
    for (var i = 0; i < bounds.length; i++) {
      var level = /^h([2-6])$/.exec(bounds[i].element || "");
      var within = "";
      if (level) {
        level = Number(level[1]);
        headings.length = level + 1;
        headings[level] = bounds[i].text || "";
        // the subdistrict named in the heading above: "ตำบลนาดี" (a district page's h3) or
        // "อช. รายหมู่บ้าน ตำบลนาดี" (a subdistrict page's h2, its villages being h3)
        if (level >= 3) within = ((headings[level - 1] || "").match(/ตำบล\S+/) || [""])[0];
      }
      var start = bounds[i].location;
      var end = i + 1 < bounds.length ? bounds[i + 1].location : words.length;
      if (end <= start && i + 1 < bounds.length) continue;
      var chunk = words.slice(start, end).join("");
      var text = flat(chunk);
      var inRecord = bounds[i].id
        // a record may leave words to the page title: "สมชาย ครบุรี" = a row on อำเภอครบุรี's page
        ? tokens.some(function (t) { return has(text, t); }) &&
          tokens.every(function (t) { return has(text, t) || has(titleText, t); })
        : tokens.every(function (t) { return has(text, t); });
      if (!inRecord) continue;
      var sub = describe(bounds[i], chunk, tokens, pageUrl, within);
      sub.size = end - start;
      // the query as typed (words in order, one space apart) — e.g. the full name:
      // 2 = and not followed by more letters (สมชาย ทองสุข, not สมชาย ทองสุขศรี), 1 = anywhere
      sub.exact = exactness(normalize(chunk), phrase);
      if (bounds[i].id) records.push(sub);
      else top = sub;
    }
    return {
      pageUrl: pageUrl,
      title: pageTitle,
      top: top,
      records: records,
      pageExcerpt: top || records.length ? "" : excerpt(readable(words.join("").replace(/\s+/g, " ")), tokens, 160)
    };
  }

  /** 2 if `phrase` is in `text` and not followed by a letter or mark, 1 if only inside a word, else 0. */
  function exactness(text, phrase) {
    var found = 0;
    for (var at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      if (!WORD_GOES_ON.test(text.charAt(at + phrase.length))) return 2;
      found = 1;
    }
    return found;
  }

  /** One page of hits from its checked records (the page itself and its people sections). */
  function addHit(hits, byPage, h) {
    var page = byPage[h.pageUrl];
    if (!page) {
      h.order = hits.length;
      byPage[h.pageUrl] = h;
      hits.push(h);
      return;
    }
    if (!page.top && h.top) page.top = h.top;
    if (!page.pageExcerpt) page.pageExcerpt = h.pageExcerpt;
    page.records = page.records.concat(h.records);
  }

  /**
   * The page link lands on the page itself when the words are in its top part
   * (title, introduction), else on the best record: the query as typed inside
   * one record, then the smallest record — so a person's own row beats a big
   * section (e.g. an org chart) that also mentions the name.
   */
  function finish(page) {
    var seen = {};
    var records = page.records
      .map(function (s, i) { s.order = i; return s; })
      .sort(function (a, b) { return (b.exact - a.exact) || (a.size - b.size) || (a.order - b.order); })
      .filter(function (s) {   // a heading is in both the page and its people section
        if (seen[s.id]) return false;
        seen[s.id] = true;
        return true;
      });
    var top = page.top;
    page.rank = records.length ? 2 + records[0].exact : top ? 1 : 0;
    page.url = top || !records.length ? page.pageUrl : records[0].url;
    page.excerpt = top ? top.excerpt : records.length ? "" : page.pageExcerpt;
    page.ids = records.map(function (s) { return s.id; });
    page.subs = records.slice(0, SUBS_PER_PAGE);
    page.more = Math.max(0, records.length - SUBS_PER_PAGE);
    return page;
  }

  /** About `size` characters of `text` around the first query word, with marks. */
  function excerpt(text, tokens, size) {
    if (text.length <= size) return highlight(text, tokens);
    var flatText = normalize(text);
    var at = -1;
    tokens.forEach(function (t) {
      var i = flatText.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    // `flatText` drops only zero-width chars and repeated spaces, so positions are close enough
    var start = Math.max(0, Math.min(at - Math.floor(size / 3), text.length - size));
    // start at a word (after a space) if one is near, never inside a Thai cluster
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space - start < 20 && space < at) start = space + 1;
    while (start > 0 && start < text.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(text[start])) start++;
    var piece = text.slice(start, start + size);
    return (start > 0 ? "…" : "") + highlight(piece, tokens) + (start + size < text.length ? "…" : "");
  }

  // An abbreviation's dot (อช., ต., น.ส.): one or two Thai consonants after a space, "(" or ".".
  // Pagefind ends each cell with ". " unless the cell already ends with "." — so "อช. " is not
  // the end of a sentence, and is kept as written.
  var ABBREVIATION_DOT = /(^|[\s(.])([\u0E01-\u0E2E]{1,2})\.(?= |$)/g;
  var KEPT_DOT = "\uE000";
  var CELL_END = /\. /g;

  /** Indexed text as it reads: an abbreviation keeps its dot, cells are set apart by " · ". */
  function readable(text) {
    return text.replace(ABBREVIATION_DOT, "$1$2" + KEPT_DOT).replace(/[\s.]+$/, "")
      .replace(CELL_END, " · ").split(KEPT_DOT).join(".");
  }

  /**
   * A record's heading and excerpt. WITHIN: the heading a village heading sits under (its
   * subdistrict), named after it so that equal village names in one district can be told apart.
   */
  function describe(anchor, chunk, tokens, pageUrl, within) {
    var text = chunk.replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim()
      .replace(ABBREVIATION_DOT, "$1$2" + KEPT_DOT).replace(/[\s.]+$/, "");
    var named = (anchor.text || "").replace(ABBREVIATION_DOT, "$1$2" + KEPT_DOT);
    var cut = text.indexOf(". ", 6);   // Pagefind ends each cell/block with ". "
    var head = named || (cut > 0 ? text.slice(0, cut) : text.slice(0, 60));
    var rest = text;
    if (named && rest.indexOf(named) === 0) rest = rest.slice(named.length);
    else if (!named) rest = cut > 0 ? text.slice(cut + 2) : "";
    rest = rest.replace(/^[\s.]+/, "").replace(CELL_END, " · ").split(KEPT_DOT).join(".");
    head = head.split(KEPT_DOT).join(".");
    if (within && head.indexOf(within) < 0) head += " " + within;
    return {
      id: anchor.id,
      url: anchor.id ? pageUrl + "#" + encodeURIComponent(anchor.id) : pageUrl,
      title: highlight(head, tokens),
      excerpt: excerpt(rest, tokens, 160)
    };
  }

  /** Escape `text` and wrap the query words in <mark>, ignoring zero-width/space differences. */
  function highlight(text, tokens) {
    var chars = Array.from(text.replace(ZERO_WIDTH, ""));
    // map normalised (space-free) positions back to chars
    var flatText = "";
    var map = [];
    chars.forEach(function (ch, i) {
      var n = normalize(ch);
      if (n === "" || n === " ") return;
      for (var k = 0; k < n.length; k++) { flatText += n[k]; map.push(i); }
    });
    var marked = new Array(chars.length).fill(false);
    tokens.forEach(function (t) {
      if (!t) return;
      var from = 0;
      var at;
      while ((at = flatText.indexOf(t, from)) >= 0) {
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

  var state = { seq: 0, query: "", tokens: [], queue: [], fallback: null, shown: 0, pages: [], byPage: {},
                correctedFrom: "" };
  var timer = null;

  function setOpen(open) {
    if (toggle && toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  /**
   * "พบ 26 คน ใน 9 หน้า": the people (rows p-…) and other records (villages, subdistricts, sections)
   * found on the pages shown, each once; pages without such a record count as pages only.
   * MORE: there are candidates not loaded yet ("แสดงผลเพิ่ม" shows them).
   */
  function count(pages, more) {
    var people = 0, items = 0;
    pages.forEach(function (p) {
      p.ids.forEach(function (id) { if (/^p-/.test(id)) people += 1; else items += 1; });
    });
    var n = pages.length;
    var parts = [];
    if (people) parts.push(T.tPeople.replace("#", people.toLocaleString("th-TH")));
    if (items) parts.push(T.tItems.replace("#", items.toLocaleString("th-TH")));
    var text = n === 0 ? T.tNone : !parts.length ? (n === 1 ? T.tOne : T.tOther.replace("#", String(n)))
      : T.tFound.replace("#", parts.join(T.tAnd)) + " " + T.tOnPages.replace("#", n.toLocaleString("th-TH"));
    return more ? text + " " + T.tHasMore : text;
  }

  function renderPage(hit) {
    var li = hit.li || document.createElement("li");
    hit.li = li;
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
    if (!li.parentNode) list.appendChild(li);
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
   * holds the query exactly as typed inside a record (or MAX_LOADS candidates
   * were loaded, or the queue ends); then show them, best first: the query as
   * typed inside one record (a full name), then all words inside one record,
   * then pages with more matching records (a district roster before a page
   * that mentions a post once), then Pagefind's order. When the search keys
   * found nothing that passes the check, the Thai-term candidates
   * (state.fallback) are tried next.
   */
  function nextBatch(seq) {
    var hits = [];                 // pages first found in this batch
    var byPage = state.byPage;     // every page found so far: a later batch adds to a page shown
    var grown = [];                // pages shown before that this batch adds records to
    var loads = 0;
    function enough() {
      return hits.length >= PAGE_LIMIT && hits.some(function (h) { return finish(h).rank >= 3; });
    }
    function step() {
      if (seq !== state.seq) return Promise.resolve();
      if (!state.queue.length && state.fallback && !hits.length && !state.shown) {
        var fallback = state.fallback;
        state.fallback = null;
        return fallback().then(function (cands) {
          if (seq !== state.seq) return;
          state.queue = cands;
          loads = 0;               // the Thai-term candidates get their own MAX_EMPTY_LOADS
          return step();
        });
      }
      // nothing found yet: go on loading, up to MAX_EMPTY_LOADS candidates; after that many of the
      // best candidates fail the check the rest are dropped, so "none found" never comes with "more"
      var found = hits.length || state.shown;
      if (!found && loads >= MAX_EMPTY_LOADS) state.queue = [];
      if (enough() || (loads >= MAX_LOADS && found) || !state.queue.length) return Promise.resolve();
      var take = state.queue.splice(0, found ? Math.min(BATCH, MAX_LOADS - loads) : BATCH);
      loads += take.length;
      return Promise.all(take.map(function (c) { return c.result.data(); })).then(function (datas) {
        if (seq !== state.seq) return;
        datas.forEach(function (d) {
          var hit = analyse(d, state.tokens, state.query);
          if (!hit) return;
          var shown = byPage[hit.pageUrl];
          if (shown && shown.li && grown.indexOf(shown) < 0) grown.push(shown);
          addHit(hits, byPage, hit);
        });
        return step();
      });
    }
    return step().then(function () {
      if (seq !== state.seq) return;
      hits.forEach(finish);
      hits.sort(function (a, b) {
        return (b.rank - a.rank) ||
          (b.subs.length + b.more - a.subs.length - a.more) || (a.order - b.order);
      });
      renderMoreButton(false);
      grown.forEach(function (hit) { finish(hit); renderPage(hit); });
      hits.forEach(function (hit) { state.shown += 1; state.pages.push(hit); renderPage(hit); });
      if (state.shown) state.fallback = null;   // the keys found pages: no Thai-term round
      if (!state.shown && !state.queue.length && !state.correctedFrom) {
        return correction(state.query).then(function (better) {
          if (seq !== state.seq) return;
          if (better) return run(better, state.query, root.dataset.query);
          meta.textContent = count(state.pages, false);
          root.dataset.state = "done";
          root.dispatchEvent(new CustomEvent("tn-search:done", { detail: { query: state.query, pages: 0 } }));
        });
      }
      meta.textContent = (state.correctedFrom
        ? T.tInstead.replace("#1", state.correctedFrom).replace("#2", state.query) + " " : "") +
        count(state.pages, state.queue.length > 0);
      renderMoreButton(state.queue.length > 0);
      root.dataset.state = "done";
      root.dispatchEvent(new CustomEvent("tn-search:done", { detail: { query: state.query, pages: state.shown } }));
    });
  }

  /* ---------- a misspelt name ---------- */

  var NAMES_URL = new URL("assets/search/names.json", SITE).href;
  var namesPromise = null;

  /** Edit distance of a and b (UTF-16 units), or limit + 1 when it is over limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        if (cur[j] < low) low = cur[j];
      }
      if (low > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  /**
   * When nothing is found: the query with each word that is no name's word replaced by the
   * closest name word (one letter off for a short word, two for a word of 5 letters or more;
   * the most common name first on a tie), or "" when no word changes.
   */
  function correction(query) {
    if (!namesPromise) {
      namesPromise = fetch(NAMES_URL).then(function (r) { return r.ok ? r.json() : []; });
      namesPromise.catch(function () { namesPromise = null; });
    }
    return namesPromise.then(function (names) {
      var known = {};
      names.forEach(function (n) { known[n] = true; });
      var changed = false;
      var words = query.split(" ").map(function (t) {
        var word = stripPrefix(t) || t;
        if (known[word] || !HAS_LETTER.test(word) || word.length < 3) return t;
        var limit = word.length >= 5 ? 2 : 1, best = null, bestD = limit + 1;
        for (var i = 0; i < names.length && bestD > 1; i++) {
          var d = distance(word, names[i], Math.min(limit, bestD - 1));
          if (d < bestD) { bestD = d; best = names[i]; }
        }
        if (!best) return t;
        changed = true;
        return t.slice(0, t.length - word.length) + best;
      });
      return changed ? words.join(" ") : "";
    }, function () { return ""; });
  }

  /* ---------- running a search ---------- */

  /** The search in the address (?q=…), so that a search can be shared as a link. */
  function remember(typed) {
    if (!window.history || !history.replaceState) return;
    var url = new URL(location.href);
    if (typed) url.searchParams.set("q", typed);
    else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  /** Search RAWQUERY; CORRECTEDFROM: the misspelt query this one replaces (TYPED: as it was typed). */
  function run(rawQuery, correctedFrom, typedBefore) {
    var seq = ++state.seq;
    var typed = correctedFrom ? typedBefore : normalize(rawQuery);
    var phone = phoneQuery(typed);
    var query = correctedFrom ? rawQuery : phone || expandAbbreviations(typed);
    if (!correctedFrom) remember(typed);
    list.innerHTML = "";
    state.correctedFrom = correctedFrom || "";
    state.query = query;
    state.tokens = query.split(" ").filter(Boolean);
    state.queue = [];
    state.fallback = null;
    state.shown = 0;
    state.pages = [];
    state.byPage = {};
    root.dataset.query = typed;
    root.dataset.state = query ? "searching" : "idle";
    if (!query) {
      meta.textContent = T.tPlaceholder;
      return;
    }
    meta.textContent = T.tInitializer;
    loadPagefind()
      .then(function (pf) {
        state.fallback = function () { return textCandidates(pf, query); };
        return keyCandidates(pf, query);
      })
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

  var returning = false;   // focus given back to the box after Escape: it does not reopen the results
  input.addEventListener("focus", function () {
    if (returning) return;
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
      if (at >= 0) giveFocusBack();   // never leave the focus on a result that is now hidden
    } else if (ev.key === "ArrowDown" && items.length) {
      ev.preventDefault();
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && items.length) {
      ev.preventDefault();
      if (at <= 0) input.focus();
      else items[at - 1].focus();
    }
  });
  /** After Escape from a result: the header's search button on a phone (the box is hidden there),
   *  else the box itself, which stays visible in the header on a wide screen. */
  function giveFocusBack() {
    var button = document.querySelector("label.md-header__button[for='__search']");
    var visible = function (el) { var r = el && el.getBoundingClientRect(); return r && r.width > 0 && r.height > 0; };
    if (button && visible(button)) {
      if (!button.hasAttribute("tabindex")) button.setAttribute("tabindex", "-1");
      button.focus();
    } else {
      returning = true;
      input.focus();
      returning = false;
    }
  }
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

  // A shared search (?q=…) opens with its results.
  var shared = new URLSearchParams(location.search).get("q");
  if (shared) {
    input.value = shared;
    setOpen(true);
    run(shared);
  }

  // Exposed for tests and for other pages' scripts.
  window.thamniapSearch = { normalize: normalize, expandAbbreviations: expandAbbreviations, termsFor: termsFor, keyQuery: keyQuery,
    fullNameKey: fullNameKey, searchKey: searchKey, phoneQuery: phoneQuery, distance: distance, run: run };
})();
