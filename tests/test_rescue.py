"""Words the chosen route did not know, looked up through other routes at a bounded cost
(toolkit.translation.rescue, toolkit.engines.apertium.lexicon), and words Apertium dropped without
a trace, which --check names by their French word. Real Apertium throughout."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_toolkit
from toolkit.engines import routing
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import Route
from toolkit.translation import rescue

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed"
)


class RecordingEngine(ApertiumEngine):
    """The Apertium engine, each lookup it is asked for recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[Route, tuple[str, ...]]] = []

    def look_up(self, words: list[str], route: Route) -> list[str | None]:
        self.asked.append((route, tuple(words)))
        return super().look_up(words, route)


def _best(engine: ApertiumEngine, target: str) -> Route:
    return routing.routes(engine, "fr", target)[0]


def _running(engine: ApertiumEngine) -> dict[tuple[str, ...], int]:
    """The lt-proc processes the engine's lexicon keeps loaded, by dictionary: their ids."""
    return {argv: p.pid for argv, p in engine._lexicon._loaded._processes.items()}


def test_nothing_is_started_when_no_word_is_unknown() -> None:
    engine = RecordingEngine()
    route = _best(engine, "en")
    sources = ["Le ministre a parlé de la paix."]
    output = engine.translate(sources, route)
    assert not any(output.unknown), output.unknown
    assert rescue.rescued(sources, output, engine, route, [()]) == output
    assert engine.asked == [] and _running(engine) == {}
    engine.close()


def test_names_acronyms_and_words_with_digits_start_no_lookup() -> None:
    """A name (a capital inside a sentence), an acronym or a word with a digit alone starts no
    lookup: each stays a finding as it was written."""
    engine = RecordingEngine()
    route = _best(engine, "es")
    sources = ["Le ministre Kerbravec a rencontré les délégués du ZKVQ au sommet k8s."]
    output = engine.translate(sources, route)
    assert {"Kerbravec", "ZKVQ"} <= set(output.unknown[0]), output.unknown
    rescued = rescue.rescued(sources, output, engine, route, [()])
    assert engine.asked == []
    assert {"Kerbravec", "ZKVQ"} <= set(rescued.unknown[0])
    engine.close()


def test_names_are_looked_up_along_with_other_words() -> None:
    """Alongside a French word to look up, a name is asked too: another route may know it."""
    engine = RecordingEngine()
    route = _best(engine, "es")
    sources = ["Le ministre Kerbravec dénonce les mégabassines."]
    output = engine.translate(sources, route)
    rescue.rescued(sources, output, engine, route, [()])
    asked = {word for _, words in engine.asked for word in words}
    assert {"Kerbravec", "mégabassines"} <= asked, engine.asked
    engine.close()


def test_a_capitalised_word_starting_a_sentence_is_still_looked_up() -> None:
    engine = RecordingEngine()
    route = _best(engine, "es")
    sources = ["Désarmement et blocus. Mégabassines partout."]
    output = engine.translate(sources, route)
    rescue.rescued(sources, output, engine, route, [()])
    asked = {word for _, words in engine.asked for word in words}
    assert "Mégabassines" in asked, engine.asked
    engine.close()


def test_other_routes_are_asked_best_first_at_most_max_routes() -> None:
    engine = RecordingEngine()
    route = _best(engine, "en")
    sources = ["Les militants dénoncent les mégabassines."]
    output = engine.translate(sources, route)
    rescue.rescued(sources, output, engine, route, [()])
    others = [r for r in routing.routes(engine, "fr", "en") if r != route]
    asked = [r for r, words in engine.asked if "mégabassines" in words]
    assert asked == others[: rescue.MAX_ROUTES]
    engine.close()


def test_each_dictionary_is_one_process_kept_loaded_for_the_next_batch() -> None:
    engine = ApertiumEngine()
    route = next(r for r in routing.routes(engine, "fr", "en") if r.languages == ["fr", "ca", "en"])
    assert engine.look_up(["désarmement", "blocus", "mégabassines"], route) == [
        "disarmament",
        "blockade",
        None,
    ]
    first = _running(engine)
    # fra-cat's analyser and bilingual dictionary, cat-eng's bilingual dictionary and generator:
    # between hops the words travel as lexical forms.
    assert len(first) == 4, sorted(first)
    assert engine.look_up(["autodéfense", "aldeano", ""], route)[0] == "self-defence"
    assert _running(engine) == first  # the same processes, not started again
    engine.close()
    assert _running(engine) == {}
    assert engine.look_up(["blocus"], route) == ["blockade"]  # started again after close()
    engine.close()


def test_a_word_apertium_drops_is_a_check_finding_by_its_french_word() -> None:
    """fr-es writes the pronoun `y` alone as its tags (`#\\<prn\\>`), which the stream decoder
    drops: `la valeur y en tête` (a `y` before `en`, which the pronoun may precede) lost its `y`
    without a word of it."""
    text = "Avec la valeur y en tête.\n"
    done = run_toolkit(
        "translate", "-", "--from", "fr", "--to", "en", "--check", "--format", "json", input=text
    )
    assert done.returncode == 0, done.stderr
    [translation] = json.loads(done.stdout)["translations"]
    assert translation["qa"]["lost_words"] == [
        {"document": "<stdin>", "paragraph": 1, "words": ["y"]}
    ], translation["documents"][0]["text"]
    plain = run_toolkit("translate", "-", "--from", "fr", "--to", "en", "--check", input=text)
    assert "¶1: lost without a trace: y" in plain.stderr, plain.stderr
    quiet = run_toolkit("translate", "-", "--from", "fr", "--to", "en", input=text)
    assert "1 word lost (--check lists them)" in quiet.stderr, quiet.stderr


def test_a_paragraph_without_a_loss_has_no_finding() -> None:
    text = "Le drone a survolé le point y, puis il est revenu.\n\nIl y a un blocus.\n"
    done = run_toolkit(
        "translate", "-", "--from", "fr", "--to", "en", "--check", "--format", "json", input=text
    )
    [translation] = json.loads(done.stdout)["translations"]
    assert translation["qa"]["lost_words"] == []


def test_a_word_of_the_target_language_left_as_it_is_is_not_unknown() -> None:
    """An English word of a French text (`le shell`), unknown to every French route, is right as it
    stands in an English translation: not an unknown word there; in Spanish it still is."""
    engine = ApertiumEngine()
    sources = ["Ouvrez le shell puis lancez la commande."]
    found = {}
    for target in ("en", "es"):
        route = _best(engine, target)
        output = engine.translate(sources, route)
        assert "shell" in output.unknown[0], output.unknown
        found[target] = rescue.rescued(sources, output, engine, route, [()])
    assert "shell" in found["en"].paragraphs[0]
    assert "shell" not in found["en"].unknown[0]
    assert found["en"].unknown_words == sum(map(len, found["en"].unknown))
    assert "shell" in found["es"].unknown[0]
    engine.close()


def test_a_word_apertium_cut_at_its_hyphen_is_one_finding_and_its_english_parts_none() -> None:
    """`bullseye-backports`, which Apertium cuts into `bullseye-` and `backports`, is one unknown
    word as the source writes it; `apt-get`, whose parts are English, and `free` are none."""
    engine = ApertiumEngine()
    route = _best(engine, "en")
    sources = ["La branche bullseye-backports et la commande apt-get sont free."]
    output = engine.translate(sources, route)
    found = rescue.rescued(sources, output, engine, route, [()])
    assert found.unknown == (("bullseye-backports",),), found.unknown
    assert "bullseye-backports" in found.paragraphs[0] and "apt-get" in found.paragraphs[0]
    engine.close()


def test_a_french_word_that_is_a_word_of_the_target_is_kept_not_rescued() -> None:
    """`scripts`, unknown to fr→es→en, is an English word: kept, not another route's `hyphens`."""
    engine = ApertiumEngine()
    route = _best(engine, "en")
    sources = ["Les scripts sont exécutés au démarrage."]
    found = rescue.rescued(sources, engine.translate(sources, route), engine, route, [()])
    assert "scripts" in found.paragraphs[0] and "hyphen" not in found.paragraphs[0]
    assert found.unknown == ((),)
    engine.close()


def test_a_verb_of_repetition_is_the_targets_prefix_and_the_verb() -> None:
    """`réinitialiser` and `réinitialisées` are known to no route into English; `initialiser`
    is: re + its translation, in the form of the word."""
    engine = ApertiumEngine()
    route = _best(engine, "en")
    sources = ["Il faut réinitialiser le mot de passe et les valeurs réinitialisées."]
    found = rescue.rescued(sources, engine.translate(sources, route), engine, route, [()])
    assert "reinitialise " in found.paragraphs[0], found.paragraphs
    assert "reinitialised" in found.paragraphs[0], found.paragraphs
    assert found.unknown == ((),)
    engine.close()


def test_a_pivot_word_is_traced_to_a_part_of_a_hyphenated_word_accents_aside() -> None:
    """`reconnectez-vous` becomes the pivot's `reconnectarse`, unknown to the last hop; alone,
    `reconnectez` is `reconnectáis`: traced all the same, and rescued as reconnect."""
    engine = ApertiumEngine()
    route = _best(engine, "en")
    sources = ["Déconnectez le câble et reconnectez-vous."]
    found = rescue.rescued(sources, engine.translate(sources, route), engine, route, [()])
    assert "reconnect" in found.paragraphs[0] and "reconnectarse" not in found.paragraphs[0]
    engine.close()


def test_a_word_that_may_be_a_noun_is_no_verb_of_repetition() -> None:
    """`réattache` may be re + the noun `attache`: not rescued as the noun (`religadura`)."""
    engine = ApertiumEngine()
    route = _best(engine, "es")
    sources = ["Le programme réattache les fenêtres."]
    found = rescue.rescued(sources, engine.translate(sources, route), engine, route, [()])
    assert "religadura" not in found.paragraphs[0], found.paragraphs
    engine.close()


def test_a_french_word_no_route_knows_is_its_english_cognate_when_english_knows_it() -> None:
    """interpréteur and textuels, known to no route, are English's interpreter and textual;
    typographique's typographic, which English's dictionary does not know, stays unknown."""
    engine = ApertiumEngine()
    route = _best(engine, "en")
    sources = ["L'interpréteur lit les fichiers textuels avec une mise en page typographique."]
    found = rescue.rescued(sources, engine.translate(sources, route), engine, route, [()])
    assert "interpreter" in found.paragraphs[0] and "textual" in found.paragraphs[0], found
    assert found.unknown == (("typographique",),)
    engine.close()
