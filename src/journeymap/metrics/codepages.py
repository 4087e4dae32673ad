"""The single-byte code page of an export that is neither UTF-8 nor Chinese, Japanese or
Korean: Windows-1252 when its text reads as one language there, else the legacy code page
whose reading does, as charset-normalizer ranks them.

Excel saves "CSV" in the code page of the machine's Windows: Windows-1252 in Western Europe
and the Americas, Windows-1250 in Poland, Czechia or Hungary, 1251 in Russia or Ukraine,
1253 Greek, 1254 Turkish, 1255 Hebrew, 1256 Arabic, 1257 Baltic, 1258 Vietnamese, 874
Thai; old Mac Excel wrote Mac Roman, Unix tools KOI8 or ISO-8859. The same bytes read in
any of them, so the bytes alone never say which: the reading that gives words of a real
language does. Windows-1252 gives `Ïðèâåò` for the Russian `Привет` and `obs³ugê` for the
Polish `obsługę`: words that no language writes.

Windows-1252 stays the answer whenever its reading is plain (every word in the alphabet of
one language, no symbol inside a word): charset-normalizer alone takes French `Très` for
Czech `Trčs` (Windows-1250) and Italian for Vietnamese, since their letters are as common.
charset-normalizer is asked only when that test fails, and its answer is kept only when
its reading passes the same test; otherwise Windows-1252 stays, and the message that
names it lets the user set `encoding`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

LEGACY = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "cp874",
    "koi8_r",
    "koi8_u",
    "mac_roman",
    "iso8859_2",
    "iso8859_5",
    "iso8859_6",
    "iso8859_7",
    "iso8859_8",
    "iso8859_9",
    "iso8859_13",
    "iso8859_15",
)
"""The code pages asked about: Excel's on each Windows, the Mac's, KOI8 and ISO-8859 of
Unix tools. Chinese, Japanese and Korean ones (EUC-JP, and EUC-KR as its superset, the
Korean Windows code page) are told before, by decoding.py."""


def _vietnamese() -> str:
    tones = "\u0300\u0301\u0303\u0309\u0323"
    bases = "aăâeêioôơuưy"
    return "đ" + "".join(unicodedata.normalize("NFC", b + t) for b in bases for t in tones) + bases


ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíóúüñ",
    "Portuguese": "áâãàçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Catalan": "àçèéíïòóúü",
    "Dutch": "áéíóúàèëïöü",
    "Danish and Norwegian": "æøåéó",
    "Swedish and Finnish": "åäöéšž",
    "Icelandic": "áðéíóúýþæö",
    "Estonian": "äõöüšž",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîşţ",  # as Windows-1250 and ISO-8859-2 hold ș ț: with a cedilla
    "Croatian, Slovenian, Bosnian": "čćđšž",
    "Turkish": "çğıöşüâîû",
    "Lithuanian": "ąčęėįšųūž",
    "Latvian": "āčēģīķļņšūž",
    "Albanian": "çë",
    "Vietnamese": _vietnamese(),
}
"""The letters beyond a-z of each language written in Latin letters with a legacy code
page: a word's letters must all be one language's, and so must the whole export's.
Turkish in Windows-1254 without `ç` or `ü` reads as Icelandic in Windows-1252 (`ı ş ğ` as
`ý þ ð`): it stays Windows-1252 then, since an Icelandic export must (a mapping that
names its columns still settles it, decoding.py)."""


@cache
def _writes(codec: str) -> frozenset[str]:
    """The languages a code page can write whole: a Windows-1252 reading is never Polish."""
    whole = {
        name
        for name, letters in ALPHABETS.items()
        if name != "Vietnamese" and _fits(letters + letters.upper(), codec)
    }
    return frozenset(whole | ({"Vietnamese"} if codec == "cp1258" else set()))


_WORD = re.compile(r"[^\W\d_]+")
_INSIDE_WORDS = frozenset("'’‘´`·–—…")
"""The marks written inside a word or between two without a space (`l’équipe`, `it´s`,
`col·lecció`, `information—including`): any other symbol between two letters
(`Czeka³em` for `Czekałem`) is a misread letter."""

_MISREAD = re.compile(
    r"[¦¨¯¸¹¼½¾¬µ¶©®±₫§฿](?=[^\W\d_])|(?<=[^\W\d_])[¦¨¯¸¹¼½¾¬µ¶©®±₫§฿]"
    # Thai digits and signs inside Thai words: Cyrillic read as Thai.
    r"|[\u0e01-\u0e4e][\u0e4f-\u0e5b]|[\u0e4f-\u0e5b][\u0e01-\u0e4e]"
    # A Hebrew final letter, a Greek final sigma, an Arabic taa marbuta or alef maksura
    # before a letter.
    r"|[ךםןףץςةى](?=[^\W\d_])"
    # A vowel sign or mark with no letter before it (Ukrainian in KOI8-U read as Arabic
    # or Thai: `ًدسة`, `ืฆฤะ`).
    r"|(?<![^\W\d_]|[\u064b-\u0652\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
    r"[\u064b-\u0652\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
)
"""What no spelling writes: a symbol against a word is a letter of another code page
(`¬le` for the Polish `Źle` in ISO-8859-2, `©patně` for `Špatně`), and so are Thai digits
inside a word, a final letter that is not final (Russian read as Hebrew or Greek), a
vowel sign on no letter."""

_VOWELS = {"CYRILLIC": set("аеёиоуыэюяіїєў"), "GREEK": set("αεηιουωάέήίόύώϊϋΐΰ")}
"""A word of Cyrillic or Greek letters has a vowel: most words without one (`бксйвь`,
`Ρλθψκξμ`) are Greek read as Cyrillic, or Russian as Greek; and a word of another
script has no a-z in it. Abbreviations (`млн`) and `e-mailом` break those rules, so a
reading fails only when a quarter of its words in those scripts do."""

_ORDINALS = frozenset("ºª")
"""`nº`, `1ª`: letters to Unicode, of no script; Spanish, Portuguese, French write them."""

_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI")


def plain(text: str, codec: str = "cp1252") -> bool:
    """Whether `text`, read in `codec`, reads as real words: every word in one script,
    every word in Latin letters spelt with the alphabet of one language that `codec` can
    write and that all of them share, and no symbol between two letters."""
    if "\ufffd" in text or "\xa4" in text or _MISREAD.search(text):
        # An undefined byte; '¤', which nobody types, is the euro of ISO-8859-15.
        return False
    text = unicodedata.normalize("NFC", text)
    languages = set(_writes(codec))
    long_words, odd = 0, 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        wide = {c for c in word if ord(c) > 127} - _ORDINALS
        if not wide:
            continue
        scripts = {_script(c) for c in wide}
        if len(scripts) > 1 or "OTHER" in scripts or _small_then_capital(match.group()):
            return False
        (script,) = scripts
        if script == "LATIN":
            languages = {n for n in languages if _spelt(word, wide, n)}
            if not languages:
                return False
        else:
            long_words += 1
            # a-z in the word (French read as Hebrew: `rיception`), or no vowel
            vowel = script not in _VOWELS or len(word) < 3 or bool(wide & _VOWELS[script])
            odd += not vowel or any("a" <= c <= "z" for c in word)
    if odd * 4 > long_words:
        return False
    return not any(
        ord(c) > 127 and c not in _INSIDE_WORDS and text[i - 1].isalpha() and text[i + 1].isalpha()
        for i, c in enumerate(text[1:-1], 1)
        if not c.isalpha() and unicodedata.category(c)[0] != "M"
    )


def _small_then_capital(word: str) -> bool:
    """A capital after a small letter in a word with letters beyond a-z (`гОРОД`): KOI8-R
    and Windows-1251 swap each other's cases (`iPhone` is never asked: a-z only)."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _fits(letters: str, codec: str) -> bool:
    try:
        letters.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_SYLLABLE = re.compile(r"[a-z]*[^a-z]+[a-z]*")


def _spelt(word: str, wide: set[str], language: str) -> bool:
    """Whether `word` is spelt with `language`'s letters, as it spells (_NEVER); a
    Vietnamese word is a syllable of seven letters at most around one vowel group
    (`người`), not `Idơbélyeg` (Hungarian `Időbélyeg` read in Windows-1258)."""
    if not wide <= set(ALPHABETS[language]):
        return False
    never = _NEVER.get(language)
    if never is not None and never.search(word):
        return False
    if language != "Vietnamese":
        return True
    vowels = word.replace("đ", "d")  # a consonant: `điện` has one vowel group
    return len(word) <= 7 and (vowels.isascii() or bool(_SYLLABLE.fullmatch(vowels)))


_LETTER = r"[^\W\d_]"
_CONSONANT = r"[b-df-hj-np-tv-xzç]"
_NEVER = {
    "French": re.compile(rf"è(?!{_CONSONANT})|ç(?![aouâôû])"),
    "Dutch": re.compile(rf"è(?!{_CONSONANT})"),
    "Italian": re.compile(rf"[àèéìíîòóùú](?={_LETTER})"),
    "Catalan": re.compile(r"è(?=[aeiou])|ç(?=[eiéèíï])|ç(?={_LETTER})(?![aou])"),
    "Portuguese": re.compile(r"ç(?![aouáâãóôõú])|õ(?!e)"),
    "Spanish": re.compile(r"(?<!g)ü|ü(?![eéií])"),
}
"""What a language never spells, where a misread other one does: French and Dutch write
`è` only before a consonant (`très`, `crème`; not Croatian `Dostavljač` read as
`Dostavljaè`), Catalan not before a vowel, French and Catalan `ç` only before a, o, u
(not Latvian `vērtē` read as `vçrtç`), Italian accents only a word's last letter (`più`,
not Czech `dìkuji`), Portuguese `õ` only before e (`informações`, not Hungarian
`elõre`), Spanish `ü` only in `güe`, `güi`."""


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first == "LATIN":
        return "LATIN"
    return first if first in _SCRIPTS else "OTHER"


def guess(head: bytes) -> str | None:
    """The legacy code page whose reading of `head` is plain, charset-normalizer's first
    choice among those (it tells KOI8-R from Windows-1251, both Cyrillic words), or None
    when no reading is, or when two Windows code pages that read otherwise rank the same
    (three Ukrainian words read as Greek ones): then Windows-1252 stays, and the report
    names it, so that the user can set `encoding`."""
    from charset_normalizer import from_bytes

    matches = from_bytes(head, cp_isolation=list(LEGACY), enable_fallback=False)
    # A reading in which it finds no language (Hebrew read as Thai) after those it finds.
    ranked = sorted(matches, key=lambda m: m.coherence == 0)
    readable = [m for m in ranked if plain(str(m), str(m.encoding))]
    if not readable:
        return None
    first = readable[0]
    rank = (round(first.chaos, 3), round(first.coherence, 3))
    tied = [m for m in readable if (round(m.chaos, 3), round(m.coherence, 3)) == rank]
    if len({str(m) for m in tied}) > 1:
        # Too few words to tell: Excel writes a Windows code page, so one Windows reading
        # among others that read otherwise (KOI8-R, ISO-8859-x) is taken, two are not.
        windows = [m for m in tied if str(m.encoding).startswith("cp")]
        if len({str(m) for m in windows}) != 1:
            return None
        first = windows[0]
    return str(first.encoding)
