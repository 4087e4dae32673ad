"""How well the language guess reads journeys and texts in Latin letters.

    python benchmarks/lang_guess.py          # both measures
    python benchmarks/lang_guess.py --show   # also every text or journey guessed wrong

1. Texts: each text of tests/data/langs/samples.yaml (the guess was tuned on them) and
   held_out.yaml (written after, not tuned on) alone: the guess right, not sure or
   wrong (the `short` texts are right when not sure), and how many the lint leaves
   alone (`other_language`: none of French, English or `short` should be).
2. Journeys: each Mermaid journey of tests/data/import/wild/ as `journeymap import`
   guesses its `lang`, against the language its texts are in (labelled by hand below;
   journeys of mixed or no language are left out). A language the guess does not know
   (Norwegian, Basque) is right when the comment says it is not sure.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from journeymap.importers.common import guess_lang
from journeymap.importers.mermaid_parse import find_diagrams, parse_diagram
from journeymap.lang_words import guess
from journeymap.lint.sentence.language import other_language

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "langs" / "samples.yaml"
HELD_OUT = ROOT / "tests" / "data" / "langs" / "held_out.yaml"
WILD = ROOT / "tests" / "data" / "import" / "wild"

# The language of each wild journey in Latin letters that is not English (read by hand);
# None: mixed, or identifiers only. Files not named here are English or in another script.
LABELS: dict[str, str | None] = {
    "w03-visitor-paths-zh.md": None,
    "w07-momo-max-de.md": "de",
    "w10-dr-finance-pt.md": "pt",
    "w100-mcp-pt-up-to-ten.md": "pt",
    "w105-vietnamese-blank-every-line.md": None,
    "w107-seo-arrows-as-tasks.md": None,
    "w108-procurement-2space-login.md": None,
    "w111-doador-pt-colon-title.md": "pt",
    "w117-clair-fr-admin.md": "fr",
    "w118-coiffeur-fr-mfa.md": "fr",
    "w119-cidadao-pt-quoted-word.md": "pt",
    "w122-compra-text-then-tilde-pt.md": "pt",
    "w127-azure-in-markdown-fence-es.md": "es",
    "w138-pettertech-no.md": "nb",
    "w150-test-scope-fr-edge-cases.md": "fr",
    "w155-streamlit-div-empty-section.html": None,
    "w156-invitin-id-slashes.md": "id",
    "w157-parcours-achat-py-string.mmd": "fr",
    "w158-parcours-fr-blank-lines-spaces.mmd": "fr",
    "w159-prd-achat-fr.md": "fr",
    "w160-fiap-pt-worker.md": "pt",
    "w161-template-brackets-pt.md": "pt",
    "w170-swapped-actor-and-task.md": None,
    "w186-vi-blank-lines-arrow-task.md": None,
    "w188-vi-quoted-everything.md": "vi",
    "w197-basque-acc-before-title.mmd": "eu",
    "w21-azure-devops-pt.md": "pt",
    "w213-fr-quoted-words-ampersand-sections.md": "fr",
    "w225-de-indented-fences-three-journeys.md": "de",
    "w226-es-feedback-two-actors-apart.md": "es",
    "w229-vi-colons-in-sections-and-tasks-six.md": "vi",
    "w230-fr-front-matter-config-elk.md": "fr",
    "w231-tr-fence-in-numbered-list.md": "tr",
    "w232-ja-template-placeholders.md": None,
    "w233-vi-refund-customer-and-cs.md": "vi",
    "w240-pl-scores-count-steps-to-17.md": "pl",
    "w241-pl-emoji-and-durations-in-tasks.md": "pl",
    "w243-id-trailing-spaces-on-section.md": "id",
    "w245-it-sections-with-minutes.md": "it",
    "w246-id-title-colon-quotes-in-tasks.md": "id",
    "w247-tr-section-named-twice-apart.md": "tr",
    "w30-dutch-no-sections.md": "nl",
    "w31-blockchain-commented-100.md": "pt",
    "w32-front-matter-test-scope-fr.md": "fr",
    "w33-front-matter-test-scope-system.md": "fr",
    "w37-init-ines-fr.md": "fr",
    "w46-tenner-de-colons.md": "de",
    "w47-gym-es-quotes.md": "es",
    "w50-metrics-es-counts.md": None,
    "w81-turkish-list.md": "tr",
    "w84-fr-membre-nospace-actors.md": "fr",
    "w93-wikijs-patient-fr-no-title.md": "fr",
    "w94-reco-fr-spaced-colons.md": "fr",
    "w95-nickoplus-fr-blank-sections.md": "fr",
    "w96-suguba-fr-colon-in-parens.md": "fr",
    "w97-marina-pt-out-of-ten.md": "pt",
    "w98-carreira-pt-quotes-tilde.md": "pt",
    "w99-datametria-pt-emoji-sections.md": "pt",
}


def texts_measure(path: Path, show: bool) -> dict[str, Counter[str]]:
    """Each text alone, per language: right, not sure or wrong; and, for the languages
    the lint does not read, whether it leaves the text alone (`other_language`)."""
    samples: dict[str, list[str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    tallies: dict[str, Counter[str]] = {}
    for lang, texts in samples.items():
        tally = tallies.setdefault(lang, Counter())
        expected = None if lang == "short" else lang
        for text in texts:
            found = guess([text], min_score=TEXT_MIN_SCORE).lang
            outcome = "right" if found == expected else "not sure" if found is None else "wrong"
            tally[outcome] += 1
            tally["left alone by the lint"] += other_language(text)
            if show and outcome != "right":
                print(f"  text {lang:5} -> {found}: {text}")
    return tallies


TEXT_MIN_SCORE = 1.25
"""The points a text alone needs for a sure guess (a journey's texts together need 1.5)."""


def journeys_measure(show: bool) -> Counter[str]:
    """Each wild journey in Latin letters, as the import guesses its `lang`."""
    tally: Counter[str] = Counter()
    for path in sorted(WILD.iterdir()):
        if path.name == "SOURCES.md":
            continue
        expected = LABELS.get(path.name, "en")
        if expected is None:
            continue
        for offset, text in find_diagrams(path.read_text(encoding="utf-8", errors="replace")):
            diagram = parse_diagram(text, offset)
            texts = [t.text for s in diagram.sections for t in s.tasks]
            texts += [diagram.title or "", *(s.name or "" for s in diagram.sections)]
            lang, comment = guess_lang(texts)
            if comment.startswith("guessed from the script"):
                continue
            unsure = "not sure" in comment
            if lang == expected and not unsure:
                outcome = "right"
            elif lang == expected or (unsure and expected not in NAMES_KNOWN):
                outcome = "right, not sure"
            elif unsure:
                outcome = "not sure, wrong lead"
            else:
                outcome = "wrong"
            tally[outcome] += 1
            if show and outcome != "right":
                print(f"  journey {path.name} ({expected}) -> {lang}: {comment}")
    return tally


NAMES_KNOWN = ("fr", "en", "es", "pt", "it", "de", "nl", "ca", "pl", "tr", "id", "vi")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="also each text guessed wrong")
    show = parser.parse_args().show
    for path in (SAMPLES, HELD_OUT):
        print(f"texts alone, {path.relative_to(ROOT)}:")
        total: Counter[str] = Counter()
        for lang, tally in texts_measure(path, show).items():
            total += tally
            print(f"  {lang:6} {_line(tally)}")
        print(f"  {'all':6} {_line(total)}")
    print("journeys, tests/data/import/wild:", _line(journeys_measure(show)))


def _line(tally: Counter[str]) -> str:
    return ", ".join(f"{key} {count}" for key, count in tally.items())


if __name__ == "__main__":
    main()
