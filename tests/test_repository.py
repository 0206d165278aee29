"""Repository checks: the table of contents, the configuration, the launch links."""

import re

import pytest
import yaml

from tools.bookconfig import CONFIG, ROOT, TOC, chapter_notebooks, repository


def toc_files():
    toc = yaml.safe_load(TOC.read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_every_notebook_is_in_the_toc_and_every_toc_entry_exists():
    listed = toc_files()
    assert len(listed) == len(set(listed)), "a file is listed twice in _toc.yml"
    for entry in listed:
        matches = [ROOT / f"{entry}{suffix}" for suffix in (".ipynb", ".md") if (ROOT / f"{entry}{suffix}").exists()]
        assert len(matches) == 1, f"_toc.yml lists {entry!r}, which is not exactly one .ipynb or .md file"
    for notebook in chapter_notebooks():
        assert notebook.relative_to(ROOT).with_suffix("").as_posix() in listed, f"{notebook} is not in _toc.yml"


def test_chapters_are_listed_in_file_order():
    chapters = [entry for entry in toc_files() if re.match(r"book/\d\d_", entry)]
    assert chapters == sorted(chapters)


def test_config_executes_every_notebook_strictly():
    config = yaml.safe_load(CONFIG.read_text())
    assert config["execute"]["execute_notebooks"] == "force"
    assert config["execute"]["raise_on_error"] is True
    assert config["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    assert config["html"]["use_repository_button"] and config["html"]["use_issues_button"]


def test_repository_address_is_a_github_repository():
    repo = repository()
    assert repo.url.startswith("https://github.com/") and repo.branch


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_colab_links_follow_the_configured_repository(notebook):
    repo = repository()
    expected = (
        f"https://colab.research.google.com/github/{repo.owner}/{repo.name}/blob/{repo.branch}/book/{notebook.name}"
    )
    assert repo.colab_url(notebook) == expected


def test_requirements_are_pinned():
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.split("#")[0].strip() and not line.startswith("-e ")
    ]
    for line in lines:
        assert re.search(r"(==|~=|<)", line), f"requirements.txt: {line!r} is not pinned"
    jupyter_book = next(line for line in lines if line.startswith("jupyter-book"))
    assert "<2" in jupyter_book.replace(" ", ""), "the book uses the Jupyter Book 1.x layout"


def test_requirements_install_the_helper_package():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    assert any(line.split("#")[0].strip() == "-e ./book" for line in lines), "requirements.txt installs rnnbook"
