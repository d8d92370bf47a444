"""Glossary files: TOML, CSV/TSV and TBX read right; every bad file refused with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import UsageError
from toolkit.glossary import active as glossaries
from toolkit.glossary.formats import MAX_BYTES, load

TOML_OK = """\
# my names
[glossary]
source = "fr"

[[term]]
name = "Chouchi"
match = ["Chouchi", "Shushi"]
variants = ["Şuşa"]
hy = "Շուշի"
ru = "Шуши"
"""

TBX3 = """\
<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Noms</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="fr-FR"><termSec><term>Chouchi</term></termSec><termSec><term>Shushi</term></termSec></langSec>
      <langSec xml:lang="hy"><termSec><term>Շուշի</term></termSec></langSec>
      <langSec xml:lang="es"><termSec><term>Shushí</term></termSec><termSec><term>Susa</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

TBX2 = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="fr">
  <martifHeader><fileDesc><sourceDesc><p>export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="fr"><tig><term>Martakert</term></tig></langSet>
      <langSet xml:lang="ru"><ntig><termGrp><term>Мартакерт</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

ENTITY_BOMB = """\
<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<tbx><text><body><conceptEntry><langSec xml:lang="fr"><termSec><term>&d;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""

EXTERNAL_ENTITY = """\
<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<tbx><text><body><conceptEntry><langSec xml:lang="fr"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_toml_reads_names_spellings_variants_and_forms(tmp_path: Path) -> None:
    loaded = load(write(tmp_path, "g.toml", TOML_OK))
    (term,) = loaded.terms
    assert (term.name, term.matches, term.variants) == ("Chouchi", ("Chouchi", "Shushi"), ("Şuşa",))
    assert term.form("hy") == "Շուշի" and term.form("es") == "Chouchi"
    assert term.origin.endswith("g.toml:5")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("g.csv", "fr,ru,hy\nChouchi,Шуши,Շուշի\n"),
        ("g.tsv", "fr\tru\thy\nChouchi\tШуши\tՇուշի\n"),
        ("g.csv", "\ufeff# comment\nFR;ru-RU;hye\n\nChouchi;Шуши;Շուշի\n"),
        ("g.csv", 'ru,fr,hy\r\n"Шуши",Chouchi,"Շուշի"\r\n'),
    ],
)
def test_tables_have_one_column_per_language(tmp_path: Path, name: str, text: str) -> None:
    (term,) = load(write(tmp_path, name, text)).terms
    assert term.name == "Chouchi"
    assert dict(term.forms) == {"ru": "Шуши", "hy": "Շուշի"}


def test_an_empty_cell_keeps_the_canonical_form(tmp_path: Path) -> None:
    (term,) = load(write(tmp_path, "g.csv", "fr,en,ru\nChouchi,,Шуши\n")).terms
    assert term.form("en") == "Chouchi" and term.form("ru") == "Шуши"


def test_tbx_v3_and_v2(tmp_path: Path) -> None:
    (term,) = load(write(tmp_path, "g.tbx", TBX3)).terms
    assert term.matches == ("Chouchi", "Shushi")
    assert term.form("hy") == "Շուշի" and term.form("es") == "Shushí"
    assert term.variants == ("Susa",)
    (old,) = load(write(tmp_path, "old.tbx", TBX2)).terms  # its DTD is named, never fetched
    assert (old.name, old.form("ru")) == ("Martakert", "Мартакерт")


def test_later_files_win_and_keep_what_they_do_not_give(tmp_path: Path) -> None:
    mine = write(tmp_path, "mine.csv", "fr,ru,es\nLachin,Лачын,Lachín\nChouchi,Шуши,\n")
    active = glossaries.load_active([str(mine)])
    terms = {t.name: t for t in active.terms}
    assert set(terms) == {"Artsakh", "Stepanakert", "Lachin", "Chouchi"}
    assert terms["Lachin"].form("ru") == "Лачын" and terms["Lachin"].form("es") == "Lachín"
    assert terms["Lachin"].form("hy") == "Լաչին"  # kept from the default glossary
    again = glossaries.load_active(
        [str(mine), str(write(tmp_path, "b.csv", "fr,ru\nLachin,Лачин\n"))]
    )
    assert {t.name: t for t in again.terms}["Lachin"].form("ru") == "Лачин"
    alone = glossaries.load_active([str(mine)], use_default=False)
    assert [t.name for t in alone.terms] == ["Lachin", "Chouchi"]


BAD = [
    ("g.toml", 'name = "x"\n[[term]\n', "g.toml:2: malformed TOML"),
    ("g.toml", '[[term]]\nname = ""\n', "g.toml:1: empty term"),
    ("g.toml", '[[term]]\nname = "  "\nru = "Шуши"\n', "g.toml:1: empty term"),
    (
        "g.toml",
        '[[term]]\nname = "A"\n\n[[term]]\nname = "B"\nmatch = ["a"]\n',
        "g.toml:4: duplicate term 'a' (also on line 1)",
    ),
    ("g.toml", '[[term]]\nname = "A"\nxx = "B"\n', "g.toml:3: unknown language code 'xx'"),
    ("g.toml", '[[term]]\nname = "A"\nrussian = "B"\n', "g.toml:3: unknown key 'russian'"),
    ("g.toml", '[[term]]\nname = "A"\nru = ""\n', "g.toml:1: empty ru form"),
    ("g.toml", '[[term]]\nname = "A"\nru = 3\n', "g.toml:3: `ru` must be a string"),
    ("g.toml", '[[term]]\nmatch = ["A"]\n', "g.toml:1: this term has no `name`"),
    ("g.toml", '[glossary]\nsource = "zz"\n', "g.toml:2: unknown language code 'zz'"),
    ("g.toml", '[terms]\nname = "A"\n', "g.toml:1: unknown section 'terms'"),
    (
        "g.toml",
        '[[term]]\nname = "A"\narticle = { es = "lo" }\n',
        'g.toml:3: unknown es article \'lo\'; use "el", "la" or "" for none',
    ),
    (
        "g.toml",
        '[[term]]\nname = "A"\narticle = { ru = "" }\n',
        "g.toml:3: no article rules for 'ru'; `article` knows ca, en, es, it, pt",
    ),
    ("g.toml", '[[term]]\nname = "A"\narticle = "el"\n', "g.toml:3: `article` must be a table"),
    (
        "g.toml",
        '[glossary]\nsource = "fr"\nprotect = ["REF-(\\\\d"]\n',
        "g.toml:3: invalid regular expression",
    ),
    ("g.toml", "[glossary]\nprotect = [3]\n", "g.toml:2: `protect` must be a list"),
    ("g.csv", "fr,zz\nA,B\n", "g.csv:1: unknown language code 'zz' in the header"),
    ("g.csv", "fr,ru,fra\nA,B,C\n", "g.csv:1: language fr has two columns"),
    ("g.csv", "fr,ru\nA,B\n,C\n", "g.csv:3: empty term in the fr column"),
    ("g.csv", "fr,ru\nA,B\n# note\na,C\n", "g.csv:4: duplicate term 'a' (also on line 2)"),
    ("g.csv", "fr,ru\nA,B,C\n", "g.csv:2: 3 cells for 2 languages"),
    ("g.csv", 'fr,ru\nA,"B\n', "g.csv:2: malformed comma-separated table"),
    ("g.csv", "", "g.csv:1: empty glossary"),
    ("g.tsv", "fr\tru\nA\tB\n\nB\t\nA\tC\n", "g.tsv:5: duplicate term 'a' (also on line 2)"),
    ("g.csv", b"fr,ru\nA,\xff\n", "g.csv:2: invalid UTF-8 at byte offset 8"),
    ("g.csv", b"fr,ru\nA,B\x00\n", "g.csv:2: binary data"),
    ("g.tbx", ENTITY_BOMB, "g.tbx:3: refused: the file declares the entity 'a'"),
    ("g.tbx", EXTERNAL_ENTITY, "g.tbx:2: refused: the file declares the entity 'secret'"),
    (
        "g.tbx",
        "<tbx><text><body>\n<conceptEntry>\n</body></text></tbx>\n",
        "g.tbx:3: malformed TBX: mismatched tag",
    ),
    ("g.tbx", "<html/>\n", "g.tbx:1: not a TBX file"),
    ("g.tbx", "", "g.tbx:1: malformed TBX"),
    (
        "g.tbx",
        '<tbx><text><body>\n<conceptEntry>\n<langSec xml:lang="qq"><termSec><term>A</term></termSec></langSec></conceptEntry></body></text></tbx>',
        "g.tbx:3: unknown language code 'qq'",
    ),
    (
        "g.tbx",
        '<tbx><text><body>\n<conceptEntry>\n<langSec xml:lang="ru"><termSec><term>A</term></termSec></langSec></conceptEntry></body></text></tbx>',
        "g.tbx:2: concept entry without a fr term",
    ),
    (
        "g.tbx",
        '<tbx><text><body>\n<conceptEntry>\n<langSec xml:lang="fr"><termSec><term> </term></termSec></langSec></conceptEntry></body></text></tbx>',
        "g.tbx:3: empty <term>",
    ),
    ("g.docx", "x", "unknown glossary format '.docx'"),
    # A tab or a line end in a name broke the TSV of `glossary show`; an escape reached terminals.
    ("g.csv", 'fr,en\nA,B\n"C\tD",E\n', "g.csv:3: 'C\\tD' holds the control character U+0009"),
    ("g.csv", 'fr,en\n"A\nB",C\n', "g.csv:3: 'A\\nB' holds the control character U+000A"),
    (
        "g.toml",
        '[[term]]\nname = "A"\nen = "B\\u001b[31m"\n',
        "g.toml:1: 'B\\x1b[31m' holds the control character U+001B; a name is one line of text",
    ),
    (
        "g.tbx",
        '<?xml version="1.0" encoding="klingon"?>\n<tbx/>\n',
        "g.tbx:1: unknown encoding: klingon; save the glossary as UTF-8",
    ),
    # Nesting that Python's TOML reader follows until its stack runs out; encodings that the XML
    # reader names but cannot read.
    (
        "g.toml",
        '[[term]]\nname = "A"\nx = ' + "[" * 100_000 + "]" * 100_000 + "\n",
        "g.toml:3: malformed TOML: values nested too deeply",
    ),
    (
        "g.toml",
        '[[term]]\nname = "A"\n\nx = ' + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n",
        "g.toml:4: malformed TOML: values nested too deeply",
    ),
    (
        "g.tbx",
        '<?xml version="1.0" encoding="Shift_JIS"?>\n<tbx/>\n'.encode("shift_jis"),
        "g.tbx:1: cannot read the encoding the file declares",
    ),
    (
        "g.tbx",
        b'<?xml version="1.0" encoding="utf-32"?>\n<tbx/>\n',
        "g.tbx:1: cannot read the encoding the file declares",
    ),
    ("g.tbx", "<tbx/>".encode("utf-32"), "g.tbx:1: malformed TBX"),
]


@pytest.mark.parametrize(
    ("name", "text", "message"), BAD, ids=[m.split(": ", 1)[-1][:40] for _, _, m in BAD]
)
def test_bad_glossaries_are_refused_with_file_and_line(
    tmp_path: Path, name: str, text: str | bytes, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(UsageError) as raised:
        load(path)
    assert f"{tmp_path}/{message}" in str(raised.value) or message in str(raised.value)
    assert str(raised.value).startswith(str(path)) or name.endswith(".docx")
    assert raised.value.exit_code == 2


def test_missing_directory_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such glossary file"):
        load(tmp_path / "none.toml")
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(UsageError, match="is a directory"):
        load(tmp_path / "dir.toml")
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    with pytest.raises(UsageError, match="too large for a glossary"):
        load(big)


def test_a_link_to_a_file_that_never_ends_is_refused_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "zero.csv").symlink_to("/dev/zero")  # its size says 0
    with pytest.raises(UsageError, match=r"zero\.csv: not a regular file"):
        load(tmp_path / "zero.csv")


def test_comments_are_a_hash_and_a_space_and_a_hashtag_is_a_term(tmp_path: Path) -> None:
    text = "# names, for the desk\nfr,en\n#\n## tags\n#\tnote\n#Artsakh,#Artsakh\nLachin,Lachin\n"
    glossary = load(write(tmp_path, "g.csv", text))
    assert [term.name for term in glossary.terms] == ["#Artsakh", "Lachin"]


def test_articles_and_patterns_are_read_and_merged(tmp_path: Path) -> None:
    first = write(
        tmp_path,
        "a.toml",
        '[glossary]\nprotect = ["REF-\\\\d+"]\n[[term]]\nname = "Artsakh"\narticle = { es = "el" }\n',
    )
    second = write(
        tmp_path,
        "b.toml",
        '[glossary]\nprotect = ["N°\\\\d+"]\n[[term]]\nname = "Artsakh"\narticle = { ca = "el" }\n',
    )
    merged = glossaries.load_active([str(first), str(second)])
    [term] = [t for t in merged.terms if t.name == "Artsakh"]
    assert dict(term.articles) == {"es": "el", "ca": "el", "pt": "", "en": ""}
    assert merged.protect == ("REF-\\d+", "N°\\d+")


def test_the_default_glossary_is_valid_and_its_forms_are_distinct() -> None:
    default = load(glossaries.default_path())
    assert default.source == "fr"
    for term in default.terms:
        assert term.name in term.matches
        assert not {v.casefold() for v in term.variants} & {term.name.casefold()}
