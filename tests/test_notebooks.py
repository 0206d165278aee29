"""Checks on the committed chapter notebooks themselves (nbval separately re-runs them).

Every chapter must open with the Colab setup cell for ``_config.yml``'s repository,
carry a ``parameters`` cell, and be committed with the outputs of one clean
top-to-bottom run that shows no errors, no log noise and no stray reprs.
"""

import ast
import re

import pytest

from tools.bookconfig import chapter_notebooks, read_notebook, setup_cell, setup_cell_source

NOTEBOOKS = chapter_notebooks()
IDS = [path.stem for path in NOTEBOOKS]

# The hyperparameters of the 2016 series: a chapter that uses one of these names uses its value.
SERIES_2016 = {
    "total_series_length": 50000,
    "truncated_backprop_length": 15,
    "state_size": 4,
    "num_classes": 2,
    "echo_step": 3,
    "batch_size": 5,
    "num_layers": 3,
}

TF_LOG_NOISE = re.compile(
    r"I0000 |W0000 |E0000 |cpu_feature_guard|absl::InitializeLog|cuInit|cudart_stub|oneDNN custom operations"
    r"|This TensorFlow binary is optimized"
)
LOCAL_PATHS = re.compile(r"/work/|/home/|/root/|site-packages|\.venv")


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def output_texts(cell):
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            yield output["name"], "".join(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            for mime, value in output["data"].items():
                if mime.startswith("text/") or mime.startswith("application/papermill"):
                    yield output["output_type"], "".join(value) if isinstance(value, list) else str(value)


def test_there_are_chapters():
    assert NOTEBOOKS, "no notebooks found in book/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_first_code_cell_is_the_colab_setup_for_the_configured_repository(path):
    notebook = read_notebook(path)
    first = code_cells(notebook)[0]
    assert first is setup_cell(notebook), "the Colab setup cell must be the first code cell"
    assert "".join(first["source"]) == setup_cell_source(), (
        "the setup cell must install the package from _config.yml's repository and branch; "
        "make it read exactly:\n" + setup_cell_source()
    )
    assert not first.get("outputs"), "the setup cell prints nothing outside Colab"
    assert "hide-input" in first["metadata"]["tags"], "the setup cell is folded away in the HTML book (hide-input)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_one_title_and_the_python3_kernel(path):
    notebook = read_notebook(path)
    markdown = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"]
    titles = [line for cell in markdown for line in "".join(cell["source"]).splitlines() if line.startswith("# ")]
    assert len(titles) == 1 and "".join(notebook["cells"][0]["source"]).startswith("# "), (
        "a chapter opens with its only H1 title"
    )
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_parameters_cell_holds_plain_assignments_with_the_2016_values(path):
    cells = [c for c in code_cells(read_notebook(path)) if "parameters" in c["metadata"].get("tags", [])]
    assert len(cells) == 1, "exactly one cell is tagged 'parameters'"
    tree = ast.parse("".join(cells[0]["source"]))
    values = {}
    for statement in tree.body:
        assert isinstance(statement, ast.Assign) and len(statement.targets) == 1, (
            "the parameters cell holds only `name = value` lines, so papermill can override them"
        )
        values[statement.targets[0].id] = ast.literal_eval(statement.value)
    assert "seed" in values
    for name, value in values.items():
        if name in SERIES_2016:
            assert value == SERIES_2016[name], f"{name} should keep the 2016 value {SERIES_2016[name]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_come_from_one_clean_run(path):
    cells = code_cells(read_notebook(path))
    counts = [cell["execution_count"] for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), (
        "execution counts are not 1..n: re-run with `python -m tools.execute_notebooks`"
    )
    for index, cell in enumerate(cells):
        kinds = {output["output_type"] for output in cell.get("outputs", [])}
        assert "error" not in kinds, f"code cell {index} stored an error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_are_free_of_noise(path):
    for index, cell in enumerate(code_cells(read_notebook(path))):
        for kind, text in output_texts(cell):
            where = f"code cell {index}"
            assert kind != "stderr", f"{where} wrote to stderr: {text[:200]!r}"
            assert not TF_LOG_NOISE.search(text), f"{where} shows TensorFlow log noise: {text[:200]!r}"
            assert not LOCAL_PATHS.search(text), f"{where} shows a local path: {text[:200]!r}"
            if kind == "execute_result":
                assert not re.search(r"<(Figure size|matplotlib\.)", text), f"{where} shows a stray matplotlib repr"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_run_dependent_outputs_are_not_compared(path):
    """Timings and training logs change from run to run: those cells carry NBVAL_IGNORE_OUTPUT."""
    for index, cell in enumerate(code_cells(read_notebook(path))):
        texts = " ".join(text for _, text in output_texts(cell))
        if re.search(r"\(\d+(\.\d+)? s\)|held-out accuracy \d|ms per window", texts):
            assert "NBVAL_IGNORE_OUTPUT" in "".join(cell["source"]), (
                f"code cell {index} prints timings or training results; mark it # NBVAL_IGNORE_OUTPUT"
            )
