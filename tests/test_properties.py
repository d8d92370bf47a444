"""Property-based tests of the whole translation path on a real engine that copies its input.

The argos test package (a real CTranslate2 model built by the tests) translates by copying, so it is
an identity path through every stage: segmenting, protecting names, batching, the engine, restoring.
Whatever the text around the names, the paragraphs and every glossary name must come through.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.glossary.active import default
from toolkit.text.document import segment
from toolkit.translation.translate import translate_documents

EXAMPLES = 300
NAMES = ["Artsakh", "ARTSAKH", "Stepanakert", "STEPANAKERT", "Lachin", "lachin"]
WORDS = [
    "le",
    "ministre",
    "a",
    "déclaré",
    "que",
    "la",
    "république",
    "du",
    "9",
    "novembre",
    "2020",
    "corridor",
    "blocus",
    "ARTSAKHPRESS",
    "Artsakhiotes",
    "à",
    "été",
    "ça",
    "—",
    "(",
    ")",
    "«",
    "»",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "’",
    "'",
    "-",
    "1 000",
    "Ghazaryan",
]
PREFIXES = ["", "", "l’", "d’", "qu’", "l'", "d'", "(", "« ", '"']


@st.composite
def release_like_text(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        tokens = draw(
            st.lists(
                st.one_of(
                    st.sampled_from(WORDS),
                    st.tuples(st.sampled_from(PREFIXES), st.sampled_from(NAMES)).map("".join),
                ),
                min_size=1,
                max_size=25,
            )
        )
        paragraphs.append(" ".join(tokens))
    separators = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\t\n  "])
    text = paragraphs[0]
    for paragraph in paragraphs[1:]:
        text += draw(separators) + paragraph
    return draw(st.sampled_from(["", " ", "\n"])) + text + draw(st.sampled_from(["", "\n", "\n\n"]))


def name_counts(text: str) -> dict[str, int]:
    return {
        term: len(re.findall(rf"(?<!\w){term}(?!\w)", text, re.IGNORECASE))
        for term in ("Artsakh", "Stepanakert", "Lachin")
    }


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=release_like_text())
def test_identity_path_keeps_paragraphs_and_every_name(copy_engine, text: str) -> None:
    engine, route = copy_engine
    document = segment(text)
    translation = translate_documents(
        [("t", document)], engine, route, default(), target_typography=False
    )
    [result] = translation.documents
    # The model copies, and every name is already in its English glossary form: what comes out
    # is exactly what went in, spacing, case and paragraphs included (English typography aside).
    assert result.text == text
    assert translation.missing_terms == 0
