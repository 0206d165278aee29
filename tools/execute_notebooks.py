"""Re-execute notebooks in place, top to bottom in a fresh kernel, ready to commit with their outputs.

    python -m tools.execute_notebooks                     # every chapter
    python -m tools.execute_notebooks book/02_*.ipynb     # only these

Run it after editing a chapter. Each notebook runs with its working directory
in ``book/``, its outputs are written back, and its Colab/GitHub edition in
``colab/`` is rewritten (tools/colab_edition.py). To run a chapter with other
parameters (without touching the file), use :func:`execute_with`, which
papermill drives.
"""

from __future__ import annotations

import argparse
import pathlib
import tempfile
import time

import nbformat
import papermill
from nbclient import NotebookClient

from tools.bookconfig import BOOK, ROOT, chapter_notebooks
from tools.colab_edition import write_edition

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def execute(path: pathlib.Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run one notebook in a fresh kernel and return it with its outputs (the file is not touched)."""
    notebook = nbformat.read(path, as_version=4)
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


def execute_with(
    path: pathlib.Path, parameters: dict[str, object], timeout: int = 600, log_output: bool = False
) -> nbformat.NotebookNode:
    """Run one notebook with its ``parameters`` cell overridden, the papermill way; raises if a cell fails.

    ``log_output`` sends each cell's output to the ``papermill`` logger as it comes, so that a long run
    can be followed (``pytest -o log_cli=true --log-cli-level=INFO``).
    """
    with tempfile.TemporaryDirectory() as scratch:
        output = pathlib.Path(scratch) / path.name
        return papermill.execute_notebook(
            str(path),
            str(output),
            parameters=parameters,
            cwd=str(BOOK),
            kernel_name="python3",
            execution_timeout=timeout,
            progress_bar=False,
            log_output=log_output,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path, help="notebooks to run (default: every chapter)")
    args = parser.parse_args()
    for path in args.notebooks or chapter_notebooks():
        start = time.perf_counter()
        notebook = execute(path)
        nbformat.write(notebook, path)
        edition = write_edition(path)
        print(f"{path}: executed in {time.perf_counter() - start:.1f} s; edition {edition.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
