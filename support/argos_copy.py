"""Build real Argos Translate packages whose model copies its input exactly.

A CTranslate2 Transformer with hand-set weights: the encoder adds a learned position table to the
token embeddings and passes them through (every sublayer's output weights are zero); in the first
decoder layer, cross-attention matches the decoder step's position features against the source's
so that step t attends to source token t (t - 1 after a target prefix), and carries that token's
embedding to the output projection, which is the embedding matrix itself. The copy ends on the
</s> that `add_source_eos` appends. The same weights work in float32 and int8.

Position features are sinusoids of K frequencies, stored twice with opposite signs so that layer
norm sees a zero mean and a constant scale at every position.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LOGIT_MARGIN = 30.0  # attention logit gap between the right source position and any other
EMBEDDING_NORM = 8.0


@dataclass(frozen=True)
class ModelSize:
    layers: tuple[int, int] = (2, 2)
    d_model: int = 128
    heads: int = 2
    ffn: int = 256
    frequencies: int = 8
    max_positions: int = 600


TEST_SIZE = ModelSize()
# The size of a real Argos model (Transformer base): for the benchmark.
BASE_SIZE = ModelSize(layers=(6, 6), d_model=512, heads=8, ffn=2048, frequencies=16)


def train_sentencepiece(
    lines: list[str], model_path: Path, vocab_size: int, symbols: tuple[str, ...] = ()
) -> Path:
    """Train a unigram SentencePiece model on lines of text, as Argos packages ship one."""
    import sentencepiece

    proto = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=proto,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        user_defined_symbols=list(symbols),
        num_threads=min(4, os.cpu_count() or 1),
        minloglevel=2,
    )
    model_path.write_bytes(proto.getvalue())
    return model_path


def vocabulary(sentencepiece_model: Path) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_file=str(sentencepiece_model))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _frequencies(
    count: int, max_positions: int, rng: np.random.Generator
) -> tuple[np.ndarray, float]:
    """Frequencies whose summed cosines peak sharply at distance 0 and stay low elsewhere."""
    distances = np.arange(1, max_positions + 1)[:, None]
    best: tuple[float, np.ndarray] | None = None
    for _ in range(20):
        candidate = np.sort(rng.uniform(0.05, np.pi - 0.05, count))
        sidelobe = float(np.cos(distances * candidate).sum(axis=1).max())
        if best is None or sidelobe < best[0]:
            best = (sidelobe, candidate)
    assert best is not None
    return best[1], best[0]


def build_copy_model(
    directory: Path,
    tokens: list[str],
    size: ModelSize = TEST_SIZE,
    prefix_tokens: int = 0,
    seed: int = 0,
    quantization: str | None = None,
) -> Path:
    """Save a CTranslate2 model that copies its input (after `prefix_tokens` forced tokens).

    The sublayers that must stay silent have random input weights and zero output weights: the
    same work as in a trained model, and an archive that compresses like one. `quantization`
    ("int8", as real Argos packages ship) is applied when saving.
    """
    from ctranslate2.specs import TransformerSpec

    d, heads, k = size.d_model, size.heads, size.frequencies
    head_dim, features = d // heads, 2 * k
    content = d - 2 * features  # dimensions [0, content) carry tokens, the rest positions
    if features > head_dim or content < 16:
        raise ValueError(f"{size}: too few dimensions for {k} position frequencies")
    rng = np.random.default_rng(seed)
    omega, sidelobe = _frequencies(k, size.max_positions, rng)

    def f32(shape: tuple[int, ...]) -> np.ndarray:
        return np.zeros(shape, np.float32)

    def noise(shape: tuple[int, ...]) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    def positions(offset: int) -> np.ndarray:
        steps = (np.arange(size.max_positions) - offset)[:, None]
        waves = np.concatenate([np.sin(steps * omega), np.cos(steps * omega)], axis=1)
        table = f32((size.max_positions, d))
        table[:, content : content + features] = waves
        table[:, content + features :] = -waves
        return table

    vectors = rng.standard_normal((len(tokens), content))
    vectors *= EMBEDDING_NORM / np.linalg.norm(vectors, axis=1, keepdims=True)
    embeddings = f32((len(tokens), d))
    embeddings[:, :content] = vectors

    # replace_unknowns reads the attention of the alignment layer: the copying one.
    spec = TransformerSpec.from_config(size.layers, heads, no_final_norm=True, alignment_layer=0)
    spec.config.add_source_eos = True
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = decoder.scale_embeddings = False
    encoder.embeddings[0].weight = embeddings
    encoder.position_encodings.encodings = positions(0)
    decoder.embeddings.weight = f32((len(tokens), d))
    decoder.position_encodings.encodings = positions(prefix_tokens)
    decoder.projection.weight = embeddings.copy()
    decoder.projection.bias = f32((len(tokens),))

    def norm(layer_norm) -> None:  # type: ignore[no-untyped-def]
        layer_norm.gamma, layer_norm.beta = np.ones(d, np.float32), f32((d,))

    def silent_ffn(ffn) -> None:  # type: ignore[no-untyped-def]
        norm(ffn.layer_norm)
        ffn.linear_0.weight, ffn.linear_0.bias = noise((size.ffn, d)), f32((size.ffn,))
        ffn.linear_1.weight, ffn.linear_1.bias = f32((d, size.ffn)), f32((d,))

    def silent_self_attention(attention) -> None:  # type: ignore[no-untyped-def]
        norm(attention.layer_norm)
        attention.linear[0].weight, attention.linear[0].bias = noise((3 * d, d)), f32((3 * d,))
        attention.linear[1].weight, attention.linear[1].bias = f32((d, d)), f32((d,))

    for layer in encoder.layer:
        silent_self_attention(layer.self_attention)
        silent_ffn(layer.ffn)
    # Layer norm divides the decoder input (position features only) by sqrt(2K/d); queries are
    # divided by sqrt(head_dim). Scale the query so the logit gap reaches LOGIT_MARGIN.
    query_scale = LOGIT_MARGIN / (k - sidelobe) * np.sqrt(2 * k / d) * np.sqrt(head_dim)
    for number, layer in enumerate(decoder.layer):
        silent_self_attention(layer.self_attention)
        silent_ffn(layer.ffn)
        cross = layer.attention
        norm(cross.layer_norm)
        query, key_value, out = noise((d, d)), noise((2 * d, d)), f32((d, d))
        if number == 0:
            query, key_value = f32((d, d)), f32((2 * d, d))
            for head in range(heads):
                rows = slice(head * head_dim, head * head_dim + features)
                columns = slice(content, content + features)
                query[rows, columns] = query_scale * np.eye(features)
                key_value[rows, columns] = np.eye(features)
            key_value[d : d + content, :content] = np.eye(content)
            out[:content, :content] = np.eye(content)
        cross.linear[0].weight, cross.linear[0].bias = query, f32((d,))
        cross.linear[1].weight, cross.linear[1].bias = key_value, f32((2 * d,))
        cross.linear[2].weight, cross.linear[2].bias = out, f32((d,))

    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization=quantization)
    directory.mkdir(parents=True, exist_ok=True)
    spec.save(str(directory))
    return directory


@dataclass(frozen=True)
class PackageSpec:
    source: str
    target: str
    target_prefix: str = ""
    version: str = "1.0"


def build_package(
    archive: Path,
    sentencepiece_model: Path,
    package: PackageSpec,
    size: ModelSize = TEST_SIZE,
    work: Path | None = None,
    quantization: str | None = None,
) -> Path:
    """Write an .argosmodel zip: <name>/metadata.json, model/, sentencepiece.model, README.md."""
    work = work or archive.parent / f"{archive.stem}-build"
    name = f"translate-{package.source}_{package.target}-{package.version.replace('.', '_')}"
    model = build_copy_model(
        work / "model",
        vocabulary(sentencepiece_model),
        size,
        prefix_tokens=1 if package.target_prefix else 0,
        seed=zlib.crc32(f"{package.source}-{package.target}".encode()),
        quantization=quantization,
    )
    metadata = {
        "package_version": package.version,
        "argos_version": "1.9",
        "from_code": package.source,
        "from_name": package.source,
        "to_code": package.target,
        "to_name": package.target,
        "links": [],
    }
    if package.target_prefix:
        metadata["target_prefix"] = package.target_prefix
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{name}/", "")
        zf.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
        zf.writestr(
            f"{name}/README.md", f"Copy model {package.source}→{package.target}, for tests.\n"
        )
        zf.write(sentencepiece_model, f"{name}/sentencepiece.model")
        zf.writestr(f"{name}/model/", "")
        for file in sorted(model.iterdir()):
            zf.write(file, f"{name}/model/{file.name}")
    return archive


# ---------------------------------------------------------------- the packages the tests use

ROOT = Path(__file__).resolve().parent.parent
FRENCH_TEXTS = (ROOT / "examples" / "release-fr.txt", ROOT / "tests" / "data" / "french.txt")
# No underscore: argostranslate turns every "_" of its output into a space, prefixes included.
GERMAN_PREFIX = "<2de>"
UNREACHABLE_INDEX = "http://127.0.0.1:9/"  # the discard port: refused at once, as offline


def build_test_packages(folder: Path) -> dict[str, Path]:
    """fr→en, and en→de with a target prefix, sharing one SentencePiece model: their archives."""
    lines = [
        line
        for text in FRENCH_TEXTS
        for line in text.read_text("utf-8").splitlines()
        if line.strip()
    ]
    model = train_sentencepiece(lines, folder / "sentencepiece.model", 400, (GERMAN_PREFIX,))
    return {
        "fr-en": build_package(folder / "fr_en.argosmodel", model, PackageSpec("fr", "en")),
        "en-de": build_package(
            folder / "en_de.argosmodel", model, PackageSpec("en", "de", GERMAN_PREFIX)
        ),
    }


def argos_environment(home: Path) -> dict[str, str]:
    """Variables that point argostranslate and toolkit at a package folder of their own, offline."""
    env = {
        "ARGOS_PACKAGES_DIR": str(home / "packages"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGE_INDEX": UNREACHABLE_INDEX,
    }
    for name in ("data", "config", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    return env


# argostranslate's default sentence splitter (MiniSBD) downloads its model on first use, which
# cannot happen offline: scripts run against argostranslate start with this, which gives it the
# project's splitter through the sentencizer attribute it reads (and so the same sentences).
ARGOSTRANSLATE_WITH_PROJECT_SPLITTER = """
import json, sys, time
from argostranslate import translate
from toolkit.text.document import split_sentences


class Sentencizer:
    def split_sentences(self, text):
        return [span.text for span in split_sentences(text)]


for language in translate.get_installed_languages():
    for translation in language.translations_from:
        if hasattr(translation, "underlying"):
            translation.underlying.sentencizer = Sentencizer()
"""
