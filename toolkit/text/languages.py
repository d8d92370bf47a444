"""Language codes: ISO 639-1 where one exists, with the ISO 639-3 forms engines also use."""

from __future__ import annotations

import re

from toolkit.errors import UsageError

# code -> (English name, ISO 639-3). Languages that Apertium's or Argos's packages reach.
LANGUAGES: dict[str, tuple[str, str]] = {
    "ar": ("Arabic", "ara"),
    "az": ("Azerbaijani", "aze"),
    "be": ("Belarusian", "bel"),
    "bg": ("Bulgarian", "bul"),
    "bn": ("Bengali", "ben"),
    "br": ("Breton", "bre"),
    "ca": ("Catalan", "cat"),
    "cs": ("Czech", "ces"),
    "cy": ("Welsh", "cym"),
    "da": ("Danish", "dan"),
    "de": ("German", "deu"),
    "el": ("Greek", "ell"),
    "en": ("English", "eng"),
    "eo": ("Esperanto", "epo"),
    "es": ("Spanish", "spa"),
    "et": ("Estonian", "est"),
    "eu": ("Basque", "eus"),
    "fa": ("Persian", "fas"),
    "fi": ("Finnish", "fin"),
    "fr": ("French", "fra"),
    "frp": ("Arpitan", "frp"),
    "ga": ("Irish", "gle"),
    "gl": ("Galician", "glg"),
    "he": ("Hebrew", "heb"),
    "hi": ("Hindi", "hin"),
    "hu": ("Hungarian", "hun"),
    "hy": ("Armenian", "hye"),
    "id": ("Indonesian", "ind"),
    "is": ("Icelandic", "isl"),
    "it": ("Italian", "ita"),
    "ja": ("Japanese", "jpn"),
    "ka": ("Georgian", "kat"),
    "kk": ("Kazakh", "kaz"),
    "ko": ("Korean", "kor"),
    "lt": ("Lithuanian", "lit"),
    "lv": ("Latvian", "lav"),
    "mk": ("Macedonian", "mkd"),
    "ms": ("Malay", "msa"),
    "mt": ("Maltese", "mlt"),
    "nb": ("Norwegian Bokmål", "nob"),
    "nl": ("Dutch", "nld"),
    "nn": ("Norwegian Nynorsk", "nno"),
    "oc": ("Occitan", "oci"),
    "pl": ("Polish", "pol"),
    "pt": ("Portuguese", "por"),
    "ro": ("Romanian", "ron"),
    "ru": ("Russian", "rus"),
    "sc": ("Sardinian", "srd"),
    "sk": ("Slovak", "slk"),
    "sl": ("Slovenian", "slv"),
    "sq": ("Albanian", "sqi"),
    "sr": ("Serbian", "srp"),
    "sv": ("Swedish", "swe"),
    "th": ("Thai", "tha"),
    "tl": ("Tagalog", "tgl"),
    "tr": ("Turkish", "tur"),
    "uk": ("Ukrainian", "ukr"),
    "ur": ("Urdu", "urd"),
    "uz": ("Uzbek", "uzb"),
    "vi": ("Vietnamese", "vie"),
    "zh": ("Chinese", "zho"),
    "zt": ("Chinese (traditional)", "zho"),
}
_BY_ISO3 = {iso3: code for code, (_, iso3) in LANGUAGES.items() if code != "zt"}
_BY_ISO3.update({"fre": "fr", "ger": "de", "arm": "hy", "per": "fa", "rum": "ro", "hbs": "sr"})
# Written without spaces between words (or with particles attached to nouns): a word tokenizer of
# their own would be needed, and names are found there without word edges.
UNSPACED = frozenset({"ja", "km", "ko", "lo", "my", "th", "zh", "zt"})
# Articles and pronouns elide before a vowel (l'État, dell'anno): the apostrophe separates two
# words there, while in English it joins one (don't, O'Brien).
ELIDING = frozenset({"ca", "fr", "frp", "it", "oc"})

# The language of the texts toolkit was made for, where none is given.
DEFAULT_SOURCE = "fr"

_CODE = re.compile(r"^[a-z]{2,3}$")
# A language with a region or script, as in BCP 47 and locales: pt-BR, es_ES, zh-Hant.
_REGIONAL = re.compile(r"^([a-z]{2,3})[-_][a-z0-9]{2,8}$")
# Names in the language itself, for the languages a desk is likeliest to type so.
_NATIVE_NAMES = {
    "català": "ca",
    "deutsch": "de",
    "english": "en",
    "español": "es",
    "espanol": "es",
    "castellano": "es",
    "esperanto": "eo",
    "français": "fr",
    "francais": "fr",
    "galego": "gl",
    "italiano": "it",
    "nederlands": "nl",
    "occitan": "oc",
    "polski": "pl",
    "português": "pt",
    "portugues": "pt",
    "русский": "ru",
    "հայերեն": "hy",
    "euskara": "eu",
    "svenska": "sv",
    "türkçe": "tr",
    "українська": "uk",
}
_BY_NAME = {english.lower(): code for code, (english, _) in LANGUAGES.items()} | _NATIVE_NAMES


def normalize(code: str) -> str | None:
    """The project's code for an ISO 639-1 or 639-3 code, or None when it is not a language."""
    code = code.strip().lower()
    if code in LANGUAGES:
        return code
    return _BY_ISO3.get(code)


def parse(code: str, option: str = "language") -> str:
    """A language given by a user: an ISO 639 code, a code with a region (pt-BR is pt), or a
    name in English or in the language itself (Spanish, español); anything else is a usage
    error that names the likeliest language meant."""
    normalized = recognize(code)
    if normalized is None:
        meant = _likeliest(code)
        hint = (
            f"did you mean {meant} ({name(meant)})?"
            if meant
            else "use an ISO 639 code such as fr, es, ca, en, eo"
        )
        raise UsageError(
            f"unknown {option} {code!r}; {hint} (`toolkit engines` lists what is installed)"
        )
    return normalized


def recognize(given: str) -> str | None:
    """The project's code for a code, a regional code or a language name; None if none fits."""
    text = given.strip().lower()
    regional = _REGIONAL.match(text)
    if regional and text not in _BY_NAME:
        text = regional[1]
    if _CODE.match(text):
        return normalize(text)
    return _BY_NAME.get(text)


def _likeliest(given: str) -> str | None:
    from difflib import get_close_matches

    text = given.strip().lower()
    found = get_close_matches(text, list(_BY_NAME), n=1, cutoff=0.75)
    if found:
        return _BY_NAME[found[0]]
    return None


def parse_list(codes: str | list[str], option: str = "language") -> list[str]:
    """Languages given as a comma-separated list, or as several such (a repeated option),
    validated, duplicates removed, order kept."""
    joined = codes if isinstance(codes, str) else ",".join(codes)
    parsed = [parse(c, option) for c in joined.split(",") if c.strip()]
    if not parsed:
        raise UsageError(f"no {option} given")
    return list(dict.fromkeys(parsed))


def name(code: str) -> str:
    return LANGUAGES.get(code, (code, code))[0]


def parse_direction(source: str, targets: str | list[str]) -> tuple[str, list[str]]:
    """--from and --to of a translation: a source language and the targets, which exclude it."""
    parsed_source = parse(source, "source language")
    parsed_targets = parse_list(targets, "target language")
    if parsed_source in parsed_targets:
        raise UsageError(f"--to includes the source language {parsed_source}")
    return parsed_source, parsed_targets


def indefinite_article(code: str) -> str:
    """ "a" or "an" before a language code or pair as it is read, letter by letter or as the
    language: an en-de package, an it-fr one, a fr-en one, a uk-en one."""
    return "an" if code[:1].lower() in ("a", "e", "i", "o") else "a"
