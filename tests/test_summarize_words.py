"""The offline tokenizer that replaces NLTK's punkt for sumy, and the choice of sentences."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import RELEASE
from toolkit.errors import UsageError
from toolkit.summary import select
from toolkit.summary.language_tools import OfflineTokenizer, load_language, words


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Le corridor de Lachin, en Artsakh.",
            "fr",
            ["Le", "corridor", "de", "Lachin", "en", "Artsakh"],
        ),
        ("l’Artsakh et d'Arménie", "fr", ["l", "Artsakh", "et", "d", "Arménie"]),
        ("le Haut-Karabakh", "fr", ["le", "Haut-Karabakh"]),
        ("le 9 novembre 2020, à 14 h 30", "fr", ["le", "novembre", "à", "h"]),
        ("Don't stop O'Brien.", "en", ["Don't", "stop", "O'Brien"]),
        ("COVID-19 cases", "en", ["COVID", "cases"]),
        ("Ստեփանակերտ և Լաչին", "hy", ["Ստեփանակերտ", "և", "Լաչին"]),
        ("— 44 … !", "fr", []),
    ],
)
def test_words(sentence: str, language: str, expected: list[str]) -> None:
    assert words(sentence, language) == expected


def test_terms_drop_stop_words_and_stem() -> None:
    tools = load_language("fr")
    [terms] = tools.terms(["Les ministres de l’Artsakh ont souligné les dangers."])
    assert terms == ["ministr", "artsakh", "ont", "soulign", "danger"]


def test_tokenizer_gives_sumy_sentences_without_nltk_data() -> None:
    tokenizer = OfflineTokenizer("fr")
    assert tokenizer.to_sentences("M. Dupont est là. Il parle.  ") == (
        "M. Dupont est là.",
        "Il parle.",
    )
    assert tokenizer.to_words("Il parle d’Artsakh.") == ("Il", "parle", "d", "Artsakh")


def test_languages_without_resources_get_plain_words() -> None:
    tools = load_language("hy")
    assert tools.stemmer_name == "none"
    assert tools.stop_words == frozenset()
    assert any("no stemmer for Armenian" in note for note in tools.notes)
    assert tools.terms(["Լաչին Լաչին"]) == [["լաչին", "լաչին"]]


def test_languages_written_without_spaces_are_refused() -> None:
    with pytest.raises(UsageError, match="Japanese"):
        load_language("ja")


def test_choice_of_sentences_is_sumys() -> None:
    scores = [0.2, 0.5, 0.2, 0.5, 0.1]
    assert select.best(scores, 2) == [1, 3]
    assert select.best(scores, 3) == [0, 1, 3]  # equal scores: the earlier sentence wins
    assert select.best(scores, 9) == [0, 1, 2, 3, 4]
    assert select.ranks(scores) == [3, 1, 4, 2, 5]


def test_copies_share_the_last_score() -> None:
    assert select.keyed_by_text(["a", "b", "a"], [1.0, 2.0, 3.0]) == [3.0, 2.0, 3.0]


@pytest.mark.parametrize(
    ("total", "count", "ratio", "expected"),
    [
        (9, None, None, 3),
        (2, None, None, 3),
        (9, 5, None, 5),
        (9, None, 0.34, 3),
        (100, None, 0.29, 29),
        (9, None, 0.01, 1),
        (0, None, None, 3),
    ],
)
def test_sentences_requested(total: int, count, ratio, expected: int) -> None:
    # What is asked for, before capping at the text's length (sentences_requested in the JSON).
    assert select.requested(total, count, ratio) == expected


def test_ranking_french_imports_neither_nltk_nor_langdetect_when_told_the_language() -> None:
    script = (
        "import sys; from toolkit.summary.summarize import Options, summarize_text; "
        "text = open(sys.argv[1], encoding='utf-8').read(); "
        "[summarize_text('r', text, Options(algorithm=a, language='fr')) "
        "for a in ('lexrank', 'textrank')]; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'nltk', 'langdetect'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(RELEASE)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
