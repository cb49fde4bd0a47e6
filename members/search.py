"""Search text that finds a name however it is typed: in Latin, Cyrillic or Perso-Arabic script.

In this region one NGO's name is written «Хайрхоҳӣ», "Khairkhohi" and «Хайрхохи». A record keeps a
normalized search text, built when it is saved, and a query is normalized the same way; the database
then matches with a plain substring test (`contains`), the same on SQLite and PostgreSQL.

Two forms of every text are kept, in columns of their own, so that a Latin key never matches the folded
text ("zz" is in "jizzakh" but not in its key "jizah"):

1. the text *folded*: case, Arabic-script letter variants (ي/ی, ك/ک, ة/ه), combining marks, and the
   Tajik and Uzbek Cyrillic letters to their Russian look-alikes (ҳ/х, қ/к, ғ/г, ҷ/ч, ӣ/и, ӯ/у, ў/у);
2. its *Latin key*: the text transliterated to Latin letters (Russian letters by iuliia's Wikipedia
   scheme, which writes ё as "yo" and х as "kh" as people in the region do; Tajik and Uzbek letters
   and other scripts by anyascii, ҷ as "j" and қ as "q"), then with the spelling differences of Latin
   transliterations evened out (kh/x/h, q/k, gh/g, y/i, doubled letters, apostrophes).

A query term matches when its folded form is in the folded text or its Latin key in the Latin key,
so "Hayoti" finds «Хаёти», "Истиклол" finds "Istiqlol", and "کابل" still finds "كابل".
"""

import re
import unicodedata

import iuliia
from anyascii import anyascii

# Arabic-script letters that Dari, Pashto and Urdu keyboards type differently: searching
# for "کابل" must find "كابل". Folded to the Persian forms.
_ARABIC_FOLD = {
    "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
    "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u200c": None,  # ZERO WIDTH NON-JOINER
    "\u0640": None,  # TATWEEL
}
# Tajik and Uzbek Cyrillic letters and their Russian look-alikes (ӣ, ӯ, ў, й and ё lose their marks
# with the other combining marks).
_CYRILLIC_FOLD = {"ҳ": "х", "қ": "к", "ғ": "г", "ҷ": "ч", "ә": "а", "ө": "о", "ү": "у", "ң": "н", "ҙ": "з"}
_ARABIC = str.maketrans(_ARABIC_FOLD)
_CYRILLIC = str.maketrans(_CYRILLIC_FOLD)

# Spellings that Latin transliterations of the same name disagree on, evened out in this order.
_LATIN_KEY_RULES = [
    (re.compile(r"o'"), "u"),  # Uzbek Latin oʻ is Cyrillic ў: Oʻzbekiston, Ўзбекистон
    (re.compile(r"'"), ""),  # Jam'iyat, gʻ
    (re.compile(r"kh|x"), "h"),  # Khayoti, Xayoti, Hayoti
    (re.compile(r"gh"), "g"),  # Chorbogh, Chorbog
    (re.compile(r"q"), "k"),  # Istiqlol, Istiklol
    (re.compile(r"zh"), "j"),  # Zhizn (Russian ж), Jizn (Uzbek j)
    (re.compile(r"y"), "i"),  # Khayrkhokhi, Khairkhohi; Yordam, Iordam
    (re.compile(r"([a-z])\1"), r"\1"),  # Assotsiatsiya, Asotsiatsiya (a pair only: "zzzz" stays unlike "z")
]
_NOT_WORD = re.compile(r"[^\w\s]+")
_APOSTROPHES = str.maketrans({mark: "'" for mark in "`ʻʼ’‘"})


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _lower(text: str) -> str:
    """Case, Arabic-script variants and apostrophes evened out; letters keep their marks (ё, й, ӣ)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_ARABIC).translate(_APOSTROPHES)
    return unicodedata.normalize("NFC", text)


def fold_for_search(text: str) -> str:
    """Normalise text so that a case- and script-variant-insensitive substring match works."""
    # Drop combining marks (Arabic harakat, Cyrillic breves and macrons: ё/е, ӣ/и) but keep base letters.
    text = unicodedata.normalize("NFD", _lower(text).translate(_CYRILLIC))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _words(text.replace("'", ""))


def latin_key(text: str) -> str:
    """The Latin spelling of a text, with the differences between transliterations evened out.

    Russian letters go through iuliia; Tajik and Uzbek ones (ҷ → j, ҳ → h, қ → q) and every other
    script through anyascii.
    """
    text = anyascii(iuliia.WIKIPEDIA.translate(_lower(text))).lower()
    for pattern, replacement in _LATIN_KEY_RULES:
        text = pattern.sub(replacement, text)
    return _words(text)


def search_text(*texts: str) -> str:
    """What a record keeps to be found by: its texts folded."""
    return fold_for_search(" ".join(t for t in texts if t))


def search_key(*texts: str) -> str:
    """What a record keeps to be found by in any script: the Latin key of its texts."""
    return latin_key(" ".join(t for t in texts if t))


def query_terms(query: str) -> list[tuple[str, str]]:
    """Each word of a query as (folded, Latin key): a record matches a term when it contains either."""
    words = _words(_lower(query).replace("'", "\u02bc")).split()  # keep "oʻzbek" one word
    return [(fold_for_search(word), latin_key(word)) for word in words]
