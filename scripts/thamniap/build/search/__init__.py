"""The site's Pagefind search index (Thai-aware), built over any built HTML site.

One job per module: keys (the search-key algorithm, mirrored in search.js), scan (one built page
read by lxml, checked against html.parser), records (the pages and people records Pagefind is
given), pagefind (the binary's service protocol), bundle (the files it hands back), index
(:func:`thamniap.build.search.index.build_search_index`, the steps in order).

CONTRACT FOR PAGE GENERATORS
============================

The search box in the header is Pagefind (extended build, which word-splits
Thai) plus a client-side step in ``docs/assets/javascripts/search.js``.
What a generated page must emit for a search hit to land on a person:

1. Put people in a PEOPLE TABLE, ``<table class="tn-people">``, one row per
   person carrying the person's id: ``<tr id="p-4201-0001">…</tr>``. Ids are
   unique in the page, do not start with ``__`` (Material's own ids) and are
   not on the page's ``<h1>``. Everything that should find this person (name,
   role, post, village, subdistrict) is text in the row's cells.
2. Make the FIRST cell the person's display name with the title, e.g.
   ``<td>นายสมชาย ใจดี</td>``: the result list shows it as the hit's heading.
3. Mark row parts that should not find anybody with ``data-pagefind-ignore``
   (sex, dates of a term): ``<td><span data-pagefind-ignore>ชาย</span></td>``.
   They are left out of the person's search record (the page still shows
   them).
4. Section a page with headings that carry an id (Markdown
   ``## อช. รายหมู่บ้าน ตำบลกุดป่อง {#s-420101}``). People tables are NOT indexed as part of
   their page (that made every district page's search fragment hold hundreds
   of people, so one query downloaded ~0.5 MB). Instead this module adds one
   PEOPLE RECORD per SECTION: the rows under the same ``<h2>`` with an
   id (on a district page: the leaders; on a subdistrict page: its villages),
   together with the page's ``<h1>``, that heading and the deeper headings
   with ids inside it (villages), as a small record whose URL is
   ``page/#section-id``. search.js lands on the row (``page/#p-…``), the
   heading (``page/#v-…``) or the page, whichever holds the query (rule 7).
   Everything else on the page (title, office, club, org chart) stays in the
   page's own record, so a district, village or subdistrict name also finds
   the page.
5. Do not add ``data-pagefind-body``: the theme (overrides/main.html) wraps
   every page's Markdown content in it, so header, navigation, table of
   contents and footer are never indexed and the 404 page is left out. Wrap
   other content that should not compete in search (rule lists, link lists,
   the printed-form footer) in ``data-pagefind-ignore``.
6. Filters and metadata are PER PAGE:
   ``<span hidden data-pagefind-filter="amphoe:เมืองเลย"></span>``;
   ``data-pagefind-meta="title"`` on the element whose text should be the
   page title in results (default: the first ``<h1>``). People records carry
   no filter (Pagefind's filter index order is not reproducible). A
   record-level value (a person's post or village) must be text in the row.
   The search box does not use filters yet; they are there for a later
   district selector (``pagefind.search(q, {filters: {amphoe: "เมืองเลย"}})``).
7. Sections with their own id (an org chart, a subdistrict heading, a village
   ``v-…``, a person's heading on a hand-written page) are records too. When
   several records contain the query, the link goes to: the record containing
   the query exactly as typed (e.g. the full name; first where it does not
   run on into a longer word: ``สมชาย ทองสุข`` before ``สมชาย ทองสุขศรี``),
   else the SMALLEST record containing every word — so a person's row wins
   over a large org chart that also names them, and a village heading over
   the rows that repeat the village. A record may leave query words to the
   page title (``สมชาย ครบุรี`` finds the row on อำเภอครบุรี's page).
8. Thai text is indexed as written; the index is built for ``th``. Write
   ``แ`` not ``เเ`` and ``ำ`` not ``ํา`` in the data. The browser normalises
   the QUERY and the page text it checks the same way (:func:`~thamniap.build.search.keys.normalize`:
   zero-width characters U+200B–U+200D, U+FEFF, U+2060 removed; ``เเ``→``แ``;
   ``ํา``→``ำ``).

Search keys: see :mod:`thamniap.build.search.keys`.

Why sections and not one record per person (measured on นครราชสีมา, 32
districts, 12,122 people, Pagefind 1.5.2): Pagefind's ``pf_meta`` file, which
every first query downloads, lists every record: 68 KB with one record per
person, 18 KB per village, 3 KB per subdistrict section (~4 KB per section
fragment).

Other facts relied on (tests/browser/test_theme_search.py
``test_pagefind_anchor_and_filter_contract`` keeps checking them):

* Pagefind records every element with an ``id`` inside the indexed body in
  ``result.data().anchors`` as ``{element, id, text, location}`` — table rows
  included (``element: "tr"``, ``text: ""``), headings with their text.
* Pagefind's own ``sub_results`` split a page ONLY at headings ``h1``–``h6``
  that have an id; search.js computes its own: a record is the text from one
  anchor's ``location`` to the next, so the ``id`` must be on the element
  that starts the record.

Building: the Pagefind binary runs in service mode, driven over its stdin/
stdout protocol (:mod:`thamniap.build.search.pagefind`). It indexes every page with
data-pagefind-body under the URL the CLI would give it, each followed by its
people records, in path order (while the next page is scanned), and
hands the bundle back over the pipe; bundle.py writes the files and checks
every gzip file is complete.

Usage
-----
``thamniap index SITE_DIR`` on any built site (after ``mkdocs build`` or another generator);
the MkDocs hook (scripts/mkdocs_hook.py) runs the same step after every build.
"""
