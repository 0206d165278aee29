"""Chapter 7's exercise checks: the fraction kept, inverted dropout by hand,
why evaluation switches dropout off."""

import numpy as np
import pytest

from rnnbook.exercises import ch07


def test_kept_fraction():
    ex = ch07.Exercises(0.3)
    assert ex.kept_fraction(0.7)
    assert "waiting" in str(ex.kept_fraction(None))
    assert "fraction dropped" in str(ex.kept_fraction(0.3))
    assert "too high" in str(ex.kept_fraction(0.9))
    assert ch07.Exercises(0.5).kept_fraction(0.5)


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


def test_why_off():
    ex = ch07.Exercises(0.5)
    assert ex.why_off("the network")
    assert "waiting" in str(ex.why_off(None))
    assert "changes no weights" in str(ex.why_off("overfitting"))
    assert "not why it must" in str(ex.why_off("scaling"))
    assert "must be one of" in str(ex.why_off("luck"))


def test_rate_is_checked():
    with pytest.raises(ValueError, match="dropout_rate"):
        ch07.Exercises(1.0)
