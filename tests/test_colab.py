"""The Colab path, tested by its logic: no Colab is reachable from a test machine.

The setup cell is run in a fresh Python process that pretends to be Colab (a
stub ``google.colab`` module) with a fake ``git`` on the PATH that "clones" this
checkout and records its arguments. The cell must clone the configured
repository and branch once, put the clone's ``book/`` on ``sys.path`` and
import the helper package from there, and do nothing more when run again.
"""

import json
import os
import subprocess
import sys
import textwrap

from tools.bookconfig import ROOT, repository, setup_cell_source

FAKE_GIT = """#!/bin/sh
# Record the arguments, then "clone" the local checkout into the last argument.
printf '%s\\n' "$@" >> "$GIT_LOG"
for target; do :; done
mkdir -p "$target" && cp -r "$LOCAL_REPOSITORY/book" "$target/book"
"""


def test_setup_cell_clones_once_and_imports_the_package_from_the_clone(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "git").write_text(FAKE_GIT)
    (bin_dir / "git").chmod(0o755)
    content = tmp_path / "content"
    cell = setup_cell_source().replace('"/content/', f'"{content}/')
    script = textwrap.dedent(
        """
        import json, sys, types
        sys.modules["google"] = types.ModuleType("google")
        sys.modules["google.colab"] = types.ModuleType("google.colab")
        cell = {cell!r}
        exec(cell, {{"__name__": "__main__"}})
        exec(cell, {{"__name__": "__main__"}})   # Colab's "run all" twice: nothing new happens
        import rnnbook
        print(json.dumps({{"package": rnnbook.__file__, "path": sys.path[:3]}}))
        """
    ).format(cell=cell)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GIT_LOG": str(tmp_path / "git.log"),
        "LOCAL_REPOSITORY": str(ROOT),
        "PYTHONPATH": "",
    }
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])

    repo = repository()
    clone = content / repo.name
    arguments = (tmp_path / "git.log").read_text().split()
    assert arguments.count("clone") == 1, "the cell must clone only once"
    assert repo.url in arguments and f"--branch={repo.branch}" in arguments and str(clone) in arguments
    assert report["package"].startswith(str(clone / "book" / "rnnbook"))
    assert report["path"].count(str(clone / "book")) == 1


def test_outside_colab_the_cell_only_imports_the_local_package(tmp_path):
    script = setup_cell_source() + "\nprint(rnnbook.__file__)"
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT / "book",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().startswith(str(ROOT / "book" / "rnnbook"))
