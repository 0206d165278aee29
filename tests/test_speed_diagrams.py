"""Chapter 8's diagram of where each loop runs (rnnbook.speed_diagrams): it draws one figure and refuses malformed
rows."""

import pytest
from matplotlib import pyplot as plt

from rnnbook import speed_diagrams

PLACES = {"eager": ("Python", "Python", "Python"), "fast": ("XLA", "XLA", "XLA")}
CALLS = {"eager": "every op", "fast": "1"}


def test_draws_one_figure_with_every_label(shown):
    assert speed_diagrams.plot_loop_places(PLACES, CALLS, title="t") is None
    assert len(shown) == 1
    texts = {text.get_text() for text in shown[0].axes[0].texts}
    assert {"eager", "fast", "Python", "XLA", "every op", "1"} <= texts
    assert plt.get_fignums() == []


@pytest.mark.parametrize(
    ("places", "calls", "message"),
    [
        ({"eager": ("Python", "Python")}, CALLS, "for each of the 3 loops"),
        ({"eager": ("Python", "Python", "GPU")}, CALLS, r"must name one of \['Python', 'XLA', 'graph'\]"),
        (PLACES, {"eager": "every op"}, r"missing \['fast'\]"),
    ],
)
def test_refuses_malformed_rows(shown, places, calls, message):
    with pytest.raises(ValueError, match=message):
        speed_diagrams.plot_loop_places(places, calls, title="t")


def test_timings_draw_two_panels_with_ranges(shown):
    nan = float("nan")
    assert (
        speed_diagrams.plot_timings(["slow", "fast"], [[10.0, 12.0, 11.0], [1.0, 1.5, nan]], [nan, 3.0], title="t")
        is None
    )
    assert len(shown) == 1 and len(shown[0].axes) == 2
    assert "not measured" in {text.get_text() for text in shown[0].axes[1].texts}
    with pytest.raises(ValueError, match="one list of repeats per variant"):
        speed_diagrams.plot_timings(["a", "b"], [[1.0]], [1.0, 2.0], title="t")


def test_scaling_sweep_ticks_at_the_measured_sizes(shown):
    sweeps = {"batch size": ([5, 50, 500], [[1, 1.1, 0.9], [2, 2.2, 1.9], [20, 21, 19]])}
    assert speed_diagrams.plot_scaling_sweep(sweeps, ylabel="ms") is None
    ax = shown[0].axes[0]
    assert list(ax.get_xticks()) == [5, 50, 500]
