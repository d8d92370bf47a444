"""Real texts the summary tests run on: name -> (path, language)."""

from pathlib import Path

DATA = Path(__file__).parent / "data" / "summaries"
ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "release-fr": (ROOT / "examples" / "release-fr.txt", "fr"),
    "gsettings-fr": (DATA / "gsettings-fr.txt", "fr"),
    "postgres-fr": (DATA / "postgres-fr.txt", "fr"),
    "gpl-3-en": (DATA / "gpl-3-en.txt", "en"),
    "git-2.33-en": (DATA / "git-2.33-en.txt", "en"),
}
