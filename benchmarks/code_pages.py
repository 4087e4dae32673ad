"""How often `metrics import` reads an export in its own code page: exports of one, three
or six short answers, drawn from 15 answers per language as respondents write them, saved
in each legacy code page that language is written in (and the Western ones in
Windows-1252, which must stay Windows-1252), decoded with no help from a mapping.

    PYTHONPATH=src python -m benchmarks.code_pages [EXPORTS_PER_CELL]

prints, per language, code page and size, how many came back exactly (Vietnamese
compared composed) and what the others were read as.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import unicodedata
from collections import Counter

from journeymap.metrics.decoding import decode

ANSWERS = {
    "de": [
        "Sehr zufrieden mit der schnellen Lieferung",
        "Die Rückerstattung hat zu lange gedauert",
        "Freundlicher Kundenservice, gerne wieder",
        "Größe passt nicht, Umtausch war schwierig",
        "Preis-Leistung ist in Ordnung",
        "Die App stürzt beim Bezahlen ab",
        "Lieferung kam zwei Tage später als angekündigt",
        "Alles bestens, danke!",
        "Verpackung war beschädigt",
        "Ich würde mir mehr Auswahl wünschen",
        "Die Hotline ist schwer erreichbar",
        "Top Qualität für 29,90 €",
        "Kein Rückruf erhalten – sehr ärgerlich",
        "Übersichtliche Website",
        "Zustellung an die Packstation klappte gut",
    ],
    "es": [
        "Muy contento con el envío rápido",
        "La devolución tardó demasiado",
        "Atención al cliente muy amable",
        "El producto llegó dañado",
        "¿Por qué cobran gastos de envío?",
        "Todo perfecto, ¡gracias!",
        "La aplicación se cierra al pagar",
        "Buena relación calidad-precio",
        "No recibí respuesta a mi correo",
        "El pedido llegó dos días tarde",
        "Me encantó la atención en tienda",
        "Precio algo caro: 35 €",
        "La talla no corresponde",
        "Fácil de usar",
        "Repetiría sin duda",
    ],
    "it": [
        "Molto soddisfatto della consegna veloce",
        "Il rimborso è arrivato in ritardo",
        "Personale gentile e disponibile",
        "Il pacco è arrivato danneggiato",
        "Perché così tanto tempo per una risposta?",
        "Tutto perfetto, grazie",
        "L'app si blocca durante il pagamento",
        "Buon rapporto qualità/prezzo",
        "Non ho ricevuto nessuna email di conferma",
        "Più scelta di taglie, per favore",
        "Prezzo un po' alto",
        "Consegna puntuale",
        "Servizio clienti difficile da raggiungere",
        "Lo consiglierò ai miei amici",
        "Così così",
    ],
    "pt": [
        "Muito satisfeito com a entrega rápida",
        "O reembolso demorou demais",
        "Atendimento simpático e eficiente",
        "A encomenda chegou danificada",
        "Não recebi resposta ao meu e-mail",
        "Tudo ótimo, obrigado",
        "A aplicação falha no pagamento",
        "Boa relação qualidade/preço",
        "Preço um pouco alto",
        "Entrega dentro do prazo",
        "Gostaria de mais opções de pagamento",
        "Não volto a comprar",
        "Informação clara no site",
        "Atenção excelente na loja",
        "Demorou três dias úteis",
    ],
    "nl": [
        "Erg tevreden over de snelle levering",
        "Terugbetaling duurde te lang",
        "Vriendelijke klantenservice",
        "Het pakket was beschadigd",
        "Alles prima, bedankt!",
        "De app crasht bij het betalen",
        "Goede prijs-kwaliteitverhouding",
        "Geen reactie op mijn e-mail gekregen",
        "Levering was één dag te laat",
        "Ik zou graag meer keuze zien",
        "Duidelijke website",
        "Coördinatie met de bezorger liep mis",
        "Te duur",
        "Snel geholpen",
        "Zeker een aanrader",
    ],
    "da": [
        "Meget tilfreds med den hurtige levering",
        "Refusionen tog for lang tid",
        "Venlig kundeservice",
        "Pakken var beskadiget",
        "Alt var fint, tak",
        "Appen går ned ved betaling",
        "God værdi for pengene",
        "Jeg fik intet svar på min e-mail",
        "Leveringen kom to dage for sent",
        "Større udvalg ønskes",
        "Nem at bruge",
        "For dyrt",
        "Søde medarbejdere i butikken",
        "Kan varmt anbefales",
        "Måtte vente længe i telefonen",
    ],
    "sv": [
        "Mycket nöjd med den snabba leveransen",
        "Återbetalningen tog för lång tid",
        "Trevlig kundtjänst",
        "Paketet var skadat",
        "Allt bra, tack",
        "Appen kraschar vid betalning",
        "Prisvärt",
        "Fick inget svar på mitt mejl",
        "Leveransen kom två dagar för sent",
        "Önskar större utbud",
        "Lätt att använda",
        "För dyrt",
        "Väntade länge i telefonkön",
        "Rekommenderas varmt",
        "Smidig retur",
    ],
    "fi": [
        "Erittäin tyytyväinen nopeaan toimitukseen",
        "Hyvitys kesti liian kauan",
        "Ystävällinen asiakaspalvelu",
        "Paketti oli vaurioitunut",
        "Kaikki hyvin, kiitos",
        "Sovellus kaatuu maksaessa",
        "Hinta-laatusuhde kohdallaan",
        "En saanut vastausta sähköpostiini",
        "Toimitus myöhästyi kaksi päivää",
        "Helppokäyttöinen",
        "Liian kallis",
        "Jonotin puhelimessa pitkään",
        "Suosittelen lämpimästi",
        "Palautus sujui hyvin",
        "Enemmän valikoimaa toivoisin",
    ],
    "ca": [
        "Molt satisfet amb l'enviament ràpid",
        "La devolució va trigar massa",
        "Atenció al client molt amable",
        "El paquet va arribar malmès",
        "Tot perfecte, gràcies",
        "L'aplicació es tanca en pagar",
        "Bona relació qualitat-preu",
        "No vaig rebre cap resposta",
        "Preu una mica car",
        "Ho recomanaria",
        "Fàcil d'utilitzar",
        "Col·laboració excel·lent",
        "Enviament puntual",
        "Més opcions de pagament, si us plau",
        "Tracte excel·lent a la botiga",
    ],
    "fr": [
        "Très satisfait de la livraison rapide",
        "Le remboursement a pris trop de temps",
        "Conseiller très aimable, merci",
        "Colis abîmé à l’arrivée",
        "Tout était parfait",
        "L’application plante au moment du paiement",
        "Bon rapport qualité-prix",
        "Je n’ai reçu aucune réponse à mon e-mail",
        "Livraison avec deux jours de retard",
        "Un peu cher : 45 € de frais",
        "Site clair et facile",
        "Attente trop longue au téléphone",
        "Je recommande sans hésiter",
        "Où est passée ma commande ?",
        "Déçu par la qualité",
    ],
    "is": [
        "Mjög ánægð með hraða afhendingu",
        "Endurgreiðslan tók of langan tíma",
        "Vingjarnleg þjónusta",
        "Pakkinn var skemmdur",
        "Allt í lagi, takk",
        "Appið hrynur við greiðslu",
        "Of dýrt",
        "Fékk ekkert svar við tölvupósti",
        "Mæli hiklaust með þessu",
        "Auðvelt í notkun",
    ],
    "ru": [
        "Очень довольна быстрой доставкой",
        "Возврат денег занял слишком много времени",
        "Вежливый оператор, спасибо",
        "Посылка пришла повреждённой",
        "Всё отлично",
        "Приложение вылетает при оплате",
        "Цена соответствует качеству",
        "Не получил ответа на письмо",
        "Доставка опоздала на два дня",
        "Хотелось бы больше выбора",
        "Удобный сайт",
        "Слишком дорого",
        "Долго ждал на линии",
        "Рекомендую друзьям",
        "Курьер не позвонил заранее",
    ],
    "uk": [
        "Дуже задоволена швидкою доставкою",
        "Повернення коштів тривало надто довго",
        "Ввічливий оператор, дякую",
        "Посилка прийшла пошкодженою",
        "Усе чудово",
        "Застосунок вилітає під час оплати",
        "Ціна відповідає якості",
        "Не отримав відповіді на лист",
        "Доставка запізнилася на два дні",
        "Хотілося б більшого вибору",
        "Зручний сайт",
        "Занадто дорого",
        "Довго чекав на лінії",
        "Рекомендую друзям",
        "Кур'єр не зателефонував заздалегідь",
    ],
    "pl": [
        "Bardzo zadowolona z szybkiej dostawy",
        "Zwrot pieniędzy trwał zbyt długo",
        "Miła obsługa, dziękuję",
        "Paczka przyszła uszkodzona",
        "Wszystko w porządku",
        "Aplikacja zawiesza się przy płatności",
        "Dobry stosunek jakości do ceny",
        "Nie dostałem odpowiedzi na maila",
        "Dostawa spóźniła się o dwa dni",
        "Chciałabym większy wybór",
        "Wygodna strona",
        "Za drogo",
        "Długo czekałem na połączenie",
        "Polecam znajomym",
        "Kurier nie zadzwonił wcześniej",
    ],
    "cs": [
        "Velmi spokojená s rychlým doručením",
        "Vrácení peněz trvalo příliš dlouho",
        "Milá obsluha, děkuji",
        "Balík dorazil poškozený",
        "Vše v pořádku",
        "Aplikace padá při platbě",
        "Dobrý poměr ceny a kvality",
        "Na e-mail mi nikdo neodpověděl",
        "Doručení se zpozdilo o dva dny",
        "Uvítal bych větší výběr",
        "Přehledný web",
        "Příliš drahé",
        "Dlouho jsem čekal na lince",
        "Doporučím přátelům",
        "Kurýr nezavolal předem",
    ],
    "sk": [
        "Veľmi spokojná s rýchlym doručením",
        "Vrátenie peňazí trvalo príliš dlho",
        "Milá obsluha, ďakujem",
        "Balík prišiel poškodený",
        "Všetko v poriadku",
        "Aplikácia padá pri platbe",
        "Dobrý pomer ceny a kvality",
        "Na e-mail mi nikto neodpovedal",
        "Doručenie meškalo dva dni",
        "Privítal by som väčší výber",
        "Prehľadná stránka",
        "Príliš drahé",
        "Dlho som čakal na linke",
        "Odporúčam priateľom",
        "Kuriér nezavolal vopred",
    ],
    "hu": [
        "Nagyon elégedett vagyok a gyors szállítással",
        "A visszatérítés túl sokáig tartott",
        "Kedves ügyintéző, köszönöm",
        "A csomag sérülten érkezett",
        "Minden rendben",
        "Az alkalmazás fizetéskor összeomlik",
        "Jó ár-érték arány",
        "Nem kaptam választ az e-mailemre",
        "A szállítás két napot késett",
        "Nagyobb választékot szeretnék",
        "Áttekinthető weboldal",
        "Túl drága",
        "Sokáig vártam a vonalban",
        "Ajánlom a barátaimnak",
        "A futár nem telefonált előre",
    ],
    # Romanian as Windows-1250 holds it: s and t with a cedilla, not a comma below.
    "ro": [
        "Foarte mulţumită de livrarea rapidă",
        "Rambursarea a durat prea mult",
        "Operator amabil, mulţumesc",
        "Coletul a ajuns deteriorat",
        "Totul în regulă",
        "Aplicaţia se blochează la plată",
        "Raport bun calitate-preţ",
        "Nu am primit răspuns la e-mail",
        "Livrarea a întârziat două zile",
        "Aş vrea mai multe opţiuni",
        "Site uşor de folosit",
        "Prea scump",
        "Am aşteptat mult la telefon",
        "Recomand prietenilor",
        "Curierul nu a sunat înainte",
    ],
    "hr": [
        "Vrlo zadovoljna brzom dostavom",
        "Povrat novca trajao je predugo",
        "Ljubazna usluga, hvala",
        "Paket je stigao oštećen",
        "Sve u redu",
        "Aplikacija se ruši pri plaćanju",
        "Dobar omjer cijene i kvalitete",
        "Nisam dobio odgovor na e-mail",
        "Dostava je kasnila dva dana",
        "Želio bih veći izbor",
        "Pregledna stranica",
        "Preskupo",
        "Dugo sam čekao na liniji",
        "Preporučujem prijateljima",
        "Dostavljač nije nazvao unaprijed",
    ],
    "el": [
        "Πολύ ικανοποιημένη από τη γρήγορη παράδοση",
        "Η επιστροφή χρημάτων άργησε πολύ",
        "Ευγενικός υπάλληλος, ευχαριστώ",
        "Το δέμα έφτασε κατεστραμμένο",
        "Όλα τέλεια",
        "Η εφαρμογή κολλάει στην πληρωμή",
        "Καλή σχέση ποιότητας τιμής",
        "Δεν πήρα απάντηση στο email",
        "Η παράδοση καθυστέρησε δύο μέρες",
        "Θα ήθελα περισσότερες επιλογές",
        "Εύκολη ιστοσελίδα",
        "Πολύ ακριβό",
        "Περίμενα πολύ στο τηλέφωνο",
        "Το προτείνω σε φίλους",
        "Ο κούριερ δεν τηλεφώνησε",
    ],
    "tr": [
        "Hızlı teslimattan çok memnunum",
        "Para iadesi çok uzun sürdü",
        "Nazik müşteri temsilcisi, teşekkürler",
        "Paket hasarlı geldi",
        "Her şey yolundaydı",
        "Uygulama ödeme sırasında çöküyor",
        "Fiyat performans oranı iyi",
        "E-postama yanıt alamadım",
        "Teslimat iki gün gecikti",
        "Daha fazla seçenek isterdim",
        "Kullanışlı site",
        "Çok pahalı",
        "Telefonda uzun süre bekledim",
        "Arkadaşlarıma tavsiye ederim",
        "Kurye önceden aramadı",
    ],
    "he": [
        "מרוצה מאוד מהמשלוח המהיר",
        "ההחזר הכספי לקח יותר מדי זמן",
        "נציג אדיב, תודה",
        "החבילה הגיעה פגומה",
        "הכול היה מצוין",
        "האפליקציה קורסת בזמן התשלום",
        "יחס טוב בין מחיר לאיכות",
        "לא קיבלתי תשובה למייל",
        "המשלוח איחר ביומיים",
        "הייתי רוצה יותר מבחר",
        "אתר נוח",
        "יקר מדי",
        "חיכיתי הרבה זמן על הקו",
        "ממליץ לחברים",
        "השליח לא התקשר מראש",
    ],
    "ar": [
        "راض جدا عن سرعة التوصيل",
        "استغرق استرداد المبلغ وقتا طويلا",
        "موظف لطيف، شكرا",
        "وصل الطرد تالفا",
        "كل شيء ممتاز",
        "التطبيق يتوقف عند الدفع",
        "السعر مناسب للجودة",
        "لم أتلق ردا على بريدي",
        "تأخر التوصيل يومين",
        "أتمنى خيارات أكثر",
        "موقع سهل الاستخدام",
        "غال جدا",
        "انتظرت طويلا على الهاتف",
        "أنصح به أصدقائي",
        "لم يتصل المندوب مسبقا",
    ],
    "vi": [
        "Rất hài lòng với việc giao hàng nhanh",
        "Hoàn tiền quá lâu",
        "Nhân viên lịch sự, cảm ơn",
        "Gói hàng bị hỏng khi nhận",
        "Mọi thứ đều tốt",
        "Ứng dụng bị treo khi thanh toán",
        "Giá cả hợp lý",
        "Không nhận được phản hồi email",
        "Giao hàng trễ hai ngày",
        "Mong có nhiều lựa chọn hơn",
        "Trang web dễ dùng",
        "Quá đắt",
        "Chờ điện thoại rất lâu",
        "Sẽ giới thiệu cho bạn bè",
        "Người giao hàng không gọi trước",
    ],
    "th": [
        "พอใจมากกับการจัดส่งที่รวดเร็ว",
        "การคืนเงินใช้เวลานานเกินไป",
        "พนักงานสุภาพ ขอบคุณ",
        "พัสดุมาถึงในสภาพเสียหาย",
        "ทุกอย่างดีมาก",
        "แอปค้างตอนชำระเงิน",
        "ราคาคุ้มค่า",
        "ไม่ได้รับการตอบกลับทางอีเมล",
        "จัดส่งล่าช้าสองวัน",
        "อยากให้มีตัวเลือกมากขึ้น",
        "เว็บไซต์ใช้งานง่าย",
        "แพงเกินไป",
        "รอสายนานมาก",
        "จะแนะนำให้เพื่อน",
        "พนักงานส่งของไม่โทรมาก่อน",
    ],
    "lt": [
        "Labai patenkinta greitu pristatymu",
        "Pinigų grąžinimas užtruko per ilgai",
        "Mandagus konsultantas, ačiū",
        "Siuntinys atkeliavo sugadintas",
        "Viskas gerai",
        "Programėlė užstringa mokant",
        "Geras kainos ir kokybės santykis",
        "Negavau atsakymo į laišką",
        "Pristatymas vėlavo dvi dienas",
        "Norėčiau didesnio pasirinkimo",
        "Patogi svetainė",
        "Per brangu",
        "Ilgai laukiau telefonu",
        "Rekomenduoju draugams",
        "Kurjeris iš anksto nepaskambino",
    ],
    "lv": [
        "Ļoti apmierināta ar ātro piegādi",
        "Naudas atmaksa ilga pārāk ilgi",
        "Laipns konsultants, paldies",
        "Paka pienāca bojāta",
        "Viss kārtībā",
        "Lietotne uzkaras maksājot",
        "Laba cenas un kvalitātes attiecība",
        "Nesaņēmu atbildi uz e-pastu",
        "Piegāde kavējās divas dienas",
        "Gribētos lielāku izvēli",
        "Ērta mājaslapa",
        "Pārāk dārgi",
        "Ilgi gaidīju pie telefona",
        "Iesaku draugiem",
        "Kurjers iepriekš nepiezvanīja",
    ],
    "et": [
        "Väga rahul kiire tarnega",
        "Raha tagastamine võttis liiga kaua aega",
        "Viisakas klienditeenindaja, aitäh",
        "Pakk saabus kahjustatuna",
        "Kõik korras",
        "Rakendus jookseb maksmisel kokku",
        "Hea hinna ja kvaliteedi suhe",
        "Ma ei saanud e-kirjale vastust",
        "Tarne hilines kaks päeva",
        "Sooviksin suuremat valikut",
        "Mugav veebileht",
        "Liiga kallis",
        "Ootasin kaua telefonil",
        "Soovitan sõpradele",
        "Kuller ei helistanud ette",
    ],
}
"""Short answers to "anything to add?", invented, in the words those surveys get."""

CODE_PAGES = {
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251", "koi8_u"),
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "sk": ("cp1250",),
    "hu": ("cp1250", "iso8859_2"),
    "ro": ("cp1250",),
    "hr": ("cp1250",),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254", "iso8859_9"),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "vi": ("cp1258",),
    "th": ("cp874",),
    "lt": ("cp1257", "iso8859_13"),
    "lv": ("cp1257",),
    "et": ("cp1257",),
    "fr": ("mac_roman", "cp1252"),
    "de": ("mac_roman", "cp1252"),
    **dict.fromkeys(("es", "it", "pt", "nl", "da", "sv", "fi", "ca", "is"), ("cp1252",)),
}

TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Vietnamese as Windows writes it in its code page 1258: a letter it holds composed
    (`â`, `ơ`, `ư`, `đ`, `à`), else the letter without its tone, then the tone as a
    combining mark (`ấ` = `â` + U+0301)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def encode(text: str, codec: str) -> bytes:
    return windows_1258(text) if codec == "cp1258" else text.encode(codec)


def export(answers: list[str]) -> str:
    """An export as Excel writes it on those Windows: ';', CRLF, a header in English."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Start Date", "NPS", "Comment"])
    for i, answer in enumerate(answers):
        writer.writerow([f"2026-09-0{i + 1}", str(10 - i), answer])
    return out.getvalue()


def measure(
    lang: str, codec: str, size: int, count: int, rng: random.Random
) -> tuple[int, int, Counter[str]]:
    """(exact, tried, read as what otherwise) over `count` exports of `size` answers."""
    exact, tried, wrong = 0, 0, Counter[str]()
    for _ in range(count):
        text = export(rng.sample(ANSWERS[lang], size))
        try:
            data = encode(text, codec)
        except UnicodeEncodeError:  # the language's letters are not all in that code page
            continue
        tried += 1
        read, used = decode(data, "x")
        if read == unicodedata.normalize("NFC", text):
            exact += 1
        else:
            wrong[used] += 1
    return exact, tried, wrong


def main(count: int) -> None:
    rng = random.Random(11)
    for size in (1, 3, 6):
        print(f"--- {size} answer(s) per export, {count} exports each")
        for lang, codecs in CODE_PAGES.items():
            for codec in codecs:
                exact, tried, wrong = measure(lang, codec, size, count, rng)
                print(f"{lang} {codec:10} {exact}/{tried}  otherwise: {dict(wrong)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
