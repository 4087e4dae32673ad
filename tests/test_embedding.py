"""The static embedding table of benchmarks/ (semantic features of the learned scorer).

An experiment, not part of the lint (tests/corpus/README.md). These tests check that the
pure-Python WordPiece tokenizer splits as BERT's uncased one does (accents stripped,
punctuation apart, longest known prefix first), that a table file round-trips, and that
a text's features are the unit-length mean of its pieces' vectors.
"""

from __future__ import annotations

import math
from pathlib import Path

from benchmarks import learned_scorer
from benchmarks.embedding import Table, wordpiece, write_table

VOCAB = {"[UNK]", "rap", "##pro", "##chement", "verification", "des", "pieces", "i", "pay", ","}


def test_wordpiece_strips_accents_and_splits_unknown_words_into_known_pieces() -> None:
    assert wordpiece("Rapprochement", VOCAB) == ["rap", "##pro", "##chement"]
    assert wordpiece("Vérification des pièces", VOCAB) == ["verification", "des", "pieces"]
    assert wordpiece("I pay,I", VOCAB) == ["i", "pay", ",", "i"]
    # A word no piece starts is one unknown piece, not a partial split.
    assert wordpiece("Rapzzz", VOCAB) == ["[UNK]"]


def test_a_table_round_trips_and_a_text_is_the_unit_mean_of_its_pieces(tmp_path: Path) -> None:
    pieces = ["[UNK]", "rap", "##pro", "##chement", "i", "pay"]
    rows = [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 0.5],
            [-1.0, 0.0, 0.0], [0.0, -3.0, 0.0]]  # fmt: skip
    write_table(tmp_path / "t.bin", {"source": "made up"}, pieces, rows)
    table = Table(tmp_path / "t.bin")
    pro = table.vector("##pro")
    assert table.dims == 3 and pro is not None and [round(v, 6) for v in pro] == [0.0, 2.0, 0.0]
    mean = table.mean("Rapprochement")
    norm = math.sqrt(1 + 4 + 0.25)
    assert all(
        abs(a - b) < 0.01 for a, b in zip(mean, (1 / norm, 2 / norm, 0.5 / norm), strict=True)
    )
    assert table.mean("zzz") == (0.0, 0.0, 0.0)  # only unknown pieces: no direction
    feats = learned_scorer.semantic(table, "I pay", "en", 2.0)
    assert set(feats) == {"e:en:0", "e:en:1"} and feats["e:en:1"] < -1.8
    assert set(learned_scorer.semantic(table, "I pay", "", 1.0, dims=1)) == {"e:0"}
