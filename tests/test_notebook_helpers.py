"""Conveniences for the chapters (rnnbook.notebook)."""

import numpy as np
import pytest

from rnnbook import data
from rnnbook.notebook import glue, show_source


def test_show_source_shows_the_packages_code():
    assert "def to_windows" in show_source(data.to_windows).data
    with pytest.raises(TypeError, match="cannot show the source"):
        show_source(42)


def test_glue_stores_numpy_scalars_as_python_numbers(monkeypatch):
    stored = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display=True: stored.update({name: value}))
    glue("x", np.float64(0.25), display=False)
    glue("n", np.int64(3), display=False)
    assert stored == {"x": 0.25, "n": 3} and type(stored["x"]) is float and type(stored["n"]) is int


def test_glued_string_reads_without_quotes():
    from IPython.core.formatters import PlainTextFormatter

    from rnnbook.notebook import _Words

    assert PlainTextFormatter()(_Words("a delay line")) == "a delay line"
