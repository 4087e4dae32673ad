"""An export's bytes to records: the encoding (UTF-8 with or without BOM, UTF-16, the
Windows code page Excel uses), the separator, and each record with the line it starts on."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Sequence

from journeymap.metrics.survey import BadRow, SurveyError, fold

SEPARATORS = (",", ";", "\t", "|")


def decode(
    data: bytes, name: str, encoding: str | None = None, words: Sequence[str] = ()
) -> tuple[str, str]:
    """The text and the encoding used: the one asked for, a BOM's, UTF-8, a Chinese
    (simplified or traditional), Japanese or Korean code page when the text is plainly in
    one, else Windows-1252 when it reads as one language there, else the legacy code page
    whose reading does (codepages.py), else Windows-1252. A single-byte code page in
    whose reading more of `words` (the mapping's names and labels) are found wins over the
    one detected: the user wrote them in the export's language."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
            return data.decode(codec), codec
        except LookupError:
            raise SurveyError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SurveyError(
                f"{name}: not {encoding} (byte {exc.start}); remove 'encoding' to detect it"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            raise SurveyError(
                f"{name}:{line}: starts as UTF-8 (its BOM) but byte {exc.start + 3} is not "
                "UTF-8; export the file again, or set 'encoding' in the mapping"
            ) from None
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec), "utf-16"
            except UnicodeDecodeError:
                raise SurveyError(f"{name}: broken UTF-16 text") from None
    if b"\x00" in data[:200]:
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            raise SurveyError(f"{name}: binary data, not a CSV export") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    east_asian = _east_asian(data)
    if east_asian is not None:
        return east_asian
    text, codec = _single_byte(data)
    wanted = [fold(w) for w in words if not w.isascii()]
    if not wanted or all(w in fold(text) for w in wanted):
        return text, codec
    return _naming(data, wanted, (text, codec))


def _single_byte(data: bytes) -> tuple[str, str]:
    """The text of an export in a legacy single-byte code page: Windows-1252 unless its
    reading is no language's and another code page's is (codepages.py, imported here:
    a UTF-8 export never pays for it, nor for charset-normalizer)."""
    from journeymap.metrics.codepages import guess, plain

    head = _head(data)
    if not plain(head.decode("cp1252", errors="replace")):
        codec = guess(head)
        if codec is not None and codec != "cp1252":
            try:
                # The name `encoding` takes and the report shows: 'koi8-r', 'mac-roman'.
                return _read(data, codec), codecs.lookup(codec).name
            except UnicodeDecodeError:
                pass  # A byte past the sample that the code page lacks: not that one.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _read(data: bytes, codec: str) -> str:
    # Windows-1258 writes Vietnamese tones as combining marks after the letter; a mapping
    # names its columns with the composed letters.
    return unicodedata.normalize("NFC", data.decode(codec))


def _naming(data: bytes, wanted: list[str], detected: tuple[str, str]) -> tuple[str, str]:
    """The reading in which most of `wanted` are found, the detected one on a tie: a
    header of a few words leaves Polish (`że` read `¿e`) or Latvian (`jūs` read `jûs`)
    plain in Windows-1252 too, but the mapping names its column `że`."""
    from journeymap.metrics.codepages import LEGACY

    best, found = detected, sum(w in fold(detected[0]) for w in wanted)
    for codec in LEGACY:
        try:
            text = _read(data, codec)
        except UnicodeDecodeError:
            continue
        count = sum(w in fold(text) for w in wanted)
        if count > found:
            best, found = (text, codecs.lookup(codec).name), count
    return best


def _head(data: bytes) -> bytes:
    """The first 64 KiB, cut at a line end (no trail byte of a code page is a '\n'): they
    tell the code page."""
    return data if len(data) <= _SAMPLE else data[: data.rfind(b"\n", 0, _SAMPLE) + 1]


def _east_asian(data: bytes) -> tuple[str, str] | None:
    """The text of a CSV that Excel saved on a Korean, Japanese or Chinese Windows (its
    code page: Korean, Shift_JIS, GBK, Big5) or that a Unix tool wrote in EUC-JP, or
    None. Those bytes also read as Windows-1252, into nonsense ('ÐòºÅ' for 序号) that no
    column name matches. A code page is taken when nearly every character it gives is a
    common one of its language, written in words of two characters or more (Japanese
    with kana); the other readings of the same bytes give rare characters or half-width
    kana, and Windows-1252 text (`it’s`, `INFORMAÇÃO`) gives no such words."""
    head = _head(data)
    for codec, common in _CODE_PAGES:
        try:
            sample = head.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = [c for c in sample if ord(c) > 127]
        if not wide or not _WORD.search(sample):
            continue
        if codec in {"cp932", "euc_jp"} and not any("\u3041" <= c <= "\u30ff" for c in wide):
            continue
        if sum(1 for c in wide if common(c)) >= 0.9 * len(wide):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
    return None


_SAMPLE = 65536


_WORD = re.compile(r"[^\x00-\x7f]{2,}")


def _encodes(char: str, codec: str, leads: range) -> bool:
    """Whether `char` is in `codec` with a first byte in `leads`: the common characters."""
    try:
        encoded = char.encode(codec)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] in leads


def _wide_punctuation(char: str) -> bool:
    """CJK punctuation and full-width forms ('、', '？', '（'): written in all three."""
    return "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e"


def _common_chinese(char: str) -> bool:
    # GB2312's 3,755 most used characters (level 1), not its rows of kana and symbols.
    return _wide_punctuation(char) or _encodes(char, "gb2312", range(0xB0, 0xD8))


def _common_traditional(char: str) -> bool:
    # Big5's 5,401 frequently used characters (常用字, first bytes 0xA4-0xC6).
    return _wide_punctuation(char) or _encodes(char, "big5", range(0xA4, 0xC7))


def _common_japanese(char: str) -> bool:
    # Hiragana, katakana, and the kanji of JIS level 1 (Shift_JIS 0x889F-0x9872).
    kana = "\u3041" <= char <= "\u30ff"
    return kana or _wide_punctuation(char) or _encodes(char, "shift_jis", range(0x88, 0x99))


def _common_korean(char: str) -> bool:
    # The 2,350 Hangul syllables of KS X 1001 (EUC-KR), not the code page's extra ones.
    return _wide_punctuation(char) or _encodes(char, "euc_kr", range(0xB0, 0xC9))


_CODE_PAGES = (
    # Korean first: its 2,350 syllables are bytes that GBK also reads as common Chinese,
    # while Chinese text seldom reads as Korean syllables alone.
    ("cp949", _common_korean),
    ("cp932", _common_japanese),
    # EUC-JP (Unix tools, old web forms): its kana are rows that Korean and Chinese text
    # leave unused, and without kana no text is taken for Japanese.
    ("euc_jp", _common_japanese),
    ("gbk", _common_chinese),
    # Traditional Chinese (Taiwan, Hong Kong) last: GBK reads a third or more of Big5's
    # characters as rare ones, Big5 half of GBK's as less used ones.
    ("cp950", _common_traditional),
)


def sniff_separator(text: str) -> str:
    """The separator that splits the first lines into the most, and most regular, columns."""
    sample = text[:20000].splitlines()[:30]
    best, best_score = ",", (-1, -1)
    for candidate in SEPARATORS:
        rows = list(csv.reader(io.StringIO("\n".join(sample)), delimiter=candidate))
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        regular = sum(1 for r in rows if len(r) == width)
        score = (regular, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def split_records(
    text: str, separator: str
) -> tuple[list[tuple[int, list[str]]], list[BadRow], int]:
    """Each record with the line it starts on (a quoted cell may span several lines), the
    records the csv module cannot split, and how many rows hold nothing at all."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    broken: list[BadRow] = []
    empty = 0
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            broken.append(BadRow(start, f"broken quoting ({exc})"))
            start = reader.line_num + 1
            continue
        if any(c.strip() for c in cells):
            records.append((start, cells))
        elif records:
            empty += 1
        start = reader.line_num + 1
    return records, broken, empty
