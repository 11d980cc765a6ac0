"""The package as published: `python -m build` makes a wheel and an sdist that `twine check` accepts, that carry the
model and phrase files, and whose wheel, installed into a fresh virtualenv, cleans a page."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

from .conftest import ROOT, SAMPLES

DATA_FILES = (
    "cleaner/extract/models/blocks.json",
    "cleaner/text/models/lines.json",
    "cleaner/text/models/line_words.json",
    "cleaner/shared/phrases/en.json",
    "cleaner/shared/phrases/zh.json",
)

COMPILED = ("cleaner/extract/_walk.", "cleaner/shared/_trees.")  # the compiled loops (setup.py)


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command to completion, failing the test with its output when it fails."""
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def test_the_wheel_and_sdist_build_pass_twine_and_the_wheel_cleans_a_page(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    wheel, sdist = next(dist.glob("*.whl")), next(dist.glob("*.tar.gz"))
    assert wheel.name.startswith("article_cleaner-") and sdist.name.startswith("article_cleaner-")
    run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)
    names = zipfile.ZipFile(wheel).namelist()
    assert set(DATA_FILES) <= set(names)
    assert all(any(n.startswith(module) and n.endswith(".so") for n in names) for module in COMPILED), names
    with tarfile.open(sdist) as archive:
        assert all(any(name.endswith("src/" + f) for name in archive.getnames()) for f in DATA_FILES)

    # a fresh virtualenv that borrows this one's dependencies (a path entry, so this checkout's editable install,
    # which a .pth hook provides, is not seen), with the wheel installed on its own
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel)
    where = run(python, "-c", "import cleaner; print(cleaner.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(site)), where
    uses = (
        "import importlib, lxml.etree as e; built = importlib.import_module('cleaner.extract._walk').LXML_VERSION;"
        " print(built == e.__version__, importlib.import_module('cleaner.extract.segment')._COMPILED is not None)"
    )
    same, used = run(python, "-c", uses, cwd=tmp_path).stdout.split()
    # the compiled walk runs when built against the lxml it runs with (the build may have fetched a newer lxml than
    # the one installed here), and the Python walk otherwise
    assert used == same
    page = SAMPLES / "html" / "0221.html"
    cleaned = run(env / "bin" / "cleaner", "clean", page, "--format", "json", cwd=tmp_path).stdout
    assert "Experts say the growth of Lilly" in cleaned and '"title": "' in cleaned
