"""Point each chapter's "launch on Colab" button at its Colab edition.

sphinx-book-theme links Colab to the page's source notebook,
``book/NN_name.ipynb``, whose MyST markup (citations, glued numbers, dropdowns)
Colab shows as raw text; it has no option to link elsewhere.
``tools/colab_edition.py`` writes a plain-Markdown edition of every chapter
to ``colab/NN_name.ipynb``; this rewrites the button's link to it, after the
theme has made its buttons (``html-page-context``, priority 501). A chapter
without an edition keeps its link and logs a warning, which fails the strict
build.
"""

from pathlib import Path, PurePosixPath

from sphinx.util import logging

# As tools/bookconfig.py's EDITION; tests/test_book_extensions.py checks it.
EDITION_FOLDER = "colab"

logger = logging.getLogger(__name__)


def _colab_buttons(context):
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            for button in group.get("buttons", []):
                if button.get("text") == "Colab":
                    yield button


def link_colab_to_edition(app, pagename, templatename, context, doctree):
    """Rewrite ``.../blob/BRANCH/book/NN.ipynb`` to ``.../colab/NN.ipynb``."""
    theme_options = app.config.html_theme_options
    prefix = theme_options.get("path_to_docs", "").strip("/")
    prefix = f"{prefix}/" if prefix else ""
    source = f"{prefix}{pagename}.ipynb"
    name = PurePosixPath(pagename).name + ".ipynb"
    for button in _colab_buttons(context):
        if not button["url"].endswith(f"/{source}"):
            continue
        if not (Path(app.srcdir) / EDITION_FOLDER / name).is_file():
            logger.warning(
                f"{pagename}: no Colab edition {EDITION_FOLDER}/{name}; "
                "write it with `python -m tools.colab_edition`"
            )
            continue
        edition = f"{prefix}{EDITION_FOLDER}/{name}"
        button["url"] = button["url"][: -len(source)] + edition


def setup(app):
    app.connect("html-page-context", link_colab_to_edition, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
