"""The cell-and-layer diagram draws one figure, returns None, leaves no figure open, and refuses bad sizes."""

import pytest
from matplotlib import pyplot as plt

from rnnbook import layer_diagrams


@pytest.mark.parametrize("steps_shown", [2, 4, 6])
def test_draws_one_figure_at_page_width(shown, steps_shown):
    assert layer_diagrams.plot_cell_and_layer(steps_shown) is None
    assert len(shown) == 1 and not plt.get_fignums()
    width, _ = shown[0].get_size_inches()
    assert width <= 8
    texts = [t.get_text() for t in shown[0].axes[0].texts]
    assert "$h_{T}$" in texts and "$x_{1}$" in texts
    assert sum(text == "cell" for text in texts) == steps_shown + 1


@pytest.mark.parametrize("bad, error", [(1, ValueError), (7, ValueError), (3.0, TypeError), (True, TypeError)])
def test_refuses_sizes_it_cannot_draw(shown, bad, error):
    with pytest.raises(error, match="steps_shown"):
        layer_diagrams.plot_cell_and_layer(bad)
    assert not shown
