#!/usr/bin/env python3
"""Turn the PyInstaller folder ``dist/CarePath/`` into ``dist/carepath_<version>_<arch>.deb``.

Called by ``packaging/build.py`` after the frozen app passed its self-test; it needs ``dpkg-deb``,
``dpkg-shlibdeps`` (package ``dpkg-dev``) and ``strip`` (``binutils``), and no network.

Layout of the package, as Debian's policy wants it:

- ``/usr/lib/carepath/``: the frozen app (the executable and its ``_internal/`` folder);
- ``/usr/bin/carepath`` and ``/usr/bin/carepath-gui``: symbolic links to the executable (the
  PyInstaller bootloader follows ``/proc/self/exe`` to find ``_internal/`` beside the real file);
- the menu entry, the icons in the hicolor theme, the AppStream metainfo, a manual page, and the
  copyright (machine-readable DEP-5) and ``changelog.Debian.gz`` in ``/usr/share/doc/carepath``;
- ``Depends`` computed by ``dpkg-shlibdeps`` from every ELF file of the bundle: the system libraries
  that the bundled Qt (its xcb platform plugin above all), Python and the wheels' extensions link
  against and do not carry themselves, so the app starts on a desktop that never had Qt.

Nothing the package installs is written at run time, and the user's record lives in
``~/.local/share/CarePath`` (never under ``/usr``), so ``apt-get remove --purge`` leaves no file of
the package and never touches a record.

The maintainer named in the package is ``$DEBFULLNAME <$DEBEMAIL>`` (the variables Debian's own
tools read), else the checkout's ``git config user.name`` and ``user.email``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PACKAGE = "carepath"
DEBIAN_REVISION = "1"
LIB_DIR = Path("usr/lib") / PACKAGE
#: The release's date in the metainfo dates the Debian changelog too, so rebuilds are identical.
METAINFO_RELEASE = re.compile(r'<release version="([^"]+)" date="([0-9-]+)"')
ELF_MAGIC = b"\x7fELF"


class DebFailed(Exception):
    """One plain sentence saying which step failed and how to fix it."""


def _init_value(name: str) -> str:
    text = (ROOT / "desktop" / "carepath" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{name} = "([^"]+)"', text, re.M)
    if match is None:
        raise DebFailed(f"desktop/carepath/__init__.py does not define {name}")
    return match.group(1)


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DebFailed(f"{name} is missing; install it with: apt-get install {package}")
    return found


def _git_config(key: str) -> str:
    try:
        result = subprocess.run(
            ["git", "config", key], cwd=ROOT, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return ""
    return result.stdout.strip()


def maintainer() -> str:
    name = os.environ.get("DEBFULLNAME") or _git_config("user.name")
    email = os.environ.get("DEBEMAIL") or _git_config("user.email")
    if not name or not email:
        raise DebFailed(
            "the package needs a maintainer; set DEBFULLNAME and DEBEMAIL (or git's user.name "
            "and user.email)"
        )
    return f"{name} <{email}>"


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def set_modes(tree: Path, executables: set[Path]) -> None:
    """0755 for folders and the executables, 0644 for everything else (libraries included)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        wanted = 0o755 if path.is_dir() or path in executables else 0o644
        path.chmod(wanted)


def compute_depends(stage: Path, files: list[Path]) -> str:
    """The ``Depends`` line: dpkg-shlibdeps over every ELF file of the bundle.

    The bundle's own libraries are found through ``-l`` and need no package; a library that no
    installed package provides and the bundle does not carry makes the build fail, since the
    package could not start on a machine without it.
    """
    shlibdeps = _tool("dpkg-shlibdeps", "dpkg-dev")
    private = sorted({str(p.parent) for p in files if ".so" in p.name})
    with tempfile.TemporaryDirectory(prefix="carepath-shlibdeps-") as folder:
        work = Path(folder)
        (work / "debian").mkdir()
        (work / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
        )
        result = subprocess.run(
            [
                shlibdeps,
                "-O",
                "--warnings=1",
                *[f"-l{p}" for p in private],
                *[str(p) for p in files],
            ],
            cwd=work,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        raise DebFailed(f"dpkg-shlibdeps failed: {result.stderr.strip()[-2000:]}")
    match = re.search(r"^shlibs:Depends=(.*)$", result.stdout, re.M)
    if match is None:
        raise DebFailed(f"dpkg-shlibdeps printed no dependencies: {result.stdout!r}")
    return match.group(1).strip()


#: The distributions the frozen app carries, with the folders of the bundle that hold them. Their
#: licence texts are copied from the build environment's metadata into the copyright file.
BUNDLED_DISTRIBUTIONS = {
    "PySide6-Essentials": ("PySide6",),
    "shiboken6": ("shiboken6",),
    "matplotlib": ("matplotlib",),
    "numpy": ("numpy", "numpy.libs"),
    "pillow": ("PIL", "pillow.libs"),
    "contourpy": ("contourpy",),
    "kiwisolver": ("kiwisolver",),
    "fonttools": ("fontTools",),
    "cycler": ("cycler",),
    "pyparsing": ("pyparsing",),
    "python-dateutil": ("dateutil",),
    "packaging": ("packaging",),
    "tinydb": ("tinydb",),
    "platformdirs": ("platformdirs",),
    "jsonschema": ("jsonschema",),
    "jsonschema-specifications": ("jsonschema_specifications",),
    "referencing": ("referencing",),
    "rpds-py": ("rpds",),
    "attrs": ("attrs", "attr"),
    "orjson": ("orjson",),
    "typing_extensions": ("typing_extensions",),
}
#: Licences Debian ships in /usr/share/common-licenses, named by their DEP-5 short name.
COMMON_LICENSES = {"LGPL-3": "LGPL-3", "GPL-2": "GPL-2", "GPL-3": "GPL-3"}


def _dep5_text(text: str) -> str:
    """A licence text as a DEP-5 continuation: each line indented, blank lines as " ."."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return "\n".join(f" {line}" if line else " ." for line in lines)


#: Licences whose full text Debian already ships: (where the text starts, where it ends or None for
#: the end of the file, the file in /usr/share/common-licenses). Lintian refuses copies of them.
_SHIPPED_LICENCES = (
    (r"GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007", r"why-not-lgpl\.html>\.", "GPL-3"),
    (r"Apache License\s+Version 2\.0, January 2004", None, "Apache-2.0"),
)


def _refer_to_common_licences(text: str) -> str:
    for start, end, name in _SHIPPED_LICENCES:
        begin = re.search(start, text)
        if begin is None:
            continue
        finish = re.search(end, text[begin.end() :]) if end else None
        stop = begin.end() + finish.end() if finish else len(text)
        reference = f"[On Debian systems, the full text is in /usr/share/common-licenses/{name}.]"
        text = text[: begin.start()] + reference + text[stop:]
    return text


def _license_files(distribution: str) -> list[str]:
    from importlib import metadata

    dist = metadata.distribution(distribution)
    texts = []
    for file in dist.files or []:
        name = file.name.upper()
        if ".dist-info" in str(file) and (name.startswith(("LICEN", "COPYING"))):
            text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
            texts.append(_refer_to_common_licences(text))
    return texts


def copyright_file() -> str:
    """The machine-readable (DEP-5) copyright: CarePath, Python, then every bundled distribution.

    Licence texts come from the build environment (each wheel's dist-info, Python's LICENSE.txt),
    so the file always describes the versions that were actually bundled.
    """
    import sysconfig
    from importlib import metadata

    static = (PACKAGING / "debian" / "copyright").read_text(encoding="utf-8").strip()
    head, standalone = static.split("\n\nLicense: Expat\n", 1)
    stanzas = [head]
    lib = f"{LIB_DIR.as_posix()}/_internal"
    python_license = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    python_text = (
        python_license.read_text(encoding="utf-8")
        if python_license.exists()
        else "The Python Software Foundation License, version 2."
    )
    stanzas.append(
        f"Files: {lib}/libpython{version}* {lib}/base_library.zip {lib}/python{version}/*\n"
        "Copyright: 2001-2024 Python Software Foundation\n"
        "License: Python\n" + _dep5_text(python_text)
    )
    for distribution, folders in BUNDLED_DISTRIBUTIONS.items():
        try:
            dist = metadata.distribution(distribution)
        except metadata.PackageNotFoundError:
            continue
        files = " ".join(f"{lib}/{folder}/*" for folder in folders)
        license_name = f"{dist.metadata['Name']}-license"
        texts = _license_files(distribution)
        expression = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        expression = expression if len(expression) < 80 else ""  # some put the whole text there
        if not texts and "LGPL-3.0" in expression:
            stanzas.append(
                f"Files: {files}\nCopyright: The Qt Company Ltd and other contributors\n"
                f"License: LGPL-3\n"
                f" {dist.metadata['Name']} {dist.version} is offered under {expression};\n"
                " this package uses it under the LGPL version 3.\n .\n"
                " On Debian systems, the full text of the GNU Lesser General Public License\n"
                " version 3 can be found in /usr/share/common-licenses/LGPL-3."
            )
            continue
        if not texts:
            raise DebFailed(f"{distribution} carries no licence file; add its licence by hand")
        stanzas.append(
            f"Files: {files}\nCopyright: the {dist.metadata['Name']} authors (see below)\n"
            f"License: {license_name}\n"
            + _dep5_text(
                f"{dist.metadata['Name']} {dist.version}: {expression}\n\n" + "\n\n".join(texts)
            )
        )
    stanzas.append("License: Expat\n" + standalone)
    return "\n\n".join(stanzas) + "\n"


def gzip_n(source: bytes, target: Path) -> None:
    """gzip -9n: no name or time in the header, so the same input gives the same bytes."""
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle,
    ):
        handle.write(source)


def release_date(version: str) -> datetime:
    metainfo = (PACKAGING / f"{_init_value('APP_ID')}.metainfo.xml").read_text(encoding="utf-8")
    for found_version, date in METAINFO_RELEASE.findall(metainfo):
        if found_version == version:
            return datetime.fromisoformat(date).replace(tzinfo=UTC)
    raise DebFailed(f'the metainfo has no <release version="{version}">; add one')


def changelog(version: str, who: str) -> bytes:
    when = format_datetime(release_date(version))
    return (
        f"{PACKAGE} ({version}-{DEBIAN_REVISION}) unstable; urgency=medium\n\n"
        f"  * CarePath {version}, frozen with PyInstaller (Python and Qt included).\n\n"
        f" -- {who}  {when}\n"
    ).encode()


def install_file(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def installed_size_kib(stage: Path) -> int:
    total = 0
    for path in stage.rglob("*"):
        if "DEBIAN" in path.relative_to(stage).parts[:1]:
            continue
        total += 1 if path.is_symlink() or path.is_dir() else -(-path.stat().st_size // 1024)
    return total


def md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(stage.rglob("*")):
        relative = path.relative_to(stage)
        if relative.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative.as_posix()}")
    return "\n".join(lines) + "\n"


def architecture() -> str:
    dpkg = _tool("dpkg", "dpkg")
    return subprocess.run(
        [dpkg, "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def control(version: str, arch: str, depends: str, size_kib: int, who: str) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}-{DEBIAN_REVISION}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {who}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: private, offline skills planner for care coordinators\n"
        " CarePath helps care coordinators and people moving into care coordination\n"
        " rate themselves on fifteen core skills, see their progress over time,\n"
        " walk the ten steps into the role and export a personal development plan\n"
        " (PDF, HTML or Markdown). Everything stays in one file on this computer.\n"
        " .\n"
        " This package carries its own Python and Qt runtime (a PyInstaller build).\n"
    )


def build_deb(app_dir: Path, out_dir: Path, work_dir: Path) -> Path:
    """Stage the package in ``work_dir``, write the .deb into ``out_dir``; returns its path."""
    dpkg_deb = _tool("dpkg-deb", "dpkg")
    version = _init_value("__version__")
    app_id = _init_value("APP_ID")
    who = maintainer()
    arch = architecture()
    if not (app_dir / PACKAGE).is_file():
        raise DebFailed(f"{app_dir} holds no '{PACKAGE}' executable; build the app first")
    stage = work_dir.resolve() / f"{PACKAGE}_{version}"
    if stage.exists():
        shutil.rmtree(stage)
    print(f"Staging the .deb in {stage} ...", flush=True)
    lib = stage / LIB_DIR
    shutil.copytree(app_dir, lib, symlinks=True)
    executable = lib / PACKAGE

    (stage / "usr/bin").mkdir(parents=True)
    for name in (PACKAGE, f"{PACKAGE}-gui"):
        (stage / "usr/bin" / name).symlink_to(Path("..") / "lib" / PACKAGE / PACKAGE)

    share = stage / "usr/share"
    install_file(PACKAGING / f"{app_id}.desktop", share / "applications" / f"{app_id}.desktop")
    install_file(
        PACKAGING / f"{app_id}.metainfo.xml", share / "metainfo" / f"{app_id}.metainfo.xml"
    )
    hicolor = ROOT / "resources" / "icons" / "hicolor"
    for icon in sorted(hicolor.glob("*/apps/*")):
        install_file(icon, share / "icons" / "hicolor" / icon.relative_to(hicolor))
    man = share / "man" / "man1"
    man.mkdir(parents=True)
    gzip_n((PACKAGING / "carepath.1").read_bytes(), man / "carepath.1.gz")
    (man / "carepath-gui.1.gz").symlink_to("carepath.1.gz")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True, exist_ok=True)
    (doc / "copyright").write_text(copyright_file(), encoding="utf-8")
    gzip_n(changelog(version, who), doc / "changelog.Debian.gz")
    overrides = share / "lintian" / "overrides" / PACKAGE
    install_file(PACKAGING / "debian" / "lintian-overrides", overrides)

    set_modes(stage, {executable})
    debian = stage / "DEBIAN"  # also how dpkg-shlibdeps tells the bundle's libraries apart
    debian.mkdir()
    print("Computing Depends with dpkg-shlibdeps ...", flush=True)
    depends = compute_depends(stage, elf_files(lib))
    size = installed_size_kib(stage)
    (debian / "control").write_text(control(version, arch, depends, size, who), encoding="utf-8")
    (debian / "md5sums").write_text(md5sums(stage), encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{version}-{DEBIAN_REVISION}_{arch}.deb"
    print(f"Writing {deb.name} with dpkg-deb (xz) ...", flush=True)
    subprocess.run(
        [dpkg_deb, "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def main() -> int:
    dist = ROOT / "dist"
    try:
        deb = build_deb(dist / "CarePath", dist, ROOT / "build" / "deb")
    except (DebFailed, subprocess.CalledProcessError) as failure:
        print(f"deb: FAILED: {failure}", file=sys.stderr)
        return 1
    mode = stat.filemode(deb.stat().st_mode)
    print(f"deb: OK: {deb.relative_to(ROOT)} ({deb.stat().st_size / 1e6:.1f} MB, {mode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
