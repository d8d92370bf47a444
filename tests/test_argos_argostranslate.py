"""The packages the tests build are real Argos packages: argostranslate translates with them too."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support.argos_copy import ARGOSTRANSLATE_WITH_PROJECT_SPLITTER, FRENCH_TEXTS
from tests.conftest import RELEASE
from toolkit.text.document import split_sentences

SCRIPT = (
    ARGOSTRANSLATE_WITH_PROJECT_SPLITTER
    + """
sys.stdout.write(translate.translate(sys.stdin.read(), sys.argv[1], sys.argv[2]))
"""
)


# argostranslate decodes a paragraph's sentences together and removes the target prefix only at
# its start, so through a package with a prefix (en→de) it is given one sentence per line.
def one_sentence_lines() -> str:
    lines = FRENCH_TEXTS[1].read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if len(split_sentences(line)) == 1) + "\n"


@pytest.mark.parametrize(
    ("target", "original"), [("en", RELEASE.read_text("utf-8")), ("de", one_sentence_lines())]
)
def test_argostranslate_translates_with_the_test_packages(argos_env, target, original):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "fr", target],
        input=original,
        # argostranslate runs CTranslate2 on an OpenMP team of every core, whose idle threads
        # spin: on a machine busier than its cores, 20 times as long. How they wait changes no result.
        env={**os.environ, **argos_env, "OMP_WAIT_POLICY": "PASSIVE"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # argostranslate drops the space that starts a paragraph; the rest comes back.
    assert [line.strip() for line in result.stdout.splitlines()] == [
        line.strip() for line in original.splitlines()
    ]
