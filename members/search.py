"""Text folded for search: case, Arabic/Persian letter variants and diacritics, so SQLite and PostgreSQL agree."""

import unicodedata

# Arabic-script letters that Dari, Pashto and Urdu keyboards type differently: searching
# for "کابل" must find "كابل". Folded to the Persian forms, together with casefolding for
# Latin and Cyrillic, so search behaves the same on SQLite and PostgreSQL.
_ARABIC_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u200c": None,  # ZERO WIDTH NON-JOINER
        "\u0640": None,  # TATWEEL
    }
)


def fold_for_search(text: str) -> str:
    """Normalise text so that a case- and script-variant-insensitive substring match works."""
    text = unicodedata.normalize("NFKC", text or "").translate(_ARABIC_FOLD).casefold()
    # Drop combining marks (Arabic harakat, Cyrillic stress marks) but keep base letters.
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = text.replace("ё", "е")
    return " ".join(text.split())
