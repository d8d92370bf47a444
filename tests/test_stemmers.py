"""The stemmers give NLTK's stems (those of sumy's stemmers) over large word lists, one per language,
sampled from Debian's word-list, manual-page and Debian Reference packages (tests/data/samples/),
sumy's stop words and the project's own French texts; and, in the languages
where Snowball's stems are mended into NLTK's, over words made to fall in every corner where the
two differ."""

from __future__ import annotations

import lzma
import random
import re
from importlib import resources
from pathlib import Path

import pytest

from tests.imports import imported_packages
from tests.summary_texts import DATA, TEXTS
from toolkit.summary.stemmers import SNOWBALL, SnowballStemmer, nltk_stemmer

_WORD = re.compile(r"[^\W\d_]+")
SAMPLES = Path(__file__).parent / "data" / "samples"
FRENCH_TEXTS = [path for path, language in TEXTS.values() if language == "fr"] + [
    DATA / "orangesum-fr.jsonl",
    Path(__file__).parent / "data" / "french.txt",
]
# Each language's real words (support/test_samples.py samples them from Debian's word lists,
# manual pages and the Debian Reference), with sumy's stop words; French with the project's texts.
LANGUAGES = SNOWBALL - {"arabic"}


def sampled_words(language: str) -> list[str]:
    path = SAMPLES / f"words-{language}.txt.xz"
    return lzma.decompress(path.read_bytes()).decode("utf-8").split()


def stop_words(language: str) -> str:
    path = resources.files("sumy") / "data" / "stopwords" / f"{language}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def words_of(language: str) -> list[str]:
    texts = [stop_words(language)]
    if language == "french":
        texts += [path.read_text(encoding="utf-8") for path in FRENCH_TEXTS]
    found = {word.lower() for text in texts for word in _WORD.findall(text)}
    return sorted(found.union(sampled_words(language)))


def test_every_snowball_language_but_arabic_is_checked() -> None:
    assert {path.name.split(".")[0] for path in SAMPLES.glob("words-*")} == {
        f"words-{language}" for language in LANGUAGES
    }


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_stems_are_nltks(language: str) -> None:
    words = words_of(language)
    assert len(words) > 4_000
    ours, theirs = SnowballStemmer(language), nltk_stemmer(language)
    different = [(w, ours(w), theirs(w)) for w in words if ours(w) != theirs(w)]
    assert different == []


# French suffixes of every step of the algorithm, and endings made of several.
SUFFIXES = (
    "issements issement atrices atrice ateurs ations logies usions utions ements amment emment "
    "ances iques ismes ables istes ateur ation logie usion ution ences ement euses ments ance ique "
    "isme able iste ence ités ives eaux euse ment eux ité ive ifs aux if issaient issantes iraient "
    "issante issants issions irions issais issait issant issent issiez issons irais irait irent "
    "iriez irons iront isses issez îmes îtes irai iras irez isse ies ira ît ie ir is it i eraient "
    "assions erions assent assiez èrent erais erait eriez erons eront aient antes asses ions erai "
    "eras erez âmes âtes ante ants asse ées era iez ais ait ant ée és er ez ât ai as é a ière ion "
    "ier e ë s icatrice icatrices ivement ativement iquement ablement eusement ièrement abilité "
    "icité ivité icatif ication icateur"
).split()
# Letters that change how a French word is read: y, ï, ë, u and i beside vowels, q, accents.
LETTERS = "aeiouyyyyïïëëuuiiqéèêàçüÿsmntrgcl"
BEGINNINGS = ["", "par", "col", "tap", "ai", "eu", "y", "yi", "é", "è", "mom", "com", "qu", "gu"]


def french_corner_words(count: int) -> list[str]:
    """Real words with y, ï, ë or an accented first letter put in, suffixes put after, and made-up
    words of the letters and suffixes where NLTK's port and Snowball part."""
    rng = random.Random(2024)
    real = words_of("french")
    made: set[str] = set()
    for word in rng.sample(real, count // 8):
        i = rng.randrange(len(word))
        made.update(
            [
                "y" + word,
                word + "y",
                word[:i] + "y" + word[i:],
                word[:i] + rng.choice("ïëyüÿ") + word[i + 1 :],
                rng.choice("éèëïy") + word[1:],
                word[: rng.randrange(1, len(word) + 1)] + rng.choice(SUFFIXES),
                word[:3] + "ment" + rng.choice(SUFFIXES),
                word + "guë" + rng.choice(["", "s", "ment", "ments", *SUFFIXES]),
            ]
        )
    while len(made) < 2 * count:
        word = rng.choice(BEGINNINGS)
        word += "".join(rng.choices(LETTERS, k=rng.randint(0, 9)))
        word += "".join(rng.choices(SUFFIXES, k=rng.randint(0, 2)))
        if word:
            made.add(word)
    return sorted(made)


# The other mended languages: the endings where NLTK departs from Snowball, and the letters of
# made-up words (Hungarian's made-up words part elsewhere too, so only real ones are changed).
CORNERS = {
    "spanish": (["acion", "ucion", "aciones", "uciones", "icacion"], "aeiouáéíóúüñyrslntcd"),
    "italian": (["enza", "enze", "ienza", "uenza"], "aeiouàèìòùáéíóúyqrslntcdhg"),
    "portuguese": (
        ["ança", "anças", "ivelmente", "ívelmente", "avelmente", "antemente"],
        "aeiouáéíóúâêôãõçrslntcdgq",
    ),
    # The words where NLTK's regions lag go to NLTK, the others not; quotes are apostrophes.
    "english": (
        [
            "ization",
            "izations",
            "izer",
            "izers",
            "ational",
            "ationally",
            "ationalism",
            "ationality",
            "izational",
            "ationals",
            "izer's",
            "alization",
            "ationalization",
            "'s",
            "\u2019s",
            "\u2019",
            "\u2019t",
        ],
        "aeiouyyrtnslczmpgd",
    ),
    "hungarian": (
        ["ről", "ből", "től", "nő", "ű", "ő", "kő", "őt", "űek", "ők", "rõl", "õt", "ûek"],
        "",
    ),
}


def corner_words(language: str, count: int) -> list[str]:
    """Real words with the language's corner endings after them (and in Hungarian ő or ű put in),
    and made-up words of its letters ending so."""
    if language == "french":
        return french_corner_words(count)
    rng = random.Random(2024)
    endings, letters = CORNERS[language]
    made: set[str] = set()
    for word in rng.sample(words_of(language), min(count // 4, 6_000)):
        made.update(
            [word + rng.choice(endings), word[: rng.randrange(len(word)) + 1] + rng.choice(endings)]
        )
        if language == "hungarian":
            i = rng.randrange(len(word))
            made.add(word[:i] + rng.choice("őű") + word[i + 1 :])
    while letters and len(made) < count:
        made.add("".join(rng.choices(letters, k=rng.randint(0, 8))) + rng.choice(endings))
    return sorted(made)


@pytest.mark.parametrize("language", ["french", *CORNERS])
def test_mended_stems_are_nltks_in_every_corner(language: str) -> None:
    words = corner_words(language, 100_000 if language == "french" else 40_000)
    ours, theirs = SnowballStemmer(language), nltk_stemmer(language)
    different = [(w, ours(w), theirs(w)) for w in words if ours(w) != theirs(w)]
    assert different == []


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("french", "mosaïque"),  # ï after a vowel, read as NLTK reads it
        ("french", "canoë"),  # ë after a vowel
        ("french", "ambiguës"),  # ë dropped after gu
        ("french", "yogi"),  # a first y before a vowel
        ("french", "stégomyie"),  # y, then i between vowels
        ("french", "applicatrice"),  # -icatrice
        ("french", "momentanément"),  # RV starting with -ment
        ("french", "évidemment"),
        ("french", "ès"),  # a first letter é or è
        ("french", "gouvernement"),
        ("spanish", "configuracion"),  # -acion unaccented
        ("spanish", "distribuciones"),
        ("italian", "conoscenza"),  # -enza
        ("italian", "accoglienze"),
        ("portuguese", "esperanças"),  # -ança
        ("portuguese", "invisivelmente"),  # -ivel after -mente
        ("hungarian", "felügyelő"),  # ő
        ("hungarian", "amelyről"),
        ("russian", "fbавторы"),
        ("russian", "следующая"),
        ("english", "organization"),
        ("english", "realization"),  # -ization where NLTK's R2 lags
        ("english", "international"),
        ("english", "company\u2019s"),  # a quote read as an apostrophe
        ("english", "news\u2019"),
        ("arabic", "والكتاب"),
    ],
)
def test_words_in_the_corners_are_nltks(language: str, word: str) -> None:
    assert SnowballStemmer(language)(word) == nltk_stemmer(language)(word)


@pytest.mark.parametrize("language", ["french", "spanish", "italian", "portuguese", "hungarian"])
def test_mended_languages_never_import_nltk(language: str) -> None:
    stemmer = SnowballStemmer(language)
    for word in corner_words(language, 2_000):
        stemmer(word)
    assert stemmer._nltk is None


def test_words_are_lower_cased_as_nltk_does() -> None:
    assert SnowballStemmer("french")("GOUVERNEMENTS") == nltk_stemmer("french")("GOUVERNEMENTS")


# Sentences full of the words where NLTK's ports depart from Snowball.
CORNER_TEXTS = {
    "en": "The international organization met. The organizer of the international meeting spoke. "
    "Organizations from the national federation came to the international organization.",
    "fr": "Le yogi a vu la mosaïque du canoë. Vous voyiez simultanément les yeux du yéti. "
    "Les questions ambiguës sont momentanément évidemment laissées à l'applicatrice. "
    "Le yogi et le yéti parlent de la mosaïque.",
    "es": "La configuracion de la distribucion. La informacion de la configuracion es buena. "
    "La distribucion cambia la informacion.",
    "it": "La conoscenza e la competenza contano. La presenza della conoscenza aiuta la scienza. "
    "La competenza nasce dalla presenza.",
    "pt": "A esperança e a segurança. Possivelmente a liderança chega invisivelmente. "
    "A segurança da liderança traz esperança.",
    "hu": "A felügyelő a kőről beszélt. A felügyelőnek tetsző kőből épült ház. "
    "A kőről szóló könyv tetsző volt.",
}


@pytest.mark.parametrize("language", sorted(CORNER_TEXTS))
def test_a_summary_of_these_words_never_imports_nltk(language: str) -> None:
    imported = imported_packages(
        *("summarize", "--text", CORNER_TEXTS[language], "--language", language),
        *("-a", "lexrank", "-n", "1"),
    )
    assert "toolkit" in imported
    assert "nltk" not in imported
