"""The Colab path, tested by its logic: no Colab is reachable from a test machine.

The setup cell runs in a real IPython shell in a fresh process. Pretending to
be Colab (a stub ``google.colab`` module), its ``%pip`` must ask for the
helper package from the configured repository and branch; elsewhere it must
install nothing. The package itself must install with pip, data files included.
"""

import json
import shlex
import shutil
import subprocess
import sys
import textwrap

from tools.bookconfig import BOOK, package_requirement, setup_cell_source

RUN_CELL = textwrap.dedent(
    """
    import json, sys, types
    from IPython.core.interactiveshell import InteractiveShell

    if {on_colab}:
        sys.modules["google"] = types.ModuleType("google")
        sys.modules["google.colab"] = types.ModuleType("google.colab")
    shell = InteractiveShell.instance()
    installs = []
    shell.register_magic_function(installs.append, "line", "pip")  # record, don't install
    result = shell.run_cell({cell!r})
    result.raise_error()
    print(json.dumps({{"installs": installs, "package": shell.user_ns["rnnbook"].__file__}}))
    """
)


def run_setup_cell(on_colab: bool) -> dict:
    script = RUN_CELL.format(on_colab=on_colab, cell=setup_cell_source())
    run = subprocess.run([sys.executable, "-c", script], cwd=BOOK, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_on_colab_the_cell_installs_the_package_from_the_configured_branch():
    report = run_setup_cell(on_colab=True)
    assert len(report["installs"]) == 1, "one %pip line, run once"
    # only the package: Colab's own TensorFlow is never replaced
    assert shlex.split(report["installs"][0]) == ["install", "--quiet", package_requirement()]


def test_outside_colab_the_cell_installs_nothing_and_imports_the_package():
    report = run_setup_cell(on_colab=False)
    assert report["installs"] == []
    assert report["package"].endswith("rnnbook/__init__.py")


def test_the_package_installs_with_pip_and_carries_its_data(tmp_path):
    # a copy of what pip reads from the repository, so the build leaves nothing behind
    source = tmp_path / "book"
    shutil.copytree(BOOK / "rnnbook", source / "rnnbook", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BOOK / "pyproject.toml", source)
    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    run = subprocess.run([*install, "--target", str(target), str(source)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    # the corpus of chapter 11 is found, and its checksum checked, from the installed package
    probe = (
        "import rnnbook, rnnbook.text, importlib.resources as r; print(rnnbook.__file__); "
        "print(r.files('rnnbook').joinpath('README.md').is_file()); print(len(rnnbook.text.load_shakespeare()))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(target)}, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    location, has_readme, corpus_length = run.stdout.split()
    assert location.startswith(str(target)) and has_readme == "True" and corpus_length == "1115394"
