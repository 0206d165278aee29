"""The book's local Sphinx extensions (book/_ext)."""

import sys
from types import SimpleNamespace

import pytest
from sphinx.builders.html._assets import _JavaScript

from tools.bookconfig import EDITION, ROOT, chapter_notebooks, repository

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import colab_edition_links  # noqa: E402
from inline_scripts_once import drop_repeated_scripts  # noqa: E402


def test_an_inline_script_registered_twice_is_written_once():
    body = 'const THEBE_JS_URL = "x"'
    context = {
        "script_files": [
            _JavaScript("_static/doctools.js"),
            _JavaScript(None, body=body),
            _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
            _JavaScript("", body=body),
        ]
    }
    drop_repeated_scripts(None, "page", "page.html", context, None)
    assert [(s.filename, s.attributes) for s in context["script_files"]] == [
        ("_static/doctools.js", {}),
        (None, {"body": body}),
        ("_static/sphinx-thebe.js", {"async": "async"}),
    ]


def test_distinct_inline_scripts_are_all_kept():
    context = {"script_files": [_JavaScript(None, body="let a = 1"), _JavaScript("", body="let b = 2")]}
    drop_repeated_scripts(None, "page", "page.html", context, None)
    assert len(context["script_files"]) == 2


def test_a_page_without_scripts_is_left_alone():
    context = {}
    drop_repeated_scripts(None, "page", "page.html", context, None)
    assert context == {}


def launch_context(url):
    """The header buttons as sphinx-book-theme leaves them for a notebook page."""
    colab = {"type": "link", "text": "Colab", "tooltip": "Launch on Colab", "url": url}
    return {"header_buttons": [{"type": "group", "label": "launch-buttons", "buttons": [colab]}]}


def theme_app(srcdir=ROOT, path_to_docs=""):
    config = SimpleNamespace(html_theme_options={"path_to_docs": path_to_docs})
    return SimpleNamespace(srcdir=str(srcdir), config=config)


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_the_colab_button_opens_the_chapters_edition(notebook):
    repo = repository()
    theme_url = (
        f"https://colab.research.google.com/github/{repo.owner}/{repo.name}/blob/{repo.branch}/book/{notebook.name}"
    )
    context = launch_context(theme_url)
    colab_edition_links.link_colab_to_edition(theme_app(), f"book/{notebook.stem}", "page.html", context, None)
    assert context["header_buttons"][0]["buttons"][0]["url"] == repo.colab_url(notebook)


def test_the_extension_and_the_tools_agree_on_the_edition_folder():
    assert colab_edition_links.EDITION_FOLDER == EDITION.relative_to(ROOT).as_posix()


def test_a_book_below_the_repository_root_keeps_its_prefix(tmp_path):
    (tmp_path / "colab").mkdir()
    (tmp_path / "colab" / "01_a.ipynb").write_text("{}")
    context = launch_context("https://colab.research.google.com/github/o/r/blob/main/docs/book/01_a.ipynb")
    colab_edition_links.link_colab_to_edition(theme_app(tmp_path, "/docs/"), "book/01_a", "page.html", context, None)
    assert context["header_buttons"][0]["buttons"][0]["url"] == (
        "https://colab.research.google.com/github/o/r/blob/main/docs/colab/01_a.ipynb"
    )


def test_a_chapter_without_an_edition_keeps_its_link_and_warns(tmp_path, caplog):
    url = "https://colab.research.google.com/github/o/r/blob/main/book/01_a.ipynb"
    context = launch_context(url)
    colab_edition_links.link_colab_to_edition(theme_app(tmp_path), "book/01_a", "page.html", context, None)
    assert context["header_buttons"][0]["buttons"][0]["url"] == url
    assert "no Colab edition colab/01_a.ipynb" in caplog.text


def test_pages_without_launch_buttons_are_left_alone():
    context = {"header_buttons": [{"type": "group", "label": "download-buttons", "buttons": []}]}
    colab_edition_links.link_colab_to_edition(theme_app(), "book/intro", "page.html", context, None)
    assert context == {"header_buttons": [{"type": "group", "label": "download-buttons", "buttons": []}]}
