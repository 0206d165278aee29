"""Every chapter must keep working with other sensible parameters and another seed (slow: `pytest -m slow`).

Each chapter is executed by papermill in a fresh kernel with its ``parameters``
cell overridden; its own closing check decides whether it still learned.
Nothing is tuned to the committed seed.
"""

import ast

import pytest

from tools.bookconfig import chapter_notebooks, read_notebook
from tools.execute_notebooks import execute_with

pytestmark = pytest.mark.slow

VARIANTS = {
    "another seed": {"seed": 7},
    "other sizes": {"seed": 11, "echo_step": 2, "batch_size": 4, "total_series_length": 40000},
}


def parameter_names(path):
    cell = next(c for c in read_notebook(path)["cells"] if "parameters" in c["metadata"].get("tags", []))
    return {node.targets[0].id for node in ast.parse("".join(cell["source"])).body}


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_chapter_runs_with_other_parameters(path, variant):
    names = parameter_names(path)
    overrides = {name: value for name, value in VARIANTS[variant].items() if name in names}
    if variant != "another seed" and len(overrides) < 2:
        pytest.skip("the chapter has none of these sizes among its parameters")
    execute_with(path, overrides)  # raises PapermillExecutionError if any cell, or the closing check, fails
