"""Ctrl-C and closed pipes: quiet exits, no file left behind."""

import signal
import subprocess
import sys
import time


def test_interrupt_exits_130_quietly_and_leaves_no_file(release_text: str, tmp_path) -> None:
    source = tmp_path / "big.txt"
    source.write_text((release_text + "\n\n") * 300, encoding="utf-8")
    target = tmp_path / "out.txt"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "toolkit",
            "translate",
            str(source),
            "--to",
            "en",
            "-o",
            str(target),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # well into the translation, which takes several seconds
    assert process.poll() is None, "translation ended before the interrupt"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == [source]
