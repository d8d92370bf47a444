"""What to install to reach a target language that no installed engine reaches."""

from __future__ import annotations

# Debian packages that bring a direct pair from French, or the pairs of the best measured pivot
# route (engines/route_scores.toml), per target language.
DEBIAN_PACKAGES = {
    "es": ["apertium-fr-es"],
    "ca": ["apertium-fra-cat"],
    "eo": ["apertium-eo-fr"],
    "oc": ["apertium-oci-fra"],
    "frp": ["apertium-fra-frp"],
    "en": ["apertium-fr-es", "apertium-eng-spa"],
    "pt": ["apertium-fra-cat", "apertium-por-cat"],
    "gl": ["apertium-fr-es", "apertium-es-gl"],
    "it": ["apertium-fra-cat", "apertium-cat-ita"],
}


def install_hint(
    source: str, target: str, engines: frozenset[str] = frozenset({"apertium", "argos"})
) -> str:
    """The Debian packages (from French) or the argos model to install for source→target, for
    the `engines` asked for (an --engine argos run is not told to install Apertium pairs)."""
    hints = []
    if "apertium" in engines and source == "fr" and target in DEBIAN_PACKAGES:
        hints.append("apt-get install " + " ".join(DEBIAN_PACKAGES[target]))
    if "argos" not in engines:
        return " or ".join(hints) or "`toolkit engines` lists the routes installed"
    pivot = "" if "en" in (source, target) else f" (or {source}-en and en-{target})"
    hints.append(f"toolkit models install {source}-{target}{pivot}")
    return " or ".join(hints)
