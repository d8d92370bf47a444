"""Argos Translate language packages: where they live, which are installed, install and remove.

Packages live where argostranslate puts them (ARGOS_PACKAGES_DIR, or its settings.json, or
~/.local/share/argos-translate/packages), so packages installed by `argospm` are used here and the
other way round. An install checks the whole archive before writing anything, extracts it into a
staging folder and renames it into place under a lock: a failed, interrupted or concurrent install
never leaves a half-installed package.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from toolkit.errors import ToolkitError, UsageError
from toolkit.text import languages

ARCHIVE_SUFFIX = ".argosmodel"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")

# Limits checked before anything is extracted. Real packages hold a few dozen files and unpack to
# a few hundred MB; their weights barely compress, so a high ratio means a zip bomb.
MAX_ARCHIVE_BYTES = 4 << 30
MAX_UNPACKED_BYTES = 4 << 30
MAX_ENTRIES = 10_000
MAX_RATIO = 200
RATIO_CHECK_BYTES = 1 << 20  # small files (vocabularies, JSON) may compress well
MAX_METADATA_BYTES = 1 << 20
MAX_DEPTH = 32  # folders in a member's path: a package needs three or four
MAX_NAME_BYTES = 255  # a file or folder name, as Linux file systems take it
DISK_MARGIN_BYTES = 64 << 20

_CODE = re.compile(r"^[a-z]{2,3}$")
_STAGING_SUFFIX = ".toolkit-staging"

Progress = Callable[[int, int], None]


class PackageError(ToolkitError):
    """A package archive or folder that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Metadata:
    """What a package's metadata.json says about it."""

    source: str
    target: str
    version: str
    target_prefix: str

    @property
    def pair(self) -> str:
        return f"{self.source}-{self.target}"


@dataclass(frozen=True)
class InstalledPackage:
    """A package folder: metadata.json, model/ (CTranslate2) and a tokenizer."""

    path: Path
    metadata: Metadata
    tokenizer: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def source(self) -> str:
        return self.metadata.source

    @property
    def target(self) -> str:
        return self.metadata.target

    @property
    def pair(self) -> str:
        return self.metadata.pair

    @property
    def target_prefix(self) -> str:
        return self.metadata.target_prefix

    @property
    def model(self) -> Path:
        return self.path / "model"

    def size(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


# ---------------------------------------------------------------- argostranslate's settings


def data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / "argos-translate"


def argos_setting(key: str, default: str | None = None) -> str | None:
    """A setting as argostranslate reads it: the environment first, then its settings.json."""
    value = os.environ.get(key)
    if value is not None:
        return value
    settings_file = _xdg("XDG_CONFIG_HOME", ".config") / "argos-translate" / "settings.json"
    try:
        settings = json.loads(settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return default
    value = settings.get(key) if isinstance(settings, dict) else None
    return default if value is None else str(value)


def install_dir() -> Path:
    """Where packages are installed: argostranslate's package_data_dir."""
    return Path(argos_setting("ARGOS_PACKAGES_DIR") or data_dir() / "packages")


def package_dirs() -> list[Path]:
    """Every folder argostranslate searches for packages, the install folder first."""
    dirs = [install_dir()]
    snap = os.environ.get("SNAP")
    if snap:
        dirs.append(Path(snap) / "snap_custom" / "packages")
        content = Path(snap) / "snap_custom" / "content_snap_packages"
        if content.is_dir():
            dirs += sorted(p for p in content.iterdir() if p.is_dir())
    return dirs


def _xdg(variable: str, fallback: str) -> Path:
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    return Path(os.environ.get(variable) or home / fallback)


# ---------------------------------------------------------------- installed packages


def installed(skipped: Callable[[str], None] | None = None) -> list[InstalledPackage]:
    """Installed translation packages, in argostranslate's search order; broken ones are skipped,
    each told to `skipped` in one line."""
    found = []
    for package, problem in scan():
        if package is not None and problem is None:
            found.append(package)
        elif problem is not None and skipped is not None:
            skipped(f"skipped an Argos package that cannot be used: {problem}")
    return found


def scan() -> list[tuple[InstalledPackage | None, str | None]]:
    """Every package folder with what is wrong with it (None when it is usable)."""
    found: list[tuple[InstalledPackage | None, str | None]] = []
    for folder in package_dirs():
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                found.append((read_package(path), None))
            except PackageError as err:
                found.append((None, str(err)))
    return found


def read_package(path: Path) -> InstalledPackage:
    """An installed package folder, checked: metadata, model and tokenizer present."""
    try:
        data = _read_limited(path / "metadata.json")
    except OSError:
        raise PackageError(f"{path}: no readable metadata.json") from None
    metadata = parse_metadata(data, str(path))
    if not (path / "model" / "model.bin").is_file():
        raise PackageError(f"{path}: no model/model.bin (a CTranslate2 model)")
    tokenizer = next((path / n for n in TOKENIZER_FILES if (path / n).is_file()), None)
    if tokenizer is None:
        raise PackageError(f"{path}: no tokenizer ({' or '.join(TOKENIZER_FILES)})")
    return InstalledPackage(path, metadata, tokenizer)


def parse_metadata(data: bytes, where: str) -> Metadata:
    """Validate a metadata.json: a JSON object naming a translation from one language to another."""
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise PackageError(f"{where}: metadata.json is not valid JSON ({err})") from None
    except RecursionError:
        raise PackageError(f"{where}: metadata.json is nested too deeply") from None
    if not isinstance(meta, dict):
        raise PackageError(f"{where}: metadata.json is not a JSON object")
    kind = meta.get("type", "translate")
    if kind != "translate":
        raise PackageError(f"{where}: a {kind!r} package; only translation packages can be used")
    codes = []
    for key in ("from_code", "to_code"):
        value = meta.get(key)
        if not isinstance(value, str) or not _CODE.match(value.strip().lower()):
            raise PackageError(f"{where}: metadata.json has no valid {key} (an ISO 639 code)")
        value = value.strip().lower()
        codes.append(languages.normalize(value) or value)
    if codes[0] == codes[1]:
        raise PackageError(f"{where}: metadata.json translates {codes[0]} into itself")
    prefix = meta.get("target_prefix", "")
    if not isinstance(prefix, str):
        raise PackageError(f"{where}: metadata.json has a target_prefix that is not a string")
    return Metadata(
        source=codes[0],
        target=codes[1],
        version=str(meta.get("package_version", "")),
        target_prefix=prefix.strip(),
    )


def _read_limited(path: Path) -> bytes:
    # Opened without waiting, then checked: a FIFO or a device named metadata.json would block
    # every command that lists the packages.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise PackageError(f"{path}: metadata.json is not a regular file")
        data = file.read(MAX_METADATA_BYTES + 1)
    if len(data) > MAX_METADATA_BYTES:
        raise PackageError(f"{path}: metadata.json is larger than {MAX_METADATA_BYTES} bytes")
    return data


# ---------------------------------------------------------------- install and remove


def archives(path: Path) -> list[Path]:
    """The archives a path names: the file itself, or every .argosmodel file in a folder."""
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix == ARCHIVE_SUFFIX and p.is_file())
        if not found:
            raise UsageError(f"{path}: no {ARCHIVE_SUFFIX} file in this folder")
        return found
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if not path.is_file():
        raise UsageError(f"{path}: not a file")
    return [path]


@dataclass(frozen=True)
class Install:
    """The result of an install: the package now in place and the folders it replaced."""

    package: InstalledPackage
    replaced: list[Path]


def install_archive(archive: Path, progress: Progress | None = None) -> Install:
    """Check an .argosmodel archive completely, then install it atomically into install_dir()."""
    plan = _check_archive(archive)
    target_dir = install_dir()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ToolkitError(
            f"{target_dir}: cannot create the package folder ({err.strerror})"
        ) from None
    _check_writable(target_dir)
    with _locked(target_dir), _staging(target_dir) as staging:
        _check_space(staging, plan.unpacked)
        work = Path(tempfile.mkdtemp(prefix="install-", dir=staging))
        _extract(archive, plan, work, progress)
        package = read_package(work / plan.top)
        final = target_dir / plan.top
        replaced = [
            p.path for p in installed() if p.pair == package.pair and p.path.parent == target_dir
        ]
        if final.exists() and final not in replaced:
            raise PackageError(
                f"{archive}: its folder {plan.top} is taken by another package in {target_dir}; "
                f"a {package.pair} package replaces only a {package.pair} one"
            )
        try:
            _swap(package.path, final, replaced, work)
        except OSError as err:
            raise ToolkitError(f"{archive}: install failed ({err.strerror or err})") from None
    return Install(read_package(final), replaced)


def _swap(new: Path, final: Path, old: list[Path], work: Path) -> None:
    """Move the old folders aside and the new one into place; on failure, put the old ones back."""
    moved: list[tuple[Path, Path]] = []
    try:
        for i, path in enumerate(old):
            aside = work / f"replaced-{i}"
            os.rename(path, aside)
            moved.append((path, aside))
        os.rename(new, final)
    except OSError:
        for path, aside in reversed(moved):
            os.rename(aside, path)
        raise


def remove(source: str, target: str) -> list[Path]:
    """Remove every installed package for a pair from the install folder; the removed paths."""
    target_dir = install_dir()
    doomed = [p for p in installed() if (p.source, p.target) == (source, target)]
    if not doomed:
        raise UsageError(f"no package {source}-{target} is installed (`toolkit models list`)")
    outside = [p.path for p in doomed if p.path.parent != target_dir]
    if outside:
        raise ToolkitError(f"{outside[0]}: not in {target_dir}; remove it where it was installed")
    _check_writable(target_dir)
    with _locked(target_dir), _staging(target_dir) as staging:
        work = Path(tempfile.mkdtemp(prefix="remove-", dir=staging))
        try:
            for i, package in enumerate(doomed):
                os.rename(package.path, work / str(i))
        except OSError as err:
            raise ToolkitError(f"cannot remove {source}-{target}: {err.strerror}") from None
    return [p.path for p in doomed]


@dataclass(frozen=True)
class _Plan:
    top: str
    metadata: Metadata
    members: list[zipfile.ZipInfo]
    unpacked: int


def _check_archive(archive: Path) -> _Plan:
    """Everything that can be known before extraction: limits, paths, file types, contents."""
    where = str(archive)
    try:
        size = archive.stat().st_size
    except OSError as err:
        raise UsageError(f"{where}: cannot read ({err.strerror})") from None
    if size > MAX_ARCHIVE_BYTES:
        raise PackageError(
            f"{where}: refused: {_mb(size)} is over the {_mb(MAX_ARCHIVE_BYTES)} limit"
        )
    try:
        _check_entry_count(archive, where)
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            top, unpacked = _check_members(where, members)
            meta_info = zf.getinfo(f"{top}/metadata.json")
            if meta_info.file_size > MAX_METADATA_BYTES:
                raise PackageError(
                    f"{where}: metadata.json is larger than {MAX_METADATA_BYTES} bytes"
                )
            metadata = parse_metadata(zf.read(meta_info), where)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as err:
        raise PackageError(f"{where}: not a valid {ARCHIVE_SUFFIX} package ({err})") from None
    except (NotImplementedError, RuntimeError) as err:  # unsupported compression, encryption
        raise PackageError(f"{where}: cannot read the archive ({err})") from None
    except OSError as err:
        raise UsageError(f"{where}: cannot read ({err.strerror})") from None
    return _Plan(top, metadata, members, unpacked)


def _check_entry_count(archive: Path, where: str) -> None:
    """Refuse an archive of more than MAX_ENTRIES members from its end record alone, before
    zipfile reads (and holds) its whole central directory."""
    with archive.open("rb") as file:
        end = zipfile._EndRecData(file)  # type: ignore[attr-defined]
    if end is None:
        raise zipfile.BadZipFile("File is not a zip file")
    entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    if entries > MAX_ENTRIES:
        raise PackageError(
            f"{where}: refused: {entries} entries, over the {MAX_ENTRIES} limit (zip bomb?)"
        )


def _check_members(where: str, members: list[zipfile.ZipInfo]) -> tuple[str, int]:
    if len(members) > MAX_ENTRIES:
        raise PackageError(
            f"{where}: refused: {len(members)} entries, over the {MAX_ENTRIES} limit (zip bomb?)"
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{where}: refused: it would unpack to {_mb(unpacked)}, over the "
            f"{_mb(MAX_UNPACKED_BYTES)} limit (zip bomb?)"
        )
    packed = sum(m.compress_size for m in members)
    if unpacked > RATIO_CHECK_BYTES and unpacked > MAX_RATIO * max(packed, 1):
        raise PackageError(
            f"{where}: refused: it compresses {unpacked // max(packed, 1)}:1 as a whole, over the "
            f"{MAX_RATIO}:1 limit (zip bomb?)"
        )
    tops: set[str] = set()
    names: set[str] = set()
    files: set[str] = set()
    folders: set[str] = set()
    for member in members:
        parts = _member_parts(where, member)
        if member.file_size > RATIO_CHECK_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise PackageError(
                f"{where}: refused: {member.filename} compresses {member.file_size // max(member.compress_size, 1)}:1, "
                f"over the {MAX_RATIO}:1 limit (zip bomb?)"
            )
        if member.flag_bits & 0x1:
            raise PackageError(f"{where}: {member.filename} is encrypted")
        key = "/".join(parts)
        if key in names:
            raise PackageError(f"{where}: {member.filename} appears twice in the archive")
        names.add(key)
        tops.add(parts[0])
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
        if not member.is_dir():
            files.add(key)
    if not members:
        raise PackageError(f"{where}: the archive is empty")
    if both := sorted(files & folders):
        raise PackageError(
            f"{where}: not a valid {ARCHIVE_SUFFIX} package ({both[0]} is both a file and a folder)"
        )
    if len(tops) != 1:
        raise PackageError(
            f"{where}: a package holds one top folder (metadata.json, model/, tokenizer); "
            f"this one holds {', '.join(sorted(tops)[:3])}"
        )
    top = tops.pop()
    if top.startswith("."):
        raise PackageError(f"{where}: the package folder {top!r} is a hidden name")
    required = [f"{top}/metadata.json", f"{top}/model/model.bin"]
    for name in required:
        if name not in names:
            raise PackageError(f"{where}: no {name.split('/', 1)[1]} in the package")
    if not any(f"{top}/{n}" in names for n in TOKENIZER_FILES):
        raise PackageError(f"{where}: no tokenizer ({' or '.join(TOKENIZER_FILES)}) in the package")
    return top, unpacked


def _member_parts(where: str, member: zipfile.ZipInfo) -> list[str]:
    """A member's path parts; refuses absolute paths, '..', odd names, links and special files."""
    name = member.filename
    kind = stat.S_IFMT(member.external_attr >> 16)  # 0 when the archive does not say
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        what = "a symbolic link" if kind == stat.S_IFLNK else "a special file"
        raise PackageError(f"{where}: refused: {name} is {what}")
    path = PurePosixPath(name)
    parts = [p for p in path.parts if p not in ("", ".")]
    if (
        path.is_absolute()
        or "\\" in name
        or "\0" in name
        or ".." in parts
        or (parts and ":" in parts[0])
        or not parts
    ):
        raise PackageError(
            f"{where}: refused: {name!r} would be written outside the package folder"
        )
    if len(parts) > MAX_DEPTH:
        raise PackageError(f"{where}: refused: {name[:80]!r}… is {len(parts)} folders deep")
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in parts):
        raise PackageError(
            f"{where}: refused: {name[:80]!r}… has a name longer than {MAX_NAME_BYTES} bytes"
        )
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in name):
        # An escape sequence in a folder's name reaches every terminal that lists the folder.
        raise PackageError(f"{where}: refused: {name!r} holds a control character")
    return parts


def _extract(archive: Path, plan: _Plan, work: Path, progress: Progress | None) -> None:
    """Write every member under `work`, never trusting the sizes the archive declares."""
    root = work.resolve()
    done = 0
    with zipfile.ZipFile(archive) as zf:
        for member in plan.members:
            parts = _member_parts(str(archive), member)
            destination = root.joinpath(*parts)
            if root not in destination.resolve().parents:
                raise PackageError(
                    f"{archive}: refused: {member.filename!r} escapes the package folder"
                )
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            try:
                with zf.open(member) as source, destination.open("xb") as sink:
                    while chunk := source.read(1 << 20):
                        written += len(chunk)
                        if written > member.file_size:
                            raise PackageError(
                                f"{archive}: refused: {member.filename} is larger than it declares"
                            )
                        sink.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, plan.unpacked)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
                raise PackageError(
                    f"{archive}: corrupt archive: {member.filename}: {err}"
                ) from None


@contextmanager
def _staging(target_dir: Path) -> Iterator[Path]:
    """A folder for work in progress on the file system of the packages, removed afterwards.

    Beside the package folder when possible, since argostranslate reads every folder inside it as a
    package. Used with the lock held, so anything already in it was left by a killed install.
    """
    for staging in _staging_places(target_dir):
        try:
            staging.mkdir(exist_ok=True)
            if staging.stat().st_dev != target_dir.stat().st_dev:
                staging.rmdir()
                continue
        except OSError:
            continue
        break
    else:
        raise ToolkitError(f"{target_dir}: cannot create a staging folder beside it")
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _staging_places(target_dir: Path) -> tuple[Path, Path]:
    return (
        target_dir.parent / f".{target_dir.name}{_STAGING_SUFFIX}",
        target_dir / _STAGING_SUFFIX,
    )


def clean_stale_staging() -> None:
    """Remove what a killed install or remove left in the staging folders, unless one is running."""
    target_dir = install_dir()
    try:
        handle = os.open(target_dir, os.O_RDONLY)
    except OSError:
        return  # no package folder yet, so nothing staged for it
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        return  # an install or remove is running: its staging is in use
    try:
        for staging in _staging_places(target_dir):
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        os.close(handle)


def _check_writable(folder: Path) -> None:
    """Refuse a package folder that cannot be written before any work. A read-only mount of it
    (a bind mount, say) shares the device number of the folder above, where the staging folder
    goes, so that moving a package into it would fail only at the end, as a cross-device link."""
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise ToolkitError(f"{folder}: the package folder is on a read-only file system")
    if not os.access(folder, os.W_OK):  # its permissions, or an immutable folder (chattr +i)
        raise ToolkitError(f"{folder}: the package folder is read-only (no permission to write)")


def _check_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + DISK_MARGIN_BYTES:
        raise ToolkitError(f"{folder}: the package needs {_mb(needed)} and {_mb(free)} is free")


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the package folder, shared with every other toolkit install/remove."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"
