"""Re-execute notebooks in place, top to bottom in a fresh kernel, ready to commit with their outputs.

    python -m tools.execute_notebooks                     # every chapter
    python -m tools.execute_notebooks book/02_*.ipynb     # only these

Run it after editing a chapter. It first syncs the Colab setup cell from
``_config.yml``, then runs the notebook with its working directory in
``book/`` (where the helper package lives), writes the outputs back, and
rewrites the chapter's Colab/GitHub edition in ``colab/`` (tools/colab_edition.py).
"""

from __future__ import annotations

import argparse
import pathlib
import time

import nbformat
from nbclient import NotebookClient

from tools.bookconfig import BOOK, ROOT, chapter_notebooks
from tools.colab_edition import write_edition
from tools.sync_colab_cells import sync

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def inject_parameters(notebook: nbformat.NotebookNode, parameters: dict[str, object]) -> None:
    """Add a cell that overrides the ``parameters`` cell, as papermill does."""
    for index, cell in enumerate(notebook.cells):
        if "parameters" in cell.metadata.get("tags", []):
            source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
            injected = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
            notebook.cells.insert(index + 1, injected)
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def execute(
    path: pathlib.Path, parameters: dict[str, object] | None = None, timeout: int = 600
) -> nbformat.NotebookNode:
    """Run one notebook in a fresh kernel and return it with its outputs (the file is not touched)."""
    notebook = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(notebook, parameters)
    notebook.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(BOOK)}},
    )
    client.execute()
    return notebook


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path, help="notebooks to run (default: every chapter)")
    args = parser.parse_args()
    for path in args.notebooks or chapter_notebooks():
        sync(path)
        start = time.perf_counter()
        notebook = execute(path)
        nbformat.write(notebook, path)
        edition = write_edition(path)
        print(f"{path}: executed in {time.perf_counter() - start:.1f} s; edition {edition.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
