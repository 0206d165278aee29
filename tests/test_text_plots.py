"""Chapter 11's figures draw without error, return None, and refuse malformed input (rnnbook.text_plots)."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

from rnnbook import text, text_plots  # noqa: E402

EXAMPLE = "First Citizen:\nBefore we proceed any further, hear me speak."


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    """The figures shown, in order (drawing.figure closes them after showing)."""
    figures = []
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: figures.append(plt.gcf()))
    yield figures
    assert not plt.get_fignums(), "every figure is closed once shown"


def test_stream_figures(shown):
    vocabulary = text.Vocabulary.from_text(EXAMPLE)
    assert text_plots.plot_text_streams(EXAMPLE, 3, 5) is None
    x, y = text.to_streams(vocabulary.encode(EXAMPLE), 3)
    assert text_plots.plot_next_character(x[0], y[0], vocabulary) is None
    assert len(shown) == 2
    with pytest.raises(ValueError, match="pass a longer text"):
        text_plots.plot_text_streams(EXAMPLE[:10], 3, 5)
    with pytest.raises(ValueError, match="same length"):
        text_plots.plot_next_character(x[0], y[0][:-1], vocabulary)


def test_bpc_figures(shown):
    assert text_plots.plot_bpc_by_order([1, 2], {"add-k": [4.8, 3.9]}, uniform=6.0) is None
    with pytest.raises(ValueError, match="needs 2 values"):
        text_plots.plot_bpc_by_order([1, 2], {"add-k": [4.8]}, uniform=6.0)
    curves = {"carried": ([0, 1, 2], [6.0, 3.5, 3.0]), "reset": ([0, 1, 2], [6.0, 3.6, 3.2])}
    assert text_plots.plot_bpc_curves(curves, {"unigram": 4.8, "KN": 2.7}) is None
    assert len(shown[-1].axes[0].lines) == 4
    text_plots.plot_bpc_curves(curves, {}, title="carried or reset", xlabel="windows")
    assert shown[-1].axes[0].get_title() == "carried or reset"
    assert shown[-1].axes[0].get_ylim()[1] > 6.0  # the untrained start is in view
    assert text_plots.plot_bpc_by_position({"a": np.linspace(5, 3, 8)}, {"unigram": 4.8}) is None
    text_plots.plot_bpc_by_position({"a": np.linspace(6, 3, 8)}, {}, top=4.0)
    axes = shown[-1].axes[0]
    assert axes.get_ylim()[1] == 4.0
    assert [t.get_text() for t in axes.texts] == [
        "6.00 \u2191",
        "5.57 \u2191",
        "5.14 \u2191",
        "4.71 \u2191",
        "4.29 \u2191",
    ]


def test_side_by_side_keeps_columns_aligned():
    columns = text_plots.side_by_side({"one": "ab\ncd", "two": "x" * 30}, width=10)
    lines = columns.splitlines()
    assert lines[0].startswith("one") and " | two" in lines[0]
    assert lines[2] == "ab\u21b5".ljust(10) + " | xxxxxxxxxx"
    assert lines[3] == "cd".ljust(10) + " | xxxxxxxxxx"
    assert all(line.index("|") == 11 for line in lines)


def test_side_by_side_wraps_at_spaces_without_leading_blanks():
    column = text_plots.side_by_side({"t": "to be or not to be"}, width=8).splitlines()[2:]
    assert column == ["to be or", "not to", "be"]


def test_visible_spaces_and_line_breaks():
    assert text_plots.visible("a b\n") == "a\u2423b\u21b5"
