"""Every chapter ends with a summary and checked exercises, as the book promises.

Each exercise has a scaffold that runs as shipped and says it is waiting for an
answer, and a solution, folded away in the HTML book (``hide-cell``) and in
Colab (its ``# @title``), whose check passes in the committed run (nbval
re-runs it and compares).
"""

import re

import pytest

from tools.bookconfig import chapter_notebooks, read_notebook

NOTEBOOKS = chapter_notebooks()


def outputs_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append("".join(output["text"]))
        elif "data" in output:
            parts.append("".join(output["data"].get("text/plain", "")))
    return "".join(parts)


def sections(notebook):
    return [
        line
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith("## ")
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_chapter_ends_with_summary_then_exercises(path):
    headings = sections(read_notebook(path))
    assert headings[-2:] == ["## Summary", "## Exercises"], headings[-3:]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_exercise_has_a_waiting_scaffold_and_a_passing_folded_solution(path):
    cells = read_notebook(path)["cells"]
    start = next(
        i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and "## Exercises" in "".join(c["source"])
    )
    exercises = [
        i for i, c in enumerate(cells) if i >= start and re.search(r"^### Exercise \d", "".join(c["source"]), re.M)
    ]
    assert len(exercises) >= 2, "at least two exercises"
    solutions = [c for c in cells[start:] if "solution" in c.get("metadata", {}).get("tags", [])]
    assert len(solutions) == len(exercises), "one solution per exercise"
    for number, solution in enumerate(solutions, start=1):
        source = "".join(solution["source"])
        assert source.startswith(f"# @title Solution to exercise {number}"), source[:60]
        assert "hide-cell" in solution["metadata"]["tags"], "a solution is folded away, output included"
        assert solution["metadata"].get("cellView") == "form", "Colab folds it to its title"
        assert "✓" in outputs_text(solution) and "✗" not in outputs_text(solution), (
            f"solution {number} must pass its check: {outputs_text(solution)[:200]!r}"
        )
    scaffolds = [
        c for c in cells[start:] if c["cell_type"] == "code" and "solution" not in c.get("metadata", {}).get("tags", [])
    ]
    waiting = [c for c in scaffolds if "waiting for your answer" in outputs_text(c)]
    assert len(waiting) >= len(exercises), "each exercise's scaffold runs as shipped and waits for an answer"
