"""Rewrite every notebook's Colab setup cell from ``_config.yml``.

The cell is also tagged ``hide-input``: on Colab it must run first, but in the
HTML book it is plumbing, so it is folded away behind a "show" toggle.

Run it after changing ``repository:`` (for example in a fork):

    python -m tools.sync_colab_cells
"""

from __future__ import annotations

import pathlib
import sys

import nbformat

from tools.bookconfig import SETUP_TAG, chapter_notebooks, setup_cell_source

HIDDEN_IN_HTML = "hide-input"


def sync(path: pathlib.Path) -> bool:
    """Bring one notebook's setup cell up to date; True if it changed."""
    notebook = nbformat.read(path, as_version=4)
    source = setup_cell_source()
    for cell in notebook.cells:
        if cell.cell_type == "code" and SETUP_TAG in cell.metadata.get("tags", []):
            tags = cell.metadata["tags"]
            if cell.source == source and HIDDEN_IN_HTML in tags:
                return False
            cell.source = source
            if HIDDEN_IN_HTML not in tags:
                tags.append(HIDDEN_IN_HTML)
            nbformat.write(notebook, path)
            return True
    raise SystemExit(f"{path}: no code cell is tagged {SETUP_TAG!r}; tag the first code cell so it can be synced.")


def main(paths: list[str]) -> None:
    notebooks = [pathlib.Path(p) for p in paths] or chapter_notebooks()
    for path in notebooks:
        if sync(path):
            print(f"updated {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
