"""rnnbook.unroll_diagrams: every figure draws and shows once, and
mixed_steps picks the steps whose labels are the most mixed."""

import numpy as np
import pytest
from matplotlib import pyplot as plt

from rnnbook import unroll_diagrams as u


@pytest.mark.parametrize(
    "draw",
    [
        lambda: u.plot_static_dynamic(),
        lambda: u.plot_graph_sizes([4, 8], {"a": [10, 20], "b": [5, 5]}),
        lambda: u.plot_padding_mask([1, 0, 1, 1, 0, 1], 3),
        lambda: u.plot_dropout_places(3),
        lambda: u.plot_mask_reuse(),
        lambda: u.plot_seed_curves(
            [1, 2, 3],
            {"p": {"a": np.zeros((2, 3))}, "q": {"a": np.ones(3)}},
            xlabel="x",
            ylabel="y",
            reference=("r", 0.5),
        ),
    ],
)
def test_draws_one_figure(shown, draw):
    assert draw() is None
    assert len(shown) == 1
    assert not plt.get_fignums()


def test_mixed_steps():
    y = np.zeros((3, 10), dtype=int)
    y[:, 5:8] = [[1, 0, 1], [0, 1, 0], [1, 1, 0]]
    assert u.mixed_steps(y, [0, 1, 2], 0) == 4  # ties: the first wins
    assert u.mixed_steps(y, [0, 1, 2], 5) == 5
    assert u.mixed_steps(y, [0, 1, 2], 20) == 7  # clipped to the last start
    with pytest.raises(ValueError, match="steps"):
        u.mixed_steps(y[:, :2], [0, 1, 2], 0)
