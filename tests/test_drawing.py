"""The figure context, arrows, boxes, tapes and canvases every figure is drawn with (rnnbook.drawing)."""

import numpy as np
import pytest
from matplotlib import pyplot as plt
from matplotlib.text import Annotation

from rnnbook import drawing


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_figure_styles_lays_out_shows_and_closes(shown):
    with drawing.figure(1, 2, figsize=(6, 3)) as (fig, axes):
        assert len(axes) == 2
        assert plt.rcParams["axes.spines.top"] is False  # the book's style holds while drawing
        axes[0].plot([0, 1])
    assert shown == [fig]
    assert plt.get_fignums() == []
    assert plt.rcParams["axes.spines.top"] is True  # and is undone afterwards


def test_figure_closes_unshown_when_the_drawing_fails(shown):
    with pytest.raises(RuntimeError, match="boom"), drawing.figure(figsize=(4, 3)):
        raise RuntimeError("boom")
    assert shown == []
    assert plt.get_fignums() == []


def test_figure_with_the_real_show_leaves_no_figure_open():
    with drawing.figure(figsize=(4, 3)) as (_, ax):
        ax.plot([0, 1])
    assert plt.get_fignums() == []


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"nrows": 0, "figsize": (4, 3)}, ValueError, "nrows"),
        ({"ncols": 1.5, "figsize": (4, 3)}, TypeError, "ncols"),
        ({"figsize": (4, -3)}, ValueError, "figsize must be"),
        ({"figsize": (4,)}, ValueError, "figsize must be"),
    ],
)
def test_figure_refuses_bad_sizes(shown, arguments, error, message):
    with pytest.raises(error, match=message), drawing.figure(**arguments):
        pass
    assert shown == [] and plt.get_fignums() == []


def test_arrow_points_from_start_to_end(ax):
    drawing.arrow(ax, (0, 0), (1, 2), color="red", linestyle="--")
    (arrow,) = [child for child in ax.get_children() if isinstance(child, Annotation)]
    assert arrow.xy == (1.0, 2.0) and arrow.xyann == (0.0, 0.0)
    assert arrow.arrowprops["arrowstyle"] == "->"
    assert arrow.arrowprops["shrinkA"] == arrow.arrowprops["shrinkB"] == 0.0


@pytest.mark.parametrize(
    ("start", "end", "options", "message"),
    [
        ((0, 0, 0), (1, 1), {}, "start must be an"),
        ((0, 0), (np.nan, 1), {}, "end must be an"),
        ((0, 0), (1, 1), {"shrink": -1}, "shrink must be"),
        ((0, 0), (1, 1), {"linewidth": 0}, "linewidth must be"),
    ],
)
def test_arrow_refuses_bad_input(ax, start, end, options, message):
    with pytest.raises(ValueError, match=message):
        drawing.arrow(ax, start, end, **options)


def test_tape_draws_one_square_per_bit_filled_where_one(ax):
    drawing.tape(ax, [0, 1, 1], y=2.0, color="#4C72B0", label="x", x0=1.0, pitch=0.5, size=0.45)
    squares = ax.patches
    assert [square.get_xy() for square in squares] == [(1.0, 2.0), (1.5, 2.0), (2.0, 2.0)]
    assert squares[0].get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert squares[1].get_facecolor() == squares[1].get_edgecolor()
    assert [text.get_text() for text in ax.texts] == ["0", "1", "1", "x"]


def test_tape_takes_one_colour_per_bit_and_can_omit_digits(ax):
    drawing.tape(ax, np.array([1, 1]), y=0.0, color=["red", "blue"], digits=False)
    assert [square.get_edgecolor()[:3] for square in ax.patches] == [(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)]
    assert len(ax.texts) == 0


@pytest.mark.parametrize(
    ("values", "options", "message"),
    [
        (np.zeros((2, 2), int), {}, "1-D integer array of bits"),
        ([0.0, 1.0], {}, "1-D integer array of bits"),
        ([0, 2], {}, "only 0s and 1s"),
        ([0, 1], {"color": ["red"]}, "one per bit"),
        ([0, 1], {"size": 1.5}, "at most pitch"),
    ],
)
def test_tape_refuses_bad_input(ax, values, options, message):
    with pytest.raises(ValueError, match=message):
        drawing.tape(ax, values, **{"y": 0.0, "color": "red", **options})


def test_box_is_centred_filled_with_white_text_and_no_outline_by_default(ax):
    drawing.box(ax, (2.0, 1.0), "tanh", "#4C72B0", width=0.8, height=0.4, bold=True)
    (patch,) = ax.patches
    assert np.allclose(patch.get_x() + patch.get_width() / 2, 2.0)
    assert np.allclose(patch.get_y() + patch.get_height() / 2, 1.0)
    assert patch.get_edgecolor()[3] == 0  # no outline
    (text,) = ax.texts
    assert text.get_position() == (2.0, 1.0) and text.get_text() == "tanh"
    assert text.get_color() == "white" and text.get_fontweight() == "bold"


def test_an_unfilled_outlined_box_is_white_with_coloured_edge_and_text(ax):
    drawing.box(ax, (0, 0), "h", "red", width=0.6, height=0.5, filled=False, edge=1.5)
    (patch,) = ax.patches
    assert patch.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert patch.get_edgecolor()[:3] == (1.0, 0.0, 0.0) and patch.get_linewidth() == 1.5
    assert ax.texts[0].get_color() == "red"


@pytest.mark.parametrize(("center", "size"), [((0, 0), (0, 1)), ((0, 0), (1, -1)), ((0, float("nan")), (1, 1))])
def test_box_refuses_bad_geometry(ax, center, size):
    with pytest.raises(ValueError):
        drawing.box(ax, center, "x", "red", width=size[0], height=size[1])


def test_canvas_hides_the_axes_and_keeps_units_equal(ax):
    drawing.canvas(ax, (0, 4), (-1, 1), "title")
    assert not ax.axison
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == (0, 4) and ax.get_title() == "title"


def test_palettes_keep_grey_for_references():
    grey = drawing.COLORS["muted"]
    assert grey not in drawing.STEP_COLORS and grey not in drawing.VARIANT_COLORS
    assert len(set(drawing.ROW_COLORS)) == len(drawing.ROW_COLORS)
