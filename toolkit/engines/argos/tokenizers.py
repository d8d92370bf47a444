"""The subword tokenizers of Argos packages: SentencePiece, or BPE with Moses tokenization."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from toolkit.engines.argos.packages import InstalledPackage

_SPACE = "▁"  # SentencePiece's word-start marker
_BPE_JOINER = "@@"


class Tokenizer(Protocol):
    def encode(self, texts: list[str]) -> list[list[str]]:
        """Subword tokens of each text."""

    def decode(self, tokens: list[str]) -> str:
        """The text of one token sequence."""

    def starts_word(self, tokens: list[str], index: int) -> bool:
        """Whether a sequence may be cut before tokens[index] without splitting a word."""

    def unknown(self, tokens: list[str]) -> int:
        """How many words (as `starts_word` cuts them) hold a token the vocabulary does not hold."""


def words(tokenizer: Tokenizer, tokens: list[str]) -> int:
    """How many words a token sequence holds, cut where `unknown` cuts them."""
    return sum(
        1 for index in range(len(tokens)) if index == 0 or tokenizer.starts_word(tokens, index)
    )


class SentencePieceTokenizer:
    def __init__(self, model: Path) -> None:
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model))
        self._unk = self.processor.unk_id()

    def encode(self, texts: list[str]) -> list[list[str]]:
        return self.processor.encode(texts, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        # decode() of piece strings keeps pieces outside the vocabulary as they are, so text that
        # the model copied through (replace_unknowns) comes back intact.
        return self.processor.decode(tokens)

    def starts_word(self, tokens: list[str], index: int) -> bool:
        return tokens[index].startswith(_SPACE)

    def unknown(self, tokens: list[str]) -> int:
        piece_to_id = self.processor.piece_to_id
        unknown_words = set()
        word = 0
        for index, token in enumerate(tokens):
            if index and self.starts_word(tokens, index):
                word += 1
            if piece_to_id(token) == self._unk:
                unknown_words.add(word)
        return len(unknown_words)


class BPETokenizer:
    """Moses tokenization + BPE, as argostranslate does it for bpe.model packages."""

    def __init__(self, model: Path, source: str, target: str) -> None:
        from argostranslate.tokenizer import BPETokenizer as ArgosBPE

        self.argos = ArgosBPE(model, source, target)

    def encode(self, texts: list[str]) -> list[list[str]]:
        return [self.argos.encode(text) for text in texts]

    def decode(self, tokens: list[str]) -> str:
        return self.argos.decode(tokens)

    def starts_word(self, tokens: list[str], index: int) -> bool:
        return index > 0 and not tokens[index - 1].endswith(_BPE_JOINER)

    def unknown(self, tokens: list[str]) -> int:
        # BPE packages carry merge codes, not a vocabulary: any word splits into pieces the model
        # was trained on, down to single characters, so no piece can be told unknown here.
        return 0


def load(package: InstalledPackage) -> Tokenizer:
    if package.tokenizer.name == "bpe.model":
        return BPETokenizer(package.tokenizer, package.source, package.target)
    return SentencePieceTokenizer(package.tokenizer)
