"""Search keys: the whole-word keys the index holds for Thai words, mirrored in search.js.

Pagefind's Thai word splitting (charabia at index time, ``Intl.Segmenter`` in
the browser) disagree on names and place names, and the indexer sometimes
cuts inside a syllable (``นาดินดำ`` → ``นาด|ิ|น|ดำ``, ``สมชาย`` → ``สม|ชาย``):
``pagefind.search("สมชาย")`` returns ~640 records on a 12,000-person
province, best-scored first ``สมศรี``. So the index also holds a SEARCH KEY
for every whole word (:func:`search_key`: ``"qq"`` + two letters a–p per
UTF-16 unit of the normalised word — one ASCII word Pagefind never splits,
and a prefix of the word gives a prefix of the key), and for the word
without a title or place prefix (``นาย``, ``ว่าที่ร้อยตรี``, ``บ้าน``,
``ตำบล``, ``อำเภอ``… :data:`PREFIXES` and the titles in
:mod:`thamniap.core.names`): once per people record for the words of its title,
headings and rows (and a name key per person, :func:`full_name_keys`), and
once per page for the rest of its indexed text (a
hidden block appended to the HTML Pagefind indexes, never to the built
page; :mod:`thamniap.build.search.records`). search.js first asks Pagefind for
the keys of the query's words (all must match; a query word may be the start of
an indexed word), which finds exactly the records holding those words; only if
that finds nothing does it fall back to plain Thai terms and word segments (a
word's middle, e.g. the second half of a compound surname). Pagefind also
returns a record whose key is only the START of a query word's key (``สมชายา``
finds ``สมชาย``); search.js's check of the text drops it. search.js blanks the
keys out of the text it shows and checks. :data:`PREFIXES`, :func:`normalize`,
:func:`search_key` and the word rules of :func:`word_forms` (letters required,
edge punctuation dropped) must stay identical to
``docs/assets/javascripts/search.js`` (tests/browser/test_theme_search.py
compares them in the browser). Abbreviations officials type (``ต.นาดี``, ``อ.``, ``จ.``,
``บ.``, ``ม.3``) are written out in the QUERY by search.js ``expandAbbreviations`` before any of
this, as the pages write them (``ตำบลนาดี``, ``หมู่ที่ 3``): the index holds nothing for them
(tests/browser/test_search_reads.py).
A telephone number gets the key of its digits however the page spaces it (:func:`phone_keys`), and
search.js ``phoneQuery`` turns a query that is one number (``0 4241 1773``, ``042-411773``) into
that key. When nothing is found, search.js corrects a misspelt name word to the nearest word of
:func:`name_words` (``assets/search/names.json``, written beside the index) and says so.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from thamniap.core.names import split_title_prefix
from thamniap.core.numbers import normalise_for_numbers

# Keep identical to docs/assets/javascripts/search.js (normalize, PREFIXES, searchKey).

_ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff\u2060]")
_NIKHAHIT_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# Title and place prefixes the browser strips from a query word (first match wins).
PREFIXES = ("นางสาว", "น.ส.", "นาย", "นาง", "ด.ช.", "ด.ญ.", "บ้าน", "หมู่บ้าน", "ตำบล", "ต.",
            "อำเภอ", "อ.", "จังหวัด", "จ.", "ชมรม")
KEY_PREFIX = "qq"
_EDGE_PUNCTUATION = ",;:()[]{}\"'“”‘’·•/|"
def normalize(text: str) -> str:
    """What search.js ``normalize`` makes of a text: NFC, no zero-width characters,
    เเ→แ, ํา→ำ, single spaces, lower case."""
    text = unicodedata.normalize("NFC", text or "")
    text = _ZERO_WIDTH.sub("", text).replace("\u0e40\u0e40", "\u0e41")
    text = _NIKHAHIT_AA.sub("\\1\u0e33", text)
    return " ".join(text.split()).lower()


def strip_prefix(word: str) -> str | None:
    """search.js ``stripPrefix``: the word without the first matching PREFIXES entry,
    if at least two characters (UTF-16 units) remain."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and _utf16_len(word) - _utf16_len(prefix) >= 2:
            return word[len(prefix):]
    return None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def search_key(word: str) -> str:
    """The search key of one normalised word: ``qq`` + two letters a–p per UTF-16 unit.

    Thai (U+0E00–U+0E7F) takes two letters (a–h, a–p); any other unit takes
    ``i``–``p`` and four letters a–p. A prefix of the word gives a prefix of the key.
    """
    out = [KEY_PREFIX]
    units = word.encode("utf-16-le")
    for i in range(0, len(units), 2):
        unit = units[i] | units[i + 1] << 8
        if 0x0E00 <= unit <= 0x0E7F:
            v = unit - 0x0E00
            out.append("abcdefgh"[v >> 4] + "abcdefghijklmnop"[v & 15])
        else:
            out.append("i" + "".join("abcdefghijklmnop"[(unit >> s) & 15] for s in (12, 8, 4, 0)))
    return "".join(out)


def word_forms(word: str) -> set[str]:
    """A normalised word and the same word without a title or place prefix."""
    word = word.strip(_EDGE_PUNCTUATION)
    if not any(ch.isalpha() for ch in word):
        return set()       # numbers, dashes, "-" for no post
    forms = {word}
    stripped = strip_prefix(word)
    if stripped:
        forms.add(stripped)
    _, rest = split_title_prefix(word)
    if rest and rest != word:
        forms.add(rest)
        again = strip_prefix(rest)
        if again:
            forms.add(again)
    return {f for f in forms if f}


@lru_cache(maxsize=1 << 17)
def _word_keys(word: str) -> frozenset[str]:
    return frozenset(search_key(form) for form in word_forms(word))


def search_keys(*texts: str) -> set[str]:
    """Search keys for every word of the texts (see :func:`word_forms`) and for every
    telephone number in them (:func:`phone_keys`)."""
    keys: set[str] = set()
    for text in texts:
        normal = normalize(text)
        for word in normal.split(" "):
            keys |= _word_keys(word)
        keys |= phone_keys(normal)
    return keys


# A Thai telephone number however it is spaced: 0 4241 1773, 042-411773, 042411773, 08 1234 5678.
_PHONE = re.compile(r"(?<![0-9])0(?:[ \-.]?[0-9]){8,9}(?![0-9])")


def phone_digits(text: str) -> list[str]:
    """The digits of each telephone number in TEXT, found after the one normalisation of numbers
    (core.numbers: Thai digits, every space and dash alike, invisible characters dropped); search.js
    ``phoneQuery`` reads a query the same way."""
    plain, _ = normalise_for_numbers(text)
    return [re.sub(r"[^0-9]", "", m.group()) for m in _PHONE.finditer(plain)]


def phone_keys(text: str) -> set[str]:
    """The search key of each telephone number's digits, so that any spelling of it finds the
    record that shows it (search.js turns a query that is a phone number into the same key)."""
    return {search_key(digits) for digits in phone_digits(text)}


NAME_KEY_TAIL = 2   # UTF-16 units of the last name in a name key


def full_name_keys(name: str) -> set[str]:
    """Name keys of a display name: its first word without the title, then the start
    of the next words (NAME_KEY_TAIL units), written together: ``นายสมชาย ใจดี`` ->
    key of ``สมชายใจ``. search.js asks for the same key of a query of two or more
    words and loads the records holding it first, so a person's own record comes
    before records that hold the first and last name in different rows. (A short key
    keeps the index small; records it brings up wrongly fail search.js's check.)"""
    words = [w for w in (w.strip(_EDGE_PUNCTUATION) for w in normalize(name).split(" ")) if w]
    if len(words) < 2 or not any(ch.isalpha() for ch in words[0]):
        return set()
    tail = _utf16_head("".join(words[1:]), NAME_KEY_TAIL)
    firsts = {strip_prefix(words[0]) or words[0]}     # what search.js makes of the first word
    rest = split_title_prefix(words[0])[1]
    if rest:
        firsts.add(rest)                                 # a title search.js does not know
    return {search_key(first + tail) for first in firsts}


def _utf16_head(text: str, units: int) -> str:
    """The first ``units`` UTF-16 units of ``text`` (JavaScript's ``text.slice(0, units)``)."""
    return text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore")


def name_words(names) -> list[str]:
    """The words of people's display names without their titles, most frequent first (then in
    code-point order): the words search.js corrects a misspelt query word to when nothing is found."""
    counts: dict[str, int] = {}
    for name in names:
        words = [w.strip(_EDGE_PUNCTUATION) for w in normalize(name).split(" ")]
        if words and words[0]:
            words[0] = split_title_prefix(words[0])[1] or words[0]
        for word in words:
            if _utf16_len(word) >= 2 and any(ch.isalpha() for ch in word):
                counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))
