"""Known top-level domains and file extensions: what makes `latchine.am` a web address and
`rapport.pdf` a file's name, where French prose only forgot a space (`etc.Il`, `M.Dupont`).

The domains are the generic ones a press release may name and every country code (ISO 3166,
with .eu and .su). Some country codes are also French words (`la`, `et`, `il`, `ma`, `su`): a host
ending in one of them is taken for an address only with a path or three labels and more
(`gouv.ci/fr`, `presse.gouv.ci`), never alone after a word (`la fin.la suite`).
"""

from __future__ import annotations

GENERIC = frozenset(
    """
    com org net edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat
    post app dev page blog news online site website tech store shop cloud live media art
    agency press today world global network digital email team social center studio paris bzh
    alsace corsica quebec swiss berlin london africa
    """.split()
)

COUNTRY = frozenset(
    """
    ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs
    bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee
    eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm
    hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb
    lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz
    na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs
    ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl
    tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
    """.split()
)

TOP_LEVEL = GENERIC | COUNTRY

# Country codes that are also French words or abbreviations.
FRENCH_WORDS = frozenset(
    "as ca ci de do es et eu il la lu ma me mu ne ni no nu re sa se si su va vu".split()
)

# A file's extension: `rapport.pdf`, `photo.jpeg`, `données.csv`.
FILE_EXTENSIONS = frozenset(
    """
    pdf doc docx odt rtf txt md csv tsv xls xlsx ods ppt pptx odp jpg jpeg png gif svg webp tif
    tiff mp3 mp4 wav ogg avi mov mkv zip gz tgz rar 7z tar xml json html htm epub
    """.split()
)
