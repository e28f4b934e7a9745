"""The command line's own sentences follow ``--lang`` (and a Spanish system locale): its result
lines on stdout and its one-sentence refusals on stderr, as real subprocesses on real files.

English stays byte-identical (tests/cli/test_cli.py and scripts rely on it); these tests check the
Spanish wording, that no English of ours is left in it, and the exit status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_cli import PACKAGE_PARENT, assert_refused, carepath_cli


def spanish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return carepath_cli("--lang", "es", *args)


def assessed(data: Path) -> Path:
    result = carepath_cli("assess", "--data", data, "communication=3", "ethics=4")
    assert result.returncode == 0, result.stderr
    return data


def test_skills_assess_and_export_lines(data_path: Path, tmp_path: Path) -> None:
    assert spanish("skills").stdout.startswith("Habilidades:")
    saved = spanish("assess", "--data", data_path, "communication=3", "ethics=4")
    assert saved.returncode == 0, saved.stderr
    assert (
        saved.stdout == f"Se guardó una evaluación de 2 habilidades en {data_path} (1 en total).\n"
    )
    out = tmp_path / "plan.md"
    wrote = spanish("export", "--data", data_path, "--format", "md", "--out", out)
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stdout == f"Se escribió {out}\n"


def test_a_spanish_system_locale_is_enough(data_path: Path) -> None:
    env = dict(os.environ, LANG="es_MX.UTF-8", LC_ALL="es_MX.UTF-8", LANGUAGE="es_MX")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "carepath", "assess", "--data", str(data_path), "ethics=2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Se guardó una evaluación de 1 habilidades"), result.stdout


def test_missing_damaged_and_newer_files_are_refused_in_spanish(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = spanish("export", "--data", missing, "--format", "csv", "--out", tmp_path / "o.csv")
    assert_refused(result, f"{missing} no existe; revise el nombre e intente de nuevo.")

    damaged = tmp_path / "damaged.json"
    damaged.write_text("{broken", encoding="utf-8")
    result = spanish("export", "--data", damaged, "--format", "csv", "--out", tmp_path / "o.csv")
    assert_refused(result, f"{damaged} no es un archivo de CarePath legible; quedó sin cambios")
    assert damaged.read_text(encoding="utf-8") == "{broken"

    newer = assessed(tmp_path / "newer.json")
    document = json.loads(newer.read_text(encoding="utf-8"))
    document["meta"]["1"]["schema_version"] = 99
    newer.write_text(json.dumps(document), encoding="utf-8")
    result = spanish("assess", "--data", newer, "ethics=2")
    assert_refused(result, f"{newer} se guardó con una versión más reciente de CarePath")
    assert not (tmp_path / "o.csv").exists()


def test_english_refusal_is_unchanged(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = carepath_cli(
        "--lang", "en", "export", "--data", missing, "--format", "csv", "--out", tmp_path / "o"
    )
    assert result.returncode == 1
    assert result.stderr == f"carepath: {missing} does not exist; check the name and try again.\n"


def test_a_bad_backup_and_a_bad_rating(data_path: Path, tmp_path: Path) -> None:
    assessed(data_path)
    before = data_path.read_bytes()
    not_backup = tmp_path / "other.json"
    not_backup.write_text("{}", encoding="utf-8")
    result = spanish("import", "--data", data_path, not_backup)
    assert_refused(result, "Este archivo no es una copia de seguridad de CarePath")
    assert "This file" not in result.stderr

    broken = tmp_path / "broken.json"
    broken.write_text("[1,", encoding="utf-8")
    result = spanish("import", "--data", data_path, broken)
    assert_refused(result, f"No se puede importar {broken}: no es JSON válido (", "columna")
    assert "Cannot import" not in result.stderr
    english = carepath_cli("--lang", "en", "import", "--data", data_path, broken)
    assert english.stderr.startswith(f"carepath: Cannot import {broken}: it is not valid JSON (")

    result = spanish("assess", "--data", data_path, "comunication=3")
    assert_refused(result, "Habilidad desconocida 'comunication'; ¿quiso decir 'communication'?")
    assert data_path.read_bytes() == before


def test_path_with_a_bad_stage_pair() -> None:
    result = spanish("path", "--from", "senior", "--to", "entry")
    assert_refused(result, "'entry' no está por encima de 'senior'", "elija en --to")


def test_review_request_line(data_path: Path, tmp_path: Path) -> None:
    assessed(data_path)
    out = tmp_path / "review.html"
    result = spanish("review-request", "--data", data_path, "--out", out, "--name", "Ana")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Se escribió el formulario de evaluación {out} (solicitud ")
    assert result.stdout.rstrip().endswith("envíelo a la persona que lo evaluará.")

    result = spanish("review-request", "--data", data_path, "--out", tmp_path)
    assert_refused(result, f"{tmp_path} es una carpeta;")


def test_team_lines(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    data = assessed(tmp_path / "me.json")
    share = folder / "me-share.json"
    result = spanish("export", "--data", data, "--format", "share", "--out", share)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Se escribió {share}\n"
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "team.csv"
    result = spanish("team", folder, "--format", "csv", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Se escribió {out}: 1 personas, 1 archivos omitidos.\n"
    assert result.stderr == (
        "carepath: se omitió notes.json: "
        "no es una copia de seguridad ni un archivo compartido de CarePath\n"
    )

    empty = tmp_path / "empty"
    empty.mkdir()
    result = spanish("team", empty, "--format", "csv", "--out", out)
    assert_refused(result, "No se pudo leer ninguna copia de seguridad ni archivo compartido")


def test_a_file_in_use_and_a_refused_write(data_path: Path, tmp_path: Path) -> None:
    from carepath.core.lock import DataLock

    assessed(data_path)
    with DataLock(data_path):
        result = spanish("assess", "--data", data_path, "ethics=2")
    assert_refused(result, f"{data_path} está abierto en otra ventana o comando de CarePath")

    out = tmp_path / "no-such-folder" / "history.csv"
    result = spanish("export", "--data", data_path, "--format", "csv", "--out", out)
    assert_refused(result, "El disco rechazó la escritura; no se cambió nada.")
    assert not out.parent.exists()
