"""Shared test settings: figures are drawn off screen, never shown."""

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402  (after the backend is chosen)


@pytest.fixture
def shown(monkeypatch):
    """The figures plt.show() was asked to show, in order; all are closed afterwards."""
    figures = []
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: figures.append(plt.gcf()))
    yield figures
    plt.close("all")
