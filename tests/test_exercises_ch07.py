"""Chapter 7's exercise checks: which arrow a mask acts on, inverted dropout
by hand, one mask per window."""

import numpy as np
import pytest

from rnnbook.exercises import ch07


def test_masked_arrow():
    ex = ch07.Exercises(0.5)
    assert ex.masked_arrow("layer 1 -> layer 2")
    assert "waiting" in str(ex.masked_arrow(None))
    assert "recurrent_dropout" in str(ex.masked_arrow("layer 2 along time"))
    assert "third rate" in str(ex.masked_arrow("layer 2 -> layer 3"))
    assert "must be one of" in str(ex.masked_arrow("everything"))


def test_dropout_by_hand():
    ex = ch07.Exercises(0.5)
    a = np.array([[0.2, -0.4, 0.6, 0.8]])
    m = np.array([[1, 0, 1, 0]])
    assert ex.dropout_by_hand(a * m / 0.5, a, m)
    assert "waiting" in str(ex.dropout_by_hand(None, a, m))
    assert "scaled by" in str(ex.dropout_by_hand(a * m, a, m))
    assert "do not multiply" in str(ex.dropout_by_hand(a * m * 0.5, a, m))
    assert "1s mark the units" in str(ex.dropout_by_hand(a * (1 - m) / 0.5, a, m))
    assert "of shape" in str(ex.dropout_by_hand(a[0], a, m))
    with pytest.raises(ValueError, match="mask"):
        ex.dropout_by_hand(a, a, a)


def test_mask_reuse():
    ex = ch07.Exercises(0.5)
    assert ex.mask_reuse("same")
    assert "waiting" in str(ex.mask_reuse(None))
    assert "DropoutWrapper" in str(ex.mask_reuse("fresh"))


def test_rate_is_checked():
    with pytest.raises(ValueError, match="dropout_rate"):
        ch07.Exercises(1.0)
