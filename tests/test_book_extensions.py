"""The book's local Sphinx extension (book/_ext)."""

import sys

from sphinx.builders.html._assets import _JavaScript

from tools.bookconfig import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
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
