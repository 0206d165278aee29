"""Chapter 11's Colab budget runs end to end and beats every counting baseline (slow: `pytest -m slow`).

The chapter runs with ``budget = "colab"`` (all of the training text, a wider network with dropout,
thousands of windows), through papermill as every other parameter check does. Its own closing check
asserts that the network beats the best Kneser-Ney model as well as add-k. It does some forty times
the arithmetic of the book's budget: about 45 minutes on two CPU cores. To follow it
as it runs:

    pytest -m slow tests/test_char_lm_budgets.py -o log_cli=true --log-cli-level=INFO
"""

import pytest

from tools.bookconfig import BOOK
from tools.execute_notebooks import execute_with

pytestmark = pytest.mark.slow

CHAPTER = BOOK / "11_char_lm.ipynb"


def glued(notebook, name):
    """A value the chapter glued, from the executed notebook's outputs."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            value = output.get("data", {}).get("application/papermill.record/text/plain")
            if value is not None and output.get("metadata", {}).get("scrapbook", {}).get("name") == name:
                return float(value)
    raise KeyError(f"the chapter glued no value named {name!r}")


def test_the_colab_budget_beats_kneser_ney():
    # the closing check raises (and papermill with it) unless heldout_bpc < best_kn_bpc
    notebook = execute_with(CHAPTER, {"budget": "colab"}, timeout=6 * 3600, log_output=True)
    assert glued(notebook, "heldout_bpc") < glued(notebook, "best_kn_bpc")
