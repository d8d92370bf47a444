"""`toolkit models`: install, list, remove; bad and hostile archives refused, nothing half-installed."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.argos_copy import argos_environment
from tests.conftest import run_toolkit


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def env(home) -> dict[str, str]:
    return argos_environment(home)


def models(env: dict[str, str], *args: str):
    return run_toolkit("models", *args, env=env)


def tree(folder: Path) -> set[str]:
    """Every path under a folder, to tell that nothing was written."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def one_line_error(result, code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stderr.startswith("toolkit: error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


# ---------------------------------------------------------------- install, list, remove


def test_install_list_remove(env, home, argos_archives):
    result = models(env, "install", str(argos_archives["fr-en"]))
    assert result.returncode == 0, result.stderr
    assert "installed fr-en 1.0 in" in result.stderr

    listing = models(env, "list")
    assert listing.returncode == 0, listing.stderr
    pair, version, size, path = listing.stdout.rstrip("\n").split("\t")
    assert (pair, version, path) == ("fr-en", "1.0", str(home / "packages" / "translate-fr_en-1_0"))
    assert size.endswith(" MB")

    data = json.loads(models(env, "list", "--json").stdout)
    assert [p["pair"] for p in data["packages"]] == ["fr-en"]
    assert data["packages"][0]["size"] > 0

    removed = models(env, "remove", "fr-en")
    assert removed.returncode == 0, removed.stderr
    assert tree(home / "packages") == set()
    assert "no Argos Translate package" in models(env, "list").stderr


def test_install_a_folder_of_archives(env, argos_archives):
    folder = next(iter(argos_archives.values())).parent
    result = models(env, "install", str(folder))
    assert result.returncode == 0, result.stderr
    pairs = [p["pair"] for p in json.loads(models(env, "list", "--json").stdout)["packages"]]
    assert pairs == ["en-de", "fr-en"]


def test_a_new_version_replaces_the_old(env, home, tmp_path, argos_archives):
    assert models(env, "install", str(argos_archives["fr-en"])).returncode == 0
    newer = rewrite(
        argos_archives["fr-en"],
        tmp_path / "newer.argosmodel",
        rename=("translate-fr_en-1_0", "translate-fr_en-1_1"),
        metadata={"package_version": "1.1"},
    )
    result = models(env, "install", str(newer))
    assert result.returncode == 0, result.stderr
    assert "replaced translate-fr_en-1_0" in result.stderr
    assert sorted(os.listdir(home / "packages")) == ["translate-fr_en-1_1"]
    again = models(env, "install", str(newer))  # the same version again: replaced in place
    assert again.returncode == 0, again.stderr
    assert sorted(os.listdir(home / "packages")) == ["translate-fr_en-1_1"]


def test_concurrent_installs_do_not_corrupt_each_other(env, home, argos_archives):
    archives = [*argos_archives.values(), argos_archives["fr-en"], argos_archives["en-de"]]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "toolkit", "models", "install", str(archive)],
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for archive in archives
    ]
    for process in processes:
        _, stderr = process.communicate()
        assert process.returncode == 0, stderr.decode()
    assert sorted(os.listdir(home / "packages")) == ["translate-en_de-1_0", "translate-fr_en-1_0"]
    result = run_toolkit(
        "translate", "--engine", "argos", "-t", "de", input="Le corridor de Lachin.\n", env=env
    )
    assert result.stdout == "Le corridor de Lachin.\n", result.stderr
    assert not list(home.glob(".packages.toolkit-staging"))


def test_a_killed_install_leaves_nothing_behind(env, home, argos_archives):
    # What a SIGKILLed install leaves: its staging folder. The next install clears it.
    staging = home / ".packages.toolkit-staging" / "install-killed" / "translate-x"
    staging.mkdir(parents=True)
    result = models(env, "install", str(argos_archives["fr-en"]))
    assert result.returncode == 0, result.stderr
    assert not (home / ".packages.toolkit-staging").exists()
    assert sorted(os.listdir(home / "packages")) == ["translate-fr_en-1_0"]


def test_every_models_command_clears_what_a_killed_install_left(env, home):
    (home / "packages").mkdir(parents=True)
    (home / ".packages.toolkit-staging" / "install-killed").mkdir(parents=True)
    assert models(env, "list").returncode == 0
    assert not (home / ".packages.toolkit-staging").exists()


def test_a_package_replaces_only_one_of_its_own_pair(env, home, tmp_path, argos_archives):
    assert models(env, "install", str(argos_archives["fr-en"])).returncode == 0
    # An en→de package whose folder has the fr→en package's name.
    impostor = rewrite(
        argos_archives["en-de"],
        tmp_path / "impostor.argosmodel",
        rename=(
            Path(zipfile.ZipFile(argos_archives["en-de"]).namelist()[0]).parts[0],
            "translate-fr_en-1_0",
        ),
    )
    error = one_line_error(models(env, "install", str(impostor)))
    assert "its folder translate-fr_en-1_0 is taken by another package" in error
    assert error.rstrip().endswith("; an en-de package replaces only an en-de one")
    assert "fr-en" in models(env, "list").stdout


def test_markup_and_escapes_in_metadata_are_shown_as_text(env, home, tmp_path, argos_archives):
    version = "1.0[/x]\x1b]0;title\x07\x1b[2J"
    archive = rewrite(
        argos_archives["fr-en"], tmp_path / "odd.argosmodel", metadata={"package_version": version}
    )
    installed = models(env, "install", str(archive))
    assert installed.returncode == 0, installed.stderr
    assert "\x1b" not in installed.stderr and "1.0[/x]\\x1b]0;title\\x07" in installed.stderr
    listed = models(env, "list")
    assert listed.returncode == 0, listed.stderr


def test_a_failed_install_keeps_the_installed_version(env, home, tmp_path, argos_archives):
    assert models(env, "install", str(argos_archives["fr-en"])).returncode == 0
    before = tree(home)
    broken = corrupt_member_data(argos_archives["fr-en"], tmp_path / "crc.argosmodel")
    error = one_line_error(models(env, "install", str(broken)))
    assert "corrupt archive" in error
    assert tree(home) == before


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """The folder made read-only for this process, and how. Root writes through permissions, so
    as root a read-only bind mount (where mounting is allowed), else the immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield "permissions"
        finally:
            folder.chmod(0o755)
        return
    attempts = [
        (["mount", "--bind", "-o", "ro", str(folder), str(folder)], ["umount", str(folder)]),
        (["chattr", "+i", str(folder)], ["chattr", "-i", str(folder)]),
    ]
    for make, undo in attempts:
        if subprocess.run(make, capture_output=True, check=False).returncode == 0:
            try:
                yield make[0]
            finally:
                subprocess.run(undo, check=True)
            return
    pytest.skip("running as root, where neither a read-only bind mount nor chattr +i is allowed")


@pytest.mark.parametrize("command", ["install", "remove"])
def test_a_read_only_package_folder_is_named_so(env, home, argos_archives, command):
    assert models(env, "install", str(argos_archives["fr-en"])).returncode == 0
    before = tree(home)
    args = [str(argos_archives["fr-en"])] if command == "install" else ["fr-en"]
    with read_only(home / "packages") as how:
        error = one_line_error(models(env, command, *args))
    assert "read-only" in error, how
    assert "cross-device" not in error
    assert tree(home) == before


def test_packages_are_shared_with_argostranslate(env, home, tmp_path, argos_archives):
    assert models(env, "install", str(argos_archives["fr-en"])).returncode == 0
    script = (
        "import sys\n"
        "from argostranslate import package, settings\n"
        "print(settings.package_data_dir)\n"
        "package.install_from_path(sys.argv[1])\n"
        "print(sorted(f'{p.from_code}-{p.to_code}' for p in package.get_installed_packages()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(argos_archives["en-de"])],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    directory, pairs = result.stdout.splitlines()
    assert Path(directory) == home / "packages"
    assert pairs == "['en-de', 'fr-en']"
    listing = json.loads(models(env, "list", "--json").stdout)
    assert [p["pair"] for p in listing["packages"]] == ["en-de", "fr-en"]


def test_argostranslate_settings_file_is_honoured(env, home, argos_archives):
    del env["ARGOS_PACKAGES_DIR"]
    elsewhere = home / "from-settings"
    settings = Path(env["XDG_CONFIG_HOME"]) / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(elsewhere)}))
    environment = {k: v for k, v in os.environ.items() if k != "ARGOS_PACKAGES_DIR"}
    script = "from argostranslate import settings; print(settings.package_data_dir)"
    argos_dir = subprocess.run(
        [sys.executable, "-c", script],
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(argos_dir) == elsewhere
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "models", "install", str(argos_archives["fr-en"])],
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert os.listdir(elsewhere) == ["translate-fr_en-1_0"]


def test_offline_index_is_a_clear_error(env):
    for args in (("available",), ("install", "fr-en")):
        error = one_line_error(models(env, *args))
        assert "cannot reach http://127.0.0.1:9/index.json" in error
        assert "offline" in error and "toolkit models install FILE.argosmodel" in error


def test_saved_index_is_used_offline(env, home):
    index = [
        {"from_code": "fr", "to_code": "en", "package_version": "1.9", "links": ["https://x/y"]},
        {"type": "sbd", "from_code": "fr", "links": []},
    ]
    (home / "data" / "argos-translate").mkdir(parents=True)
    (home / "data" / "argos-translate" / "index.json").write_text(json.dumps(index))
    result = models(env, "available")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "fr-en\t1.9\tFrench → English\n"
    assert "could not be reached" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("remove", "fr-en"), "no package fr-en is installed (`toolkit models list`)"),
        (("remove", "french"), "'french' is not a pair; write it as FROM-TO, such as fr-en"),
        (("install", "missing.argosmodel"), "missing.argosmodel: no such file"),
        (("install", "xx-yy"), "unknown language 'xx'"),
    ],
)
def test_usage_errors(env, args, message):
    assert message in one_line_error(models(env, *args), code=2)


# ---------------------------------------------------------------- hostile and broken archives


def rewrite(
    source: Path,
    destination: Path,
    *,
    rename: tuple[str, str] | None = None,
    metadata: dict | None = None,
    drop: str | None = None,
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of an archive with members renamed, dropped, added or its metadata changed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(destination, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename
            if drop and name.endswith(drop):
                continue
            if metadata is not None and name.endswith("/metadata.json"):
                data = json.dumps({**json.loads(data), **metadata}).encode()
            if rename:
                name = name.replace(*rename)
            zout.writestr(name, data, zipfile.ZIP_DEFLATED)
        for name, data in (add or {}).items():
            zout.writestr(name, data, zipfile.ZIP_DEFLATED)
    return destination


def with_symlink(source: Path, destination: Path) -> Path:
    rewrite(source, destination)
    with zipfile.ZipFile(destination, "a") as zf:
        link = zipfile.ZipInfo("translate-fr_en-1_0/model/evil")
        link.external_attr = (0o120777 << 16) | 0
        zf.writestr(link, "/etc/passwd")
    return destination


def corrupt_member_data(source: Path, destination: Path) -> Path:
    """Flip bytes inside model.bin's compressed data: the archive opens, extraction fails."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo("translate-fr_en-1_0/model/model.bin")
    name_length, extra_length = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length + info.compress_size // 2
    data[start : start + 64] = bytes(64)
    destination.write_bytes(bytes(data))
    return destination


def declared_size_bomb(source: Path, destination: Path) -> Path:
    """Two members whose central directory entries claim about 4 GB each."""
    rewrite(source, destination, add={"translate-fr_en-1_0/a": b"x", "translate-fr_en-1_0/b": b"y"})
    data = bytearray(destination.read_bytes())
    for name in (b"translate-fr_en-1_0/a", b"translate-fr_en-1_0/b"):
        header = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
        data[header + 24 : header + 28] = struct.pack("<I", 0xF0000000)
    destination.write_bytes(bytes(data))
    return destination


def ratio_bomb(source: Path, destination: Path) -> Path:
    return rewrite(source, destination, add={"translate-fr_en-1_0/zeros": bytes(64 << 20)})


def many_members_bomb(source: Path, destination: Path) -> Path:
    """Members of exactly 1 MiB of zeros each, none over the limit of a member's own ratio."""
    zeros = {f"translate-fr_en-1_0/zeros/{i}": bytes(1 << 20) for i in range(1000)}
    return rewrite(source, destination, add=zeros)


def file_and_folder(source: Path, destination: Path) -> Path:
    return rewrite(
        source,
        destination,
        add={"translate-fr_en-1_0/a": b"a file", "translate-fr_en-1_0/a/b": b"and a folder"},
    )


def entries_bomb(source: Path, destination: Path) -> Path:
    rewrite(source, destination)
    with zipfile.ZipFile(destination, "a") as zf:
        for i in range(10_001):
            zf.writestr(f"translate-fr_en-1_0/many/{i}", b"")
    return destination


def add_member(name: str):
    def make(source: Path, destination: Path) -> Path:
        return rewrite(source, destination, add={name: b"pwned"})

    return make


def change(**kwargs):
    def make(source: Path, destination: Path) -> Path:
        return rewrite(source, destination, **kwargs)

    return make


def not_a_zip(source: Path, destination: Path) -> Path:
    destination.write_text("this is not a zip archive\n")
    return destination


def member_past_the_end(source: Path, destination: Path) -> Path:
    """A stored member whose directory entry claims 100 kB more than the file holds: reading it
    meets the end of the file (an EOFError, which says nothing itself)."""
    rewrite(source, destination)
    with zipfile.ZipFile(destination, "a") as zf:
        zf.writestr("translate-fr_en-1_0/z.bin", b"z" * 1000, zipfile.ZIP_STORED)
    data = bytearray(destination.read_bytes())
    header = data.rfind(b"PK\x01\x02", 0, data.rfind(b"translate-fr_en-1_0/z.bin"))
    data[header + 20 : header + 28] = struct.pack("<II", 101_000, 101_000)
    destination.write_bytes(bytes(data))
    return destination


def truncated(source: Path, destination: Path) -> Path:
    destination.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return destination


BAD_ARCHIVES = {
    "not a zip": (not_a_zip, "not a valid .argosmodel package"),
    "truncated": (truncated, "not a valid .argosmodel package"),
    "corrupt data": (corrupt_member_data, "corrupt archive"),
    "member past the end": (
        member_past_the_end,
        "corrupt archive: translate-fr_en-1_0/z.bin: its data ends too early",
    ),
    "parent path": (add_member("translate-fr_en-1_0/../../evil.txt"), "outside the package folder"),
    "absolute path": (add_member("/tmp/evil.txt"), "outside the package folder"),
    "backslash path": (
        add_member("translate-fr_en-1_0\\..\\evil.txt"),
        "outside the package folder",
    ),
    "symlink": (with_symlink, "model/evil is a symbolic link"),
    "two top folders": (add_member("other/evil.txt"), "a package holds one top folder"),
    "missing metadata": (change(drop="metadata.json"), "no metadata.json in the package"),
    "missing model": (change(drop="model.bin"), "no model/model.bin in the package"),
    "missing tokenizer": (change(drop="sentencepiece.model"), "no tokenizer"),
    "metadata not json": (
        change(drop="metadata.json", add={"translate-fr_en-1_0/metadata.json": b"{nope"}),
        "metadata.json is not valid JSON",
    ),
    "metadata without codes": (change(metadata={"to_code": None}), "no valid to_code"),
    "metadata bad code": (change(metadata={"from_code": "../x"}), "no valid from_code"),
    "sbd package": (
        change(metadata={"type": "sbd"}),
        "a package of type 'sbd'; only translation packages can be used",
    ),
    "zip bomb: ratio": (ratio_bomb, "over the 200:1 limit (zip bomb?)"),
    "zip bomb: entries": (entries_bomb, "over the 10000 limit (zip bomb?)"),
    "zip bomb: many members": (many_members_bomb, "as a whole, over the 200:1 limit (zip bomb?)"),
    "a file and a folder": (
        file_and_folder,
        "not a valid .argosmodel package (translate-fr_en-1_0/a is both a file and a folder)",
    ),
    "metadata markup": (
        change(metadata={"from_code": "[bold]x\x1b]0;t\x07"}),
        "metadata.json has no valid from_code",
    ),
    "zip bomb: declared size": (declared_size_bomb, "over the 4,295.0 MB limit (zip bomb?)"),
    "a name of 300 bytes": (
        add_member("translate-fr_en-1_0/" + "n" * 300),
        "has a name longer than 255 bytes",
    ),
    "2,000 folders deep": (
        add_member("translate-fr_en-1_0/" + "d/" * 2_000 + "f"),
        "is 2002 folders deep",
    ),
    "escape in a name": (
        change(rename=("translate-fr_en-1_0", "translate-fr_en-1_0\x1b[2J")),
        "refused: 'translate-fr_en-1_0\\x1b[2J/' holds a control character",
    ),
}


@pytest.mark.parametrize("case", BAD_ARCHIVES)
def test_bad_archives_are_refused(case, env, home, tmp_path, argos_archives):
    make, message = BAD_ARCHIVES[case]
    archive = make(argos_archives["fr-en"], tmp_path / "bad.argosmodel")
    (home / "packages").mkdir(parents=True)
    before = tree(tmp_path)
    error = one_line_error(models(env, "install", str(archive)))
    assert message in error
    assert str(archive) in error
    assert tree(tmp_path) == before  # nothing written anywhere, not even a staging folder
    assert not (Path("/tmp") / "evil.txt").exists()


# ---------------------------------------------------------------- a broken neighbour


def _package_folder(home: Path, name: str) -> Path:
    folder = home / "packages" / name
    (folder / "model").mkdir(parents=True)
    (folder / "model" / "model.bin").write_bytes(b"")
    (folder / "sentencepiece.model").write_bytes(b"")
    return folder


def _deep_metadata(folder: Path) -> None:
    (folder / "metadata.json").write_text("[" * 100_000 + "]" * 100_000)


def _fifo_metadata(folder: Path) -> None:
    os.mkfifo(folder / "metadata.json")


@pytest.mark.parametrize("breakage", [_deep_metadata, _fifo_metadata], ids=["deep", "fifo"])
@pytest.mark.parametrize(
    "args",
    [
        ["translate", "--text", "Le ministre est venu.", "--to", "es"],
        ["engines", "--format", "json"],
        ["models", "list"],
    ],
    ids=lambda args: args[0],
)
def test_a_package_that_cannot_be_read_is_skipped(env, home, breakage, args) -> None:
    breakage(_package_folder(home, "broken"))
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if args[0] == "translate":
        assert result.stdout == "El ministro ha venido.\n"
        [warning] = [line for line in result.stderr.splitlines() if "skipped" in line]
        assert "broken" in warning


def test_a_right_to_left_override_in_a_folder_name_is_shown_as_an_escape(env, home) -> None:
    folder = _package_folder(home, "evil\u202etxt.exe")
    (folder / "metadata.json").write_text('{"from_code": "fr", "to_code": "en"}')
    result = models(env, "list")
    assert result.returncode == 0, result.stderr
    assert "\u202e" not in result.stdout + result.stderr
    assert "evil\\u202etxt.exe" in result.stdout


def test_a_zip_of_too_many_entries_is_refused_from_its_end_record(env, tmp_path) -> None:
    """The end record's count is read before the central directory: a count over the limit is
    refused even where the directory itself would take long to parse."""
    archive = tmp_path / "many.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("translate-fr_en-1_0/metadata.json", "{}")
    data = bytearray(archive.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    data[end + 8 : end + 12] = struct.pack("<HH", 60_000, 60_000)  # entries on disk, in all
    archive.write_bytes(bytes(data))
    error = one_line_error(models(env, "install", str(archive)))
    assert "60000 entries, over the 10000 limit" in error


def test_threads_beyond_a_few_per_core_are_a_usage_error(argos_env) -> None:
    result = run_toolkit(
        "translate",
        "--text",
        "Le ministre.",
        "--to",
        "en",
        "--engine",
        "argos",
        "--threads",
        "100000",
        env=argos_env,
    )
    error = one_line_error(result, code=2)
    assert "--threads 100000 is more than 4 per core" in error
