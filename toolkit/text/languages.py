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


def normalize(code: str) -> str | None:
    """The project's code for an ISO 639-1 or 639-3 code, or None when it is not a language."""
    code = code.strip().lower()
    if code in LANGUAGES:
        return code
    return _BY_ISO3.get(code)


def parse(code: str, option: str = "language") -> str:
    """Validate a language code given by a user; unknown codes are a usage error."""
    normalized = normalize(code) if _CODE.match(code.strip().lower()) else None
    if normalized is None:
        raise UsageError(
            f"unknown {option} {code!r}; use an ISO 639 code such as fr, es, ca, en, eo "
            "(`toolkit engines` lists what is installed)"
        )
    return normalized


def parse_list(codes: str, option: str = "language") -> list[str]:
    """A comma-separated list of codes, validated, duplicates removed, order kept."""
    parsed = [parse(c, option) for c in codes.split(",") if c.strip()]
    if not parsed:
        raise UsageError(f"no {option} given")
    return list(dict.fromkeys(parsed))


def name(code: str) -> str:
    return LANGUAGES.get(code, (code, code))[0]


def parse_direction(source: str, targets: str) -> tuple[str, list[str]]:
    """--from and --to of a translation: a source language and the targets, which exclude it."""
    parsed_source = parse(source, "source language")
    parsed_targets = parse_list(targets, "target language")
    if parsed_source in parsed_targets:
        raise UsageError(f"--to includes the source language {parsed_source}")
    return parsed_source, parsed_targets
