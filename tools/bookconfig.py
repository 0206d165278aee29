"""What the notebooks and tests need from ``_config.yml``: the repository address, read in one place."""

from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"
TOC = ROOT / "_toc.yml"
BOOK = ROOT / "book"
EDITION = ROOT / "colab"  # the Colab/GitHub edition of each chapter (tools/colab_edition.py)
SETUP_TAG = "colab-setup"


@dataclass(frozen=True)
class Repository:
    """The GitHub repository the book is published from."""

    owner: str
    name: str
    branch: str
    path_to_book: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.owner}/{self.name}"

    @property
    def site_url(self) -> str:
        """Where GitHub Pages publishes the built book (ends with a slash)."""
        if self.name.lower() == f"{self.owner.lower()}.github.io":  # a user or organisation site
            return f"https://{self.name.lower()}/"
        return f"https://{self.owner.lower()}.github.io/{self.name}/"

    def page_url(self, source: pathlib.Path, anchor: str = "") -> str:
        """The published page built from ``source`` (a chapter, ``book/references.md`` ...).

        Jupyter Book writes ``<book root>/x/y.ipynb`` or ``.md`` to ``_build/html/x/y.html``.
        """
        relative = source.resolve().relative_to(ROOT).with_suffix(".html").as_posix()
        return f"{self.site_url}{relative}" + (f"#{anchor}" if anchor else "")

    def colab_url(self, notebook: pathlib.Path) -> str:
        """The "open in Colab" address of a chapter: its Colab edition, whose Markdown Colab renders."""
        relative = edition_path(notebook).relative_to(ROOT).as_posix()
        return f"https://colab.research.google.com/github/{self.owner}/{self.name}/blob/{self.branch}/{relative}"


def repository() -> Repository:
    """The ``repository:`` block of ``_config.yml``."""
    block = yaml.safe_load(CONFIG.read_text())["repository"]
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+?)/?", block["url"])
    if not match:
        raise ValueError(
            f"_config.yml repository.url must look like https://github.com/OWNER/NAME, got {block['url']!r}"
        )
    return Repository(match[1], match[2], block.get("branch", "main"), (block.get("path_to_book") or "").strip("/"))


def book_title() -> str:
    """The book's title, ``title:`` in ``_config.yml``."""
    return yaml.safe_load(CONFIG.read_text())["title"]


def edition_path(notebook: pathlib.Path) -> pathlib.Path:
    """Where the Colab/GitHub edition of a chapter lives: ``colab/`` + the chapter's file name."""
    return EDITION / notebook.name


def chapter_notebooks() -> list[pathlib.Path]:
    """Every notebook of the book, in file-name order."""
    return sorted(p for p in BOOK.glob("*.ipynb"))


def package_requirement(repo: Repository | None = None) -> str:
    """What pip installs on Colab: the helper package, from the repository at the book's branch."""
    repo = repo or repository()
    package_dir = "/".join(part for part in (repo.path_to_book, "book") if part)
    return f"rnnbook @ git+{repo.url}@{repo.branch}#subdirectory={package_dir}"


def setup_cell_source(repo: Repository | None = None) -> str:
    """The first code cell of every notebook: on Colab only, install the helper package; then import it."""
    repo = repo or repository()
    package_dir = "/".join(part for part in (repo.path_to_book, "book") if part)
    return f"""\
import sys

if "google.colab" in sys.modules:  # Colab: install the book's helper package
    book = "{repo.owner}/{repo.name}@{repo.branch}#subdirectory={package_dir}"
    %pip install --quiet "rnnbook @ git+https://github.com/{{book}}"
import rnnbook"""


def setup_cell(notebook: dict) -> dict:
    """The notebook's setup cell (tagged ``colab-setup``); raises if it has none."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and SETUP_TAG in cell.get("metadata", {}).get("tags", []):
            return cell
    raise ValueError(f"no code cell is tagged {SETUP_TAG!r}")


def read_notebook(path: pathlib.Path) -> dict:
    return json.loads(path.read_text())
