"""Repository checks: the table of contents, the configuration, the launch links."""

import re

import pytest
import yaml

from tools import colab_versions
from tools.bookconfig import BOOK, CONFIG, ROOT, TOC, chapter_notebooks, edition_path, repository
from tools.colab_versions import FRAMEWORKS


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
def test_colab_links_open_the_chapters_edition_in_the_configured_repository(notebook):
    # Colab opens the plain-Markdown edition (colab/), not the MyST source (book/), which it cannot render.
    repo = repository()
    expected = (
        f"https://colab.research.google.com/github/{repo.owner}/{repo.name}/blob/{repo.branch}/colab/{notebook.name}"
    )
    assert repo.colab_url(notebook) == expected
    assert edition_path(notebook).is_file(), f"no edition of {notebook.name}: run `python -m tools.colab_edition`"


def test_the_published_pages_follow_the_configured_repository():
    repo = repository()
    site = f"https://{repo.owner.lower()}.github.io/{repo.name}/"
    assert repo.site_url == site
    assert repo.page_url(BOOK / "references.md") == f"{site}book/references.html"
    assert repo.page_url(BOOK / "04_lstm.ipynb", "gates") == f"{site}book/04_lstm.html#gates"


def test_the_readme_links_the_published_book_and_each_chapters_edition():
    readme = (ROOT / "README.md").read_text()
    repo = repository()
    assert repo.site_url in readme
    for notebook in chapter_notebooks():
        link = f"colab/{notebook.name}"
        assert f"]({link})" in readme, f"README.md: the chapter table does not link {link}"


def requirement_lines(name):
    text = (ROOT / name).read_text()
    return [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]


def test_requirements_are_pinned():
    lines = [line for line in requirement_lines("requirements.txt") if not line.startswith("-e ")]
    for line in lines:
        assert re.search(r"(==|~=|<)", line), f"requirements.txt: {line!r} is not pinned"
    jupyter_book = next(line for line in lines if line.startswith("jupyter-book"))
    assert "<2" in jupyter_book.replace(" ", ""), "the book uses the Jupyter Book 1.x layout"


def test_requirements_install_the_helper_package():
    for name in ("requirements.txt", "requirements-colab.txt"):
        assert "-e ./book" in requirement_lines(name), f"{name} installs rnnbook"


def test_colab_requirements_pin_every_package_and_the_frameworks_colab_ships():
    lines = [line for line in requirement_lines("requirements-colab.txt") if not line.startswith("-e ")]
    assert all(re.fullmatch(r"[\w.-]+==[\w.]+", line) for line in lines), "requirements-colab.txt: pin with =="
    assert set(FRAMEWORKS) <= set(colab_versions.pinned())


def test_the_colab_version_check_names_each_difference():
    pins = {"numpy": "2.0.2", "keras": "3.13.2", "matplotlib": "3.10.0"}
    assert colab_versions.differences(pins, {"numpy": "2.0.2", "keras": "3.13.2", "matplotlib": "3.10.0"}) == []
    assert colab_versions.differences(pins, {"numpy": "2.1.0", "keras": "3.13.2", "matplotlib": None}) == [
        "numpy: requirements-colab.txt pins 2.0.2, the image has 2.1.0",
        "matplotlib: requirements-colab.txt pins 3.10.0, the image has none",
    ]
