"""The argos engine on real packages built by the tests, whose model copies its input."""

from __future__ import annotations

import json

import pytest

from support.argos_copy import FRENCH_TEXTS, GERMAN_PREFIX, argos_environment
from tests.conftest import RELEASE, run_toolkit

SENTENCES = FRENCH_TEXTS[1]


def translate(env: dict[str, str], *args: str, input: str | None = None):
    """The copy model through the command line; French typography kept, so that copies are exact."""
    return run_toolkit(
        "translate", "--engine", "argos", "--keep-typography", *args, input=input, env=env
    )


def test_release_comes_back_exactly(argos_env, release_text):
    result = translate(argos_env, "-f", "fr", "-t", "en", str(RELEASE))
    assert result.returncode == 0, result.stderr
    assert result.stdout == release_text.rstrip("\n") + "\n"
    assert "argos fr→en (translate-fr_en-1_0)" in result.stderr


def test_sentences_come_back_exactly(argos_env):
    text = SENTENCES.read_text("utf-8")
    result = translate(argos_env, "-f", "fr", "-t", "en", input=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == text


def test_pivot_through_english_with_target_prefix(argos_env, release_text):
    result = translate(argos_env, "-f", "fr", "-t", "de", "--format", "json", str(RELEASE))
    assert result.returncode == 0, result.stderr
    [translation] = json.loads(result.stdout)["translations"]
    assert translation["route"]["languages"] == ["fr", "en", "de"]
    assert translation["route"]["models"] == ["translate-fr_en-1_0", "translate-en_de-1_0"]
    assert translation["documents"][0]["text"] == release_text
    assert GERMAN_PREFIX not in result.stdout


def test_target_prefix_is_given_and_removed(argos_env):
    # The en→de model starts copying only after the prefix: without it the first word is lost.
    result = translate(argos_env, "-f", "en", "-t", "de", input="Stepanakert, le 25 mai.\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Stepanakert, le 25 mai.\n"


def test_layout_and_odd_characters_survive(argos_env):
    text = (
        "  Le 24 mai,\tle ministre a dit : « Ω et 😀 ne sont pas dans le vocabulaire ».  \n"
        "Une ligne_avec_soulignés.\n\n\n"
        "Deuxième paragraphe. Il a deux phrases !\n\n"
        "Troisième.\n"
    )
    result = translate(argos_env, "-f", "fr", "-t", "en", input=text)
    assert result.returncode == 0, result.stderr
    # SentencePiece's normalisation turns the tab into a space; everything else comes back.
    assert result.stdout == text.replace("\t", " ")
    assert "unknown" in result.stderr and "0.0% unknown" not in result.stderr


def test_long_sentences_are_translated_whole(argos_env, release_text):
    words = release_text.replace(".", "").replace(",", "").split()
    no_punctuation = " ".join(words * 3)  # over a thousand words in one sentence
    no_spaces = "Artsakh" * 400  # no word boundary at all: cut anywhere, joined without space
    text = f"{no_punctuation}\n\n{no_spaces}\n"
    result = translate(argos_env, "-f", "fr", "-t", "en", input=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == text


def test_several_files_in_one_run(argos_env, tmp_path, release_text):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(release_text, "utf-8")
    second.write_text(SENTENCES.read_text("utf-8"), "utf-8")
    out = tmp_path / "out"
    result = translate(
        argos_env, "-f", "fr", "-t", "en,de", "-o", f"{out}/", str(first), str(second)
    )
    assert result.returncode == 0, result.stderr
    for target in ("en", "de"):
        assert (out / f"a.{target}.txt").read_text("utf-8").rstrip("\n") == release_text.rstrip(
            "\n"
        )
        assert (out / f"b.{target}.txt").read_text("utf-8") == second.read_text("utf-8")


def test_empty_input(argos_env):
    result = translate(argos_env, "-f", "fr", "-t", "en", input="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_engine_options(argos_env):
    result = translate(
        argos_env,
        *("-f", "fr", "-t", "en", "--device", "cpu", "--threads", "1", "--beam-size", "1"),
        input="Le corridor de Lachin.\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Le corridor de Lachin.\n"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (("--device", "tpu"), "unknown device 'tpu'; choose auto, cpu, cuda"),
        (("--beam-size", "0"), "--beam-size must be 1 (greedy) or more"),
        (("--threads", "-1"), "--threads must be 0 (every core) or more"),
    ],
)
def test_bad_engine_options(argos_env, option, message):
    result = translate(argos_env, "-t", "en", *option, input="Bonjour.\n")
    assert result.returncode == 2
    assert result.stderr == f"toolkit: error: {message}\n"


def test_cuda_without_a_gpu_is_a_clear_error(argos_env):
    import ctranslate2

    if ctranslate2.get_cuda_device_count():
        pytest.skip("a CUDA device is present")
    result = translate(argos_env, "-t", "en", "--device", "cuda", input="Bonjour.\n")
    assert result.returncode == 1
    assert result.stderr == (
        "toolkit: error: --device cuda: CTranslate2 finds no CUDA device here; use --device cpu\n"
    )


def test_auto_prefers_argos_and_falls_back_to_apertium(argos_env):
    neural = run_toolkit("translate", "-t", "en", input="Le corridor.\n", env=argos_env)
    assert neural.returncode == 0, neural.stderr
    assert "via argos fr→en" in neural.stderr
    rule_based = run_toolkit("translate", "-t", "es", input="Le corridor.\n", env=argos_env)
    assert rule_based.returncode == 0, rule_based.stderr
    assert "via apertium fr→ca→es " in rule_based.stderr  # the best measured Apertium route


def test_engines_lists_argos_routes(argos_env):
    result = run_toolkit("engines", "--json", env=argos_env)
    assert result.returncode == 0, result.stderr
    argos = next(e for e in json.loads(result.stdout)["engines"] if e["engine"] == "argos")
    assert argos["available"]
    assert argos["routes"]["en"] == ["argos fr→en (translate-fr_en-1_0)"]
    assert argos["routes"]["de"] == ["argos fr→en→de (translate-fr_en-1_0, translate-en_de-1_0)"]


def test_without_packages_the_error_says_how_to_install(tmp_path):
    env = argos_environment(tmp_path)
    result = translate(env, "-t", "en", input="Bonjour.\n")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no Argos Translate package is installed" in result.stderr
    assert "toolkit models install" in result.stderr


def test_line_breaks_are_kept_unless_prose_was_wrapped(argos_env):
    names = "Stepanakert\nLachin\nArtsakh"
    wrapped = (
        "Le ministre des affaires étrangères de la République a envoyé\n"
        "des lettres officielles aux chefs des missions diplomatiques."
    )
    result = translate(argos_env, "-f", "fr", "-t", "en", input=f"{names}\n\n{wrapped}\n")
    assert result.returncode == 0, result.stderr
    # The list keeps its lines; the wrapped sentence is translated whole, on one line.
    assert result.stdout == f"{names}\n\n{wrapped.replace(chr(10), ' ')}\n"


def test_unknown_words_are_words_of_the_source(argos_env):
    # Four pieces outside the vocabulary in one word (SentencePiece keeps the letters between
    # them apart): one unknown word of two, where four unknown pieces made it 200%.
    result = translate(
        argos_env, "-f", "fr", "-t", "en", "--format", "json", input="😀a😀b😀c😀 dit."
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)["translations"][0]
    assert (data["unknown_words"], data["words"]) == (1, 2)
