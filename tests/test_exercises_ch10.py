"""Checks of chapter 10's exercises: right answers pass, typical slips are named."""

import numpy as np
import pytest

from rnnbook import port
from rnnbook.exercises import ch10

LEGACY_BIAS = np.arange(8.0)  # two units, gate blocks i, j, f, o


def test_legacy_kernel_shape():
    assert ch10.legacy_kernel_shape((5, 16), state_size=4, layer=0)
    assert ch10.legacy_kernel_shape((8, 16), state_size=4, layer=2)
    assert "is Keras's input kernel" in str(ch10.legacy_kernel_shape((4, 16), state_size=4, layer=1))
    assert "dimension 0 differs" in str(ch10.legacy_kernel_shape((4, 16), state_size=4, layer=0))
    assert "waiting" in str(ch10.legacy_kernel_shape(None, state_size=4, layer=0))
    with pytest.raises(ValueError, match="layer counts from 0"):
        ch10.legacy_kernel_shape((5, 16), state_size=4, layer=-1)


def test_keras_bias():
    right = port.reorder_gates(port.fold_forget_bias(LEGACY_BIAS, 1.0))
    np.testing.assert_array_equal(right, [0, 1, 5, 6, 2, 3, 6, 7])
    assert ch10.keras_bias(right, LEGACY_BIAS)
    assert "forget bias is missing" in str(ch10.keras_bias(port.reorder_gates(LEGACY_BIAS), LEGACY_BIAS))
    assert "still in the legacy order" in str(ch10.keras_bias(port.fold_forget_bias(LEGACY_BIAS, 1.0), LEGACY_BIAS))
    assert "of shape (8,), got shape (4,)" in str(ch10.keras_bias(np.zeros(4), LEGACY_BIAS))
    assert "waiting" in str(ch10.keras_bias(None, LEGACY_BIAS))


def test_silent_loss():
    assert ch10.silent_loss("dense")
    assert "fails loudly" in str(ch10.silent_loss("sparse"))
    assert "must be one of" in str(ch10.silent_loss("softmax"))
