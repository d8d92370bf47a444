"""Exact Apertium translations of varied French sentences, pinned per route with the versions of
the Debian packages that produced them.

When Debian updates a pair, re-record with `python -m tests.pinned_apertium` (then review the diff
of tests/data/apertium_pinned.json: a change there is a change users will see).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import Hop, Route

PINNED = Path(__file__).resolve().parent / "data" / "apertium_pinned.json"

SENTENCES = (
    "Le ministre des affaires étrangères a envoyé des lettres officielles aux ambassadeurs.",
    "Le 9 novembre 2020, une déclaration trilatérale a été signée à Moscou.",
    "« Nous ne céderons pas », a déclaré la porte-parole lors d'une conférence de presse.",
    "L'accès à l'eau potable reste difficile pour 120 000 habitants de la région.",
    "Les négociations reprendront-elles avant la fin de l'année ?",
    "Il a souligné que la situation humanitaire s'était considérablement dégradée depuis mai.",
    "M. Dupont et Mme Martin ont visité l'hôpital de la ville vendredi dernier.",
    "Selon le communiqué, 3,5 % du budget sera consacré à la reconstruction des écoles.",
    "Ce n'est qu'une question de temps : le corridor doit rouvrir.",
    "Les organisations internationales appellent au respect du droit humanitaire.",
    "Elle aurait voulu que le gouvernement prenne des mesures plus fermes.",
    "Le projet de loi, adopté à l'unanimité, entrera en vigueur le 1er janvier.",
)

# Each route as its chain of modes: the direct pairs and the pivot routes toolkit offers.
ROUTES = {
    "fr-es": ("fr-es",),
    "fr-ca": ("fra-cat",),
    "fr-eo": ("fr-eo",),
    "fr-oc": ("fra-oci",),
    "fr-frp": ("fra-frp",),
    "fr-es-en": ("fr-es", "spa-eng"),
    "fr-ca-en": ("fra-cat", "cat-eng"),
    "fr-eo-en": ("fr-eo", "eo-en"),
    "fr-es-pt": ("fr-es", "es-pt"),
    "fr-es-gl": ("fr-es", "es-gl"),
    "fr-es-it": ("fr-es", "spa-ita"),
    "fr-ca-es": ("fra-cat", "cat-spa"),
    "fr-ca-it": ("fra-cat", "cat-ita"),
    "fr-ca-pt": ("fra-cat", "cat-por"),
    "fr-oc-es": ("fra-oci", "oc-es"),
}
PACKAGES = (
    "apertium",
    "lttoolbox",
    "apertium-lex-tools",
    "apertium-fr-es",
    "apertium-fra-cat",
    "apertium-eo-fr",
    "apertium-oci-fra",
    "apertium-fra-frp",
    "apertium-eng-spa",
    "apertium-eng-cat",
    "apertium-eo-en",
    "apertium-es-pt",
    "apertium-es-gl",
    "apertium-spa-ita",
    "apertium-spa-cat",
    "apertium-cat-ita",
    "apertium-por-cat",
    "apertium-oc-es",
)


def route(name: str) -> Route:
    codes = name.split("-")
    modes = ROUTES[name]
    assert len(codes) == len(modes) + 1, name
    return Route(
        "apertium",
        tuple(Hop(s, t, m) for s, t, m in zip(codes, codes[1:], modes, strict=False)),
    )


def versions() -> dict[str, str]:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package} ${Version}\n", *PACKAGES],
        capture_output=True,
        text=True,
        check=False,
    )
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def translate_all() -> dict[str, list[str]]:
    engine = ApertiumEngine()
    return {name: engine.translate(list(SENTENCES), route(name)).paragraphs for name in ROUTES}


def record() -> None:
    data = {"versions": versions(), "sentences": list(SENTENCES), "routes": translate_all()}
    PINNED.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {len(ROUTES)} routes in {PINNED.name}")


if __name__ == "__main__":
    record()
