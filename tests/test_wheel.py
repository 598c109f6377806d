"""The installed package works anywhere (issue 14): a user with only the wheel installed runs
``news-analysis figures`` in a folder holding ``data/raw/`` and gets the full outputs.

The wheel is built from a copy of the sources with ``pip wheel --no-deps --no-build-isolation``
(setuptools comes with the dev extra, so nothing is downloaded) and installed with ``--no-deps``
into a fresh virtual environment that sees this environment's dependencies through a ``.pth``
line, never its editable copy of ``analysis``: offline and a few seconds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "analysis", src / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    build = subprocess.run([*pip, "wheel", "-q", "--no-deps", "--no-build-isolation",
                            "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True,
                           timeout=300)
    if build.returncode != 0:
        pytest.skip(f"cannot build the wheel offline: {build.stderr.strip()[-300:]}")
    (wheel,) = (tmp / "dist").glob("news_analysis-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    py = venv / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path("
                                "'purelib'))"], capture_output=True, text=True,
                               check=True, timeout=60).stdout.strip())
    # dependencies (pandas, matplotlib, …) from this environment; the package from the wheel
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([*pip, "--python", str(py), "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return venv


def test_wheel_installed_figures_in_a_folder_with_data_raw(installed, tmp_path):
    from analysis.config import RAW_DIR
    from analysis.output import dumps
    from analysis.report import FIGURES, write_outputs

    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import analysis; print(analysis.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True, timeout=60).stdout
    assert where.startswith(str(installed)), where  # the wheel's copy, not the repository's
    folder = tmp_path / "my-project"
    shutil.copytree(RAW_DIR, folder / "data" / "raw")
    res = subprocess.run([str(installed / "bin" / "news-analysis"), "figures"], cwd=folder,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "wrote figures" in res.stderr
    out = folder / "figures"
    for stem in FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (out / "ruto_blinken_2024" / f"{stem}.{ext}").stat().st_size > 0
    assert (out / "ruto_blinken_2024" / "audit.html").is_file()
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# News analysis report")
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    expected = write_outputs(RAW_DIR, tmp_path / "from-repo")
    assert results["articles"] == json.loads(dumps(expected["articles"]))
    assert results["articles"][0]["quotes"]["speech_quotes"] == 9
    # nothing was read from or written into the installed package's folder
    assert not list(installed.glob("lib/python*/site-packages/figures"))
    assert not list(installed.glob("lib/python*/site-packages/data"))
