"""`journeymap metrics import` of exports that Excel saved in the code page of a Windows that
is not Western European (or an old Mac, or a Unix tool), through the real CLI.

Each export is written here in its code page: the header names each tool writes (Google
Forms' `Timestamp` in the sheet's language, SurveyMonkey's English respondent columns and
second `Response` row, Typeform's `#`, `Submit Date (UTC)`, `Network ID`), the question
texts and 5-point answer words as those surveys word them. Before, every one was read as
Windows-1252 (`Ïðèâåò` for `Привет`): its columns matched nothing, exit 2.

Every export has the same answers: NPS 10, 9, 9, 3 -> (3 promoters - 1 detractor) / 4 = 50;
satisfaction very satisfied, satisfied, satisfied, dissatisfied (5, 4, 4, 2) -> top-2 box
3/4 = 75.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from benchmarks.code_pages import ANSWERS, export, windows_1258

from journeymap.metrics.decoding import decode
from tests.conftest import EXAMPLES, Result, invoke


@dataclass(frozen=True)
class Export:
    """A survey export in one language and code page, and what the import must say."""

    label: str
    codec: str
    shape: str
    rows: list[list[str]]
    nps: str
    csat: str
    satisfaction: tuple[str, str, str, str]
    """Very satisfied, satisfied, neutral, dissatisfied (5, 4, 3, 2) in its language."""
    date_column: str | None = None
    reported: str | None = None
    """The encoding the report names, when not `codec` (an ISO page read as Windows')."""

    def text(self) -> str:
        out = io.StringIO()
        separator = ";" if self.codec != "cp1253" else ","  # Greek asks with ';'
        csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(self.rows)
        return out.getvalue()

    def data(self) -> bytes:
        return (
            windows_1258(self.text()) if self.codec == "cp1258" else self.text().encode(self.codec)
        )


def _rows(
    stamp: str, questions: list[str], comments: list[str], words: tuple[str, ...], day: str
) -> list[list[str]]:
    very, satisfied, _, dissatisfied = words
    answers = [("10", very), ("9", satisfied), ("9", satisfied), ("3", dissatisfied)]
    return [[stamp, *questions]] + [
        [day.format(d=3 + i // 2), nps, csat, comment]
        for i, ((nps, csat), comment) in enumerate(zip(answers, comments, strict=True))
    ]


def _surveymonkey(questions: list[str], words: tuple[str, ...]) -> list[list[str]]:
    """SurveyMonkey's "All individual responses": its own columns in English, then the
    questions; a second header row with `Response` under each question; US dates."""
    very, satisfied, _, dissatisfied = words
    own = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    answers = [("10", very), ("9", satisfied), ("9", satisfied), ("3", dissatisfied)]
    return [
        [*own, *questions],
        ["", "", "", "", "", "Response", "Response"],
        *(
            [
                f"11406{i}2771",
                "431928506",
                f"09/0{3 + i // 2}/2026 10:1{i}:02 AM",
                f"09/0{3 + i // 2}/2026 10:2{i}:40 AM",
                f"85.12.3.{i}",
                nps,
                csat,
            ]
            for i, (nps, csat) in enumerate(answers)
        ),
    ]


def _typeform(questions: list[str], words: tuple[str, ...]) -> list[list[str]]:
    """Typeform's results CSV: `#`, the question titles, its own columns in English."""
    very, satisfied, _, dissatisfied = words
    own = ["Start Date (UTC)", "Submit Date (UTC)", "Network ID"]
    answers = [("10", very), ("9", satisfied), ("9", satisfied), ("3", dissatisfied)]
    return [
        ["#", *questions, *own],
        *(
            [
                f"k2x9{i}qh7",
                nps,
                csat,
                f"2026-09-0{3 + i // 2} 10:1{i}:02",
                f"2026-09-0{3 + i // 2} 10:2{i}:40",
                f"a81f0{i}c2",
            ]
            for i, (nps, csat) in enumerate(answers)
        ),
    ]


RU = ("Очень доволен", "Доволен", "Нейтрально", "Недоволен")
UK = ("Дуже задоволений", "Задоволений", "Нейтрально", "Незадоволений")
PL = ("Bardzo zadowolony", "Zadowolony", "Ani zadowolony, ani niezadowolony", "Niezadowolony")
CS = ("Velmi spokojen", "Spokojen", "Neutrální", "Nespokojen")
HU = ("Nagyon elégedett", "Elégedett", "Semleges", "Elégedetlen")
EL = ("Πολύ ικανοποιημένος", "Ικανοποιημένος", "Ουδέτερος", "Δυσαρεστημένος")
TR = ("Çok memnunum", "Memnunum", "Kararsızım", "Memnun değilim")
HE = ("מרוצה מאוד", "מרוצה", "ניטרלי", "לא מרוצה")
AR = ("راض جدا", "راض", "محايد", "غير راض")
VI = ("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng")
TH = ("พอใจมาก", "พอใจ", "เฉยๆ", "ไม่พอใจ")
LT = ("Labai patenkintas", "Patenkintas", "Neutralus", "Nepatenkintas")
JA = ("とても満足", "満足", "普通", "不満")
KO = ("매우 만족", "만족", "보통", "불만족")
FR = ("Très satisfait", "Satisfait", "Ni satisfait ni insatisfait", "Pas du tout satisfait")
DE = ("Sehr zufrieden", "Zufrieden", "Weder noch", "Unzufrieden")
ES = ("Muy satisfecho", "Satisfecho", "Neutral", "Nada satisfecho")

RU_Q = [
    "Насколько вероятно, что вы порекомендуете нас другу?",
    "Насколько вы довольны обслуживанием?",
    "Комментарий",
]
PL_Q = [
    "Jak bardzo prawdopodobne jest, że polecisz nas znajomemu?",
    "Jak oceniasz obsługę?",
    "Komentarz",
]


def _forms(
    label: str,
    codec: str,
    shape: str,
    sheet: tuple[str, list[str], list[str], tuple[str, str, str, str], str],
    **extra: str,
) -> Export:
    """A sheet of Google Forms answers (or any one-header export): `sheet` is the
    timestamp's header, the questions (NPS, satisfaction, comment), the comments, the
    satisfaction words and how a day is written."""
    stamp, questions, comments, words, day = sheet
    rows = _rows(stamp, questions, comments, words, day)
    return Export(label, codec, shape, rows, questions[0], questions[1], words, **extra)


def _tool(
    label: str,
    codec: str,
    shape: str,
    questions: list[str],
    words: tuple[str, str, str, str],
    **extra: str,
) -> Export:
    """A SurveyMonkey or Typeform export (`shape`) of the two questions."""
    build = _surveymonkey if shape == "SurveyMonkey" else _typeform
    rows = build(questions, words)
    return Export(label, codec, shape, rows, questions[0], questions[1], words, **extra)


RUSSIAN = (
    "Отметка времени",
    RU_Q,
    ["Быстрая доставка", "", "Всё понравилось", "Долго ждал ответа оператора"],
    RU,
    "0{d}.09.2026 10:15:02",
)

EXPORTS = [
    _forms("Russian, Google Forms, Windows-1251", "cp1251", "Google Forms", RUSSIAN),
    _tool(
        "Ukrainian, Typeform re-saved by Excel, Windows-1251",
        "cp1251",
        "Typeform",
        [
            "Наскільки ймовірно, що ви порекомендуєте нас другові?",
            "Наскільки ви задоволені обслуговуванням?",
        ],
        UK,
    ),
    _forms(
        "Polish, Google Forms, Windows-1250",
        "cp1250",
        "Google Forms",
        (
            "Sygnatura czasowa",
            PL_Q,
            ["Szybka dostawa", "Czekałem zbyt długo", "", "Paczka była uszkodzona"],
            PL,
            "0{d}.09.2026 10:15:02",
        ),
    ),
    _forms(
        "Polish, Google Forms, ISO-8859-2",
        "iso8859_2",
        "Google Forms",
        (
            "Sygnatura czasowa",
            PL_Q,
            ["Obsługa świetna", "Ceny są za wysokie", "", "Paczka przyszła uszkodzona"],
            PL,
            "0{d}.09.2026 10:15:02",
        ),
        # Not Windows-1250: `ą ś ź Ą Ś Ź š ž ť` are other bytes there.
        reported="iso8859-2",
    ),
    _tool(
        "Czech, SurveyMonkey, Windows-1250",
        "cp1250",
        "SurveyMonkey",
        ["Jak pravděpodobné je, že nás doporučíte příteli?", "Jak jste spokojeni s obsluhou?"],
        CS,
    ),
    _forms(
        "Hungarian, Google Forms, Windows-1250",
        "cp1250",
        "CSV",
        (
            "Időbélyeg",
            [
                "Mennyire valószínű, hogy ajánlana minket egy ismerősének?",
                "Mennyire elégedett az ügyfélszolgálattal?",
                "Megjegyzés",
            ],
            ["Gyors kiszállítás", "", "Sokáig kellett várnom", "Sérült csomag érkezett"],
            HU,
            "2026.09.0{d}. 10:15:02",
        ),
        date_column="Időbélyeg",
    ),
    _forms(
        "Greek, Google Forms, Windows-1253",
        "cp1253",
        "CSV",
        (
            "Χρονική σήμανση",
            [
                "Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο;",
                "Πόσο ικανοποιημένοι είστε από την εξυπηρέτηση;",
                "Σχόλια",
            ],
            ["Γρήγορη παράδοση", "", "Περίμενα πολύ για απάντηση", "Το δέμα ήταν κατεστραμμένο"],
            EL,
            "{d}/9/2026 10:15:02",
        ),
        date_column="Χρονική σήμανση",
    ),
    _tool(
        "Turkish, Typeform re-saved by Excel, Windows-1254",
        "cp1254",
        "Typeform",
        [
            "Bizi bir arkadaşınıza önerme olasılığınız nedir?",
            "Hizmetimizden ne kadar memnun kaldınız?",
        ],
        TR,
    ),
    _forms(
        "Hebrew, Google Forms, Windows-1255",
        "cp1255",
        "CSV",
        (
            "חותמת זמן",
            ["מה הסיכוי שתמליצו עלינו לחבר?", "עד כמה אתם מרוצים מהשירות?", "הערות"],
            ["משלוח מהיר", "", "חיכיתי הרבה זמן לתשובה", "החבילה הגיעה פגומה"],
            HE,
            "0{d}/09/2026 10:15:02",
        ),
        date_column="חותמת זמן",
    ),
    _tool(
        "Arabic, SurveyMonkey, Windows-1256",
        "cp1256",
        "SurveyMonkey",
        ["ما مدى احتمال أن توصي بنا لصديق؟", "ما مدى رضاك عن الخدمة؟"],
        AR,
    ),
    _forms(
        "Vietnamese, Google Forms, Windows-1258",
        "cp1258",
        "CSV",
        (
            "Dấu thời gian",
            [
                "Bạn có sẵn sàng giới thiệu chúng tôi cho bạn bè không?",
                "Bạn hài lòng với dịch vụ như thế nào?",
                "Nhận xét",
            ],
            ["Giao hàng nhanh", "", "Phải chờ trả lời quá lâu", "Gói hàng bị hỏng"],
            VI,
            "0{d}/09/2026 10:15:02",
        ),
        date_column="Dấu thời gian",
    ),
    _forms(
        "Thai, Google Forms, Windows-874",
        "cp874",
        "CSV",
        (
            "ประทับเวลา",
            [
                "คุณมีแนวโน้มจะแนะนำเราให้เพื่อนมากน้อยเพียงใด",
                "คุณพึงพอใจกับบริการมากน้อยเพียงใด",
                "ความคิดเห็น",
            ],
            ["จัดส่งรวดเร็ว", "", "รอคำตอบนานเกินไป", "พัสดุเสียหาย"],
            TH,
            "{d}/9/2026 10:15:02",
        ),
        date_column="ประทับเวลา",
    ),
    _forms(
        "Lithuanian, Google Forms, Windows-1257",
        "cp1257",
        "CSV",
        (
            "Laiko žymė",
            [
                "Kaip tikėtina, kad rekomenduotumėte mus draugui?",
                "Kaip vertinate aptarnavimą?",
                "Komentaras",
            ],
            ["Greitas pristatymas", "", "Teko ilgai laukti atsakymo", "Siuntinys buvo sugadintas"],
            LT,
            "2026-09-0{d} 10:15:02",
        ),
        date_column="Laiko žymė",
    ),
    _forms(
        "Japanese, Google Forms, EUC-JP",
        "euc_jp",
        "Google Forms",
        (
            "タイムスタンプ",
            [
                "当サービスを友人に勧める可能性はどのくらいありますか？",
                "サービスの満足度を教えてください",
                "ご意見",
            ],
            ["配送が早かった", "", "返事が遅かった", "荷物が壊れていた"],
            JA,
            "2026/09/0{d} 10:15:02",
        ),
    ),
    _forms(
        "Korean, Google Forms, EUC-KR",
        "euc_kr",
        "Google Forms",
        (
            "타임스탬프",
            ["친구에게 추천할 가능성은 얼마나 됩니까?", "서비스에 얼마나 만족하십니까?", "의견"],
            ["배송이 빨랐어요", "", "답변이 늦었어요", "상자가 파손되었어요"],
            KO,
            "2026. 9. {d} 오전 10:15:02",
        ),
        reported="cp949",  # the Korean Windows code page, EUC-KR and more
    ),
    _forms("Russian, Google Forms, KOI8-R", "koi8_r", "Google Forms", RUSSIAN, reported="koi8-r"),
    _forms(
        "French, old Mac Excel, Mac Roman",
        "mac_roman",
        "CSV",
        (
            "Date de réponse",
            ["Probabilité de recommandation", "Satisfaction générale", "Commentaire"],
            ["Livraison très rapide", "", "Un peu cher : 45 € de frais", "Colis abîmé à l’arrivée"],
            FR,
            "0{d}/09/2026",
        ),
        reported="mac-roman",
    ),
]

WESTERN = [
    _forms(
        "French, Google Forms, Windows-1252",
        "cp1252",
        "Google Forms",
        (
            "Horodateur",
            ["Probabilité de nous recommander", "Qualité de l’accueil", "Commentaire"],
            ["Très bien, merci", "", "Délai un peu long à cause de la grève", "Reçu abîmé, 45 €"],
            FR,
            "0{d}/09/2026 10:15:02",
        ),
    ),
    _forms(
        "German, Google Forms, Windows-1252",
        "cp1252",
        "Google Forms",
        (
            "Zeitstempel",
            ["Wie wahrscheinlich empfehlen Sie uns weiter?", "Zufriedenheit", "Anmerkungen"],
            ["Schnelle Lieferung, große Auswahl", "", "„Rückmeldung“ dauerte zu lange", "12,50 €"],
            DE,
            "0{d}.09.2026 10:15:02",
        ),
    ),
    _forms(
        "Spanish, Google Forms, Windows-1252",
        "cp1252",
        "Google Forms",
        (
            "Marca temporal",
            ["¿Qué probabilidad hay de que nos recomiende?", "Satisfacción", "Comentarios"],
            ["Envío rápido, ¡gracias!", "", "La atención fue lenta", "Llegó dañado, señor"],
            ES,
            "{d}/9/2026 10:15:02",
        ),
    ),
]


def _import(tmp_path: Path, export: Export, mapping: str) -> tuple[Result, Path]:
    survey = tmp_path / "export.csv"
    survey.write_bytes(export.data())
    (tmp_path / "export.map.yaml").write_text(mapping, encoding="utf-8")
    journey = tmp_path / "saas-subscription.yaml"
    shutil.copyfile(EXAMPLES / "saas-subscription.yaml", journey)
    return invoke(
        "metrics", "import", survey, "--map", tmp_path / "export.map.yaml", "--journey", journey
    ), survey


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mapping(export: Export) -> str:
    """The checkout's NPS and CSAT from the export's questions, its words as labels."""
    labels = ", ".join(f"{_quoted(w)}: {5 - i}" for i, w in enumerate(export.satisfaction))
    date = f"date-column: {_quoted(export.date_column)}\n" if export.date_column else ""
    return (
        f"source: Survey\nmin-n: 1\n{date}touchpoints:\n"
        f"  - step: checkout\n    channel: website\n    nps: {_quoted(export.nps)}\n"
        f"    csat: {{column: {_quoted(export.csat)}, labels: {{{labels}}}}}\n"
    )


@pytest.mark.parametrize("export", EXPORTS + WESTERN, ids=lambda e: e.label)
def test_an_export_in_its_code_page_gives_the_figures(export: Export, tmp_path: Path) -> None:
    result, survey = _import(tmp_path, export, _mapping(export))
    assert result.code == 0, result.stderr
    said = f"{survey}: {export.shape} export, {export.reported or export.codec}, "
    assert said in result.stdout, result.stdout
    assert re.search(r"NPS +\S+ -> 50 +n=4", result.stdout), result.stdout
    assert re.search(r"CSAT +\S+ -> 75 +n=4", result.stdout), result.stdout


@pytest.mark.parametrize("export", EXPORTS + WESTERN, ids=lambda e: e.label)
def test_the_code_page_is_told_from_the_text_alone(export: Export, tmp_path: Path) -> None:
    """A mapping that names no column (the count of answers only) gives no word to find:
    the code page comes from the export's text, and the report names it."""
    mapping = (
        "source: Survey\nmin-n: 1\ntouchpoints:\n"
        "  - {step: checkout, channel: website, volume: responses}\n"
    )
    result, survey = _import(tmp_path, export, mapping)
    assert result.code == 0, result.stderr
    assert f"{survey}: {export.shape} export, {export.reported or export.codec}, " in result.stdout


@pytest.mark.parametrize("export", EXPORTS + WESTERN, ids=lambda e: e.label)
def test_the_text_is_the_one_written(export: Export) -> None:
    """Not only the code page's name: every character read back, Vietnamese tones composed."""
    text, _ = decode(export.data(), "x")
    assert text == export.text()


MERMAID = """journey
    title Покупка в интернет-магазине
    section Поиск
      Найти товар: 5: Клиент
"""


@pytest.mark.parametrize(
    ("command", "name", "data", "said", "code"),
    [
        # Notepad on a Russian Windows before 2019 saved "ANSI": Windows-1251.
        (
            "import",
            "journey.mmd",
            MERMAID.encode("cp1251"),
            "2:11: error[JM001] not valid UTF-8 (byte 0xcf)",
            2,
        ),
        (
            "import",
            "parcours.md",
            "# Parcours d’achat\n\n```mermaid\njourney\n  title Achat\n```\n".encode("cp1252"),
            "1:13: error[JM001] not valid UTF-8 (byte 0x92)",
            2,
        ),
        # An invalid journey, as `validate` reports every one (exit 1).
        (
            "validate",
            "j.yaml",
            "id: x\ntitle: Покупка\n".encode("cp1251"),
            "2:8: error[JM001] not valid UTF-8 (byte 0xcf)",
            1,
        ),
        # After a byte-order mark: the place is counted in the file, not after the mark.
        (
            "validate",
            "j.yaml",
            b"\xef\xbb\xbf" + "id: x\ntitle: Café\n".encode("cp1252"),
            "2:11: error[JM001] not valid UTF-8 (byte 0xe9)",
            1,
        ),
    ],
)
def test_journeys_and_imported_files_in_a_code_page_say_where_to_save_as_utf8(
    command: str, name: str, data: bytes, said: str, code: int, tmp_path: Path
) -> None:
    """Journeys, Mermaid and Markdown files are UTF-8 (the editors' default now): one in a
    legacy code page is not guessed at, it stops with the place of its first letter
    beyond ASCII and the fix, never garbage or a traceback."""
    path = tmp_path / name
    path.write_bytes(data)
    extra = ["-o", str(tmp_path / "out.yaml")] if command == "import" else []
    result = invoke(command, path, *extra)
    assert result.code == code, result.stdout + result.stderr
    shown = result.stdout + result.stderr
    assert f"{path}:{said}; save the file as UTF-8" in shown, shown
    assert "Traceback" not in shown
    assert not (tmp_path / "out.yaml").exists()


def test_a_mapping_in_a_code_page_says_where_to_save_as_utf8(tmp_path: Path) -> None:
    """Before, `m.yaml: not UTF-8 text`, with no place to look."""
    export = EXPORTS[0]
    _import(tmp_path, export, _mapping(export))
    mapping = tmp_path / "export.map.yaml"
    mapping.write_bytes(_mapping(export).replace("Survey", "Опрос").encode("cp1251"))
    result = invoke(
        "metrics",
        "import",
        tmp_path / "export.csv",
        "--map",
        mapping,
        "--journey",
        tmp_path / "saas-subscription.yaml",
    )
    assert result.code == 2
    where = f"{mapping}:1:9: not valid UTF-8 (byte 0xce)"
    assert result.stderr == f"journeymap: error: {where}; save the mapping as UTF-8\n"


WESTERN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "da", "sv", "fi", "ca", "is")


@pytest.mark.parametrize("lang", WESTERN_LANGUAGES)
def test_every_western_answer_stays_windows_1252(lang: str) -> None:
    """What worked before must still: each answer alone and each pair of them (the hard
    case: a few words), in French, German, Spanish, Italian, Portuguese, Dutch, Danish,
    Swedish, Finnish, Catalan, Icelandic, is read as Windows-1252, letter for letter."""
    answers = ANSWERS[lang]
    for pair in [[a] for a in answers] + [[a, b] for a in answers for b in answers if a < b]:
        text = export(pair)
        if not text.isascii():  # ASCII is UTF-8 too, and read as such
            assert decode(text.encode("cp1252"), "x") == (text, "cp1252"), pair


def test_real_french_step_texts_stay_windows_1252() -> None:
    """The French step texts of tests/corpus (real pages and messages), three to an
    export, saved in Windows-1252: every export comes back unchanged, as cp1252."""
    texts = []
    for path in sorted((Path(__file__).parent / "corpus").glob("*fr.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")).get("items") or []
        texts += [i["text"] for i in items if isinstance(i, dict) and not i["text"].isascii()]
    usable = [t for t in texts if t.encode("cp1252", errors="replace").decode("cp1252") == t]
    assert len(usable) > 300
    for i in range(0, len(usable) - 2, 3):
        text = export(usable[i : i + 3])
        assert decode(text.encode("cp1252"), "x") == (text, "cp1252"), usable[i : i + 3]


def test_the_mapping_names_settle_a_header_too_short_to_tell(tmp_path: Path) -> None:
    """Polish whose only letter beyond ASCII is the `ż` of `że`: Windows-1252 reads it
    `¿e`, as Spanish might write, so its bytes alone stay Windows-1252. The mapping names
    the column in Polish: the reading that holds the name (Windows-1250) is taken."""
    question = "Jak bardzo prawdopodobne jest, że polecisz nas znajomemu?"
    rows = [
        ["Sygnatura czasowa", question],
        *([f"0{d}.09.2026 10:15:02", n] for d, n in ((3, "10"), (3, "9"), (4, "9"), (4, "3"))),
    ]
    export = Export("Polish, short", "cp1250", "Google Forms", rows, question, question, PL)
    assert decode(export.data(), "x")[1] == "cp1252"
    assert decode(export.data(), "x", None, [question]) == (export.text(), "cp1250")
    mapping = (
        "source: S\nmin-n: 1\ntouchpoints:\n"
        f"  - {{step: checkout, channel: website, nps: {_quoted(question)}}}\n"
    )
    result, survey = _import(tmp_path, export, mapping)
    assert result.code == 0, result.stderr
    assert f"{survey}: Google Forms export, cp1250, ';'-separated, 4 answer rows" in result.stdout
    assert re.search(r"NPS +\S+ -> 50 +n=4", result.stdout), result.stdout
