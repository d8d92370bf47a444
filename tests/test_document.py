from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.document import segment, split_sentences


def test_release_paragraphs_join_back_exactly(release_text: str) -> None:
    document = segment(release_text)
    assert len(document.paragraphs) == 6
    assert document.join([p.text for p in document.paragraphs]) == release_text
    for paragraph in document.paragraphs:
        assert release_text[paragraph.start : paragraph.end] == paragraph.text


def test_sentence_offsets_point_into_the_text(release_text: str) -> None:
    document = segment(release_text)
    for paragraph in document.paragraphs:
        for sentence in split_sentences(paragraph.text):
            start = paragraph.start + sentence.start
            assert release_text[start : paragraph.start + sentence.end] == sentence.text


def test_french_abbreviations_and_quotes_do_not_split() -> None:
    cases = {
        "M. Dupont est arrivé. Il a dit « Bonjour. Ça va ? » puis il est parti.": 2,
        "Selon le Dr. Martin, J. Dupont vient. Mme Durand aussi.": 2,
        "Le 9 nov. 2020, l’accord fut signé. La suite.": 2,
        "Voir p. 12 et art. 4. Fin !": 2,
        "Le 9 novembre 2020, la déclaration trilatérale a été signée. L’Artsakh a réagi.": 2,
    }
    for text, count in cases.items():
        sentences = split_sentences(text)
        assert [s.text for s in sentences] and "".join(s.text for s in sentences) == text
        assert len(sentences) == count, [s.text for s in sentences]


def test_blank_input_has_no_paragraphs() -> None:
    for text in ("", "  ", "\n\n\n", " \t\n"):
        document = segment(text)
        assert document.paragraphs == ()
        assert document.join([]) == text


def test_paragraph_breaks_need_a_blank_line() -> None:
    document = segment("Un.\nDeux.\n\n  \nTrois.")
    assert [p.text for p in document.paragraphs] == ["Un.\nDeux.", "Trois."]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("ab .?!\n\t«»’l'9"), max_size=80) | st.text(max_size=60))
def test_any_text_joins_back(text: str) -> None:
    document = segment(text)
    assert document.join([p.text for p in document.paragraphs]) == text
    for paragraph in document.paragraphs:
        assert "".join(s.text for s in split_sentences(paragraph.text)) == paragraph.text


def test_french_abbreviation_rules_apply_to_french_only() -> None:
    assert len(split_sentences("We chose Plan B. Then it worked.", "en")) == 2
    assert len(split_sentences("Signé par J. Dupont. Fin.", "fr")) == 2


def test_an_unbalanced_quote_does_not_swallow_the_next_opening_one() -> None:
    text = (
        'Il est "bête, mais aussi "apprécié" par tous. Le journal le révèle. "Cet épais fichier '
        'est là", dit-il. Il part.'
    )
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        'Il est "bête, mais aussi "apprécié" par tous. ',
        "Le journal le révèle. ",
        '"Cet épais fichier est là", dit-il. ',
        "Il part.",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_balanced_quotes_split_as_before() -> None:
    text = 'Selon le ministère, "cette action vise les examens". "Elle est illégale." Il part.'
    assert [s.text for s in split_sentences(text)] == [
        'Selon le ministère, "cette action vise les examens". ',
        '"Elle est illégale." ',
        "Il part.",
    ]
    quoted = '"Il était torturé. Il a tout obtenu", dit-il. Fin.'
    assert [s.text for s in split_sentences(quoted)] == [
        '"Il était torturé. Il a tout obtenu", dit-il. ',
        "Fin.",
    ]


def test_a_stray_quote_at_the_end_of_a_paragraph_stays() -> None:
    assert [s.text for s in split_sentences('Il part. "')] == ['Il part. "']
