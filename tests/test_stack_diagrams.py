"""The layers x time grid of chapter 5 (rnnbook.stack_diagrams): it draws one figure, returns None, leaves no
figure open, uses one arrow per link, and refuses sizes it cannot draw."""

import pytest
from matplotlib import pyplot as plt

from rnnbook import stack_diagrams


@pytest.mark.parametrize(("num_layers", "steps"), [(1, 1), (3, 4), (2, 6)])
def test_grid_draws_one_figure_with_every_link(shown, num_layers, steps):
    assert stack_diagrams.plot_stacked_grid(num_layers, steps) is None
    assert len(shown) == 1 and not plt.get_fignums()
    arrows = [text for text in shown[0].axes[0].texts if getattr(text, "arrow_patch", None) is not None]
    # up: x -> layer 0, layer to layer, top -> logits; right: in, between steps, out
    assert len(arrows) == steps * (num_layers + 1) + num_layers * (steps + 1)
    width, height = shown[0].get_size_inches()
    assert width <= 8.0 and height < width


@pytest.mark.parametrize(
    ("num_layers", "steps", "error", "match"),
    [(0, 4, ValueError, "num_layers"), (3, 20, ValueError, "at most"), (3.0, 4, TypeError, "num_layers")],
)
def test_grid_refuses_what_it_cannot_draw(shown, num_layers, steps, error, match):
    with pytest.raises(error, match=match):
        stack_diagrams.plot_stacked_grid(num_layers, steps)
    assert not shown and not plt.get_fignums()
