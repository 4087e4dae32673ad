"""The learned internal-work scorer of benchmarks/ (an experiment, not part of the lint).

It is kept so that a new blind set can be measured with it before anyone reads the set
(`--measure`): these tests check that word families link a word's forms, that the fit is
deterministic and learns each side's words, and that a written model loads and scores a
labelled file of the corpus format beside the rules.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import learned_scorer
from benchmarks.learned_internal import Item, fit, load_items, measure, score, write


def _item(text: str, internal: bool, voice: str = "no-subject") -> Item:
    feats = learned_scorer.features(text, "en", False, voice, 0, False, (0, 0))
    return Item("made-up", "en", "made-up", text, internal, False, tuple(sorted(feats.items())))


def test_word_families_share_a_feature_across_forms() -> None:
    noun = learned_scorer.features("Verification of documents", "en", False, "no-subject", 0,
                                   False, (0, 0))  # fmt: skip
    verb = learned_scorer.features("Verified documents", "en", False, "no-subject", 0,
                                   False, (0, 0))  # fmt: skip
    assert "l:verify" in noun and "l:verify" in verb
    assert "w:verification" in noun and "w:verification" not in verb


def test_the_fit_is_deterministic_and_learns_the_words_of_each_side() -> None:
    office = ["Reconcile supplier invoices", "Reconcile the ledger", "Update the ledger",
              "Archive supplier invoices", "Archive the ledger entries"]  # fmt: skip
    customer = ["I open the parcel", "I pay at the till", "I open my account",
                "I read the email", "I pay online"]  # fmt: skip
    items = [_item(t, True) for t in office] + [_item(t, False, "first") for t in customer]
    first, second = fit(items), fit(items)
    assert first == second
    new_office, new_customer = (
        _item("Reconcile the invoices", True),
        _item("I open it", False, "first"),
    )
    office_p, customer_p = score(first, [new_office, new_customer])
    assert office_p > 0.5 > customer_p


def test_a_written_model_loads_and_measure_reads_a_labelled_file(tmp_path: Path) -> None:
    # An invented verb: the rules know no sign in it, the model fitted here learns it.
    office = ["Frobnicate supplier invoices", "Frobnicate the ledger", "Frobnicates entries"]
    customer = ["I order a sofa", "I pay at the till", "I read the email"]
    items = [_item(t, True) for t in office] + [_item(t, False, "first") for t in customer]
    weights, bias = fit(items)
    model = {"bias": bias, "threshold": {"en": 0.5, "fr": 0.5}, "weights": weights}
    write(model, tmp_path / "model.json")
    assert learned_scorer.model(tmp_path / "model.json")["threshold"] == {"en": 0.5, "fr": 0.5}
    labelled = tmp_path / "blind-en.yaml"
    labelled.write_text(
        "lang: en\nsources:\n  a: https://example.com/a\nitems:\n"
        '  - {src: a, voice: first, internal: false, text: "I order a sofa"}\n'
        '  - {src: a, voice: none, internal: true, text: "Frobnicate the gizmos"}\n',
        encoding="utf-8",
    )
    rows = measure(load_items([labelled]), model)
    cells = [cell.strip() for cell in rows[-1].split("|")]
    # set, language, internal texts; (a) the rules miss it, (c) rules OR model finds it.
    assert cells[1:4] == ["blind-en", "en", "1"]
    assert cells[4] == "1.000 / 0.000" and cells[6] == "1.000 / 1.000", rows[-1]
