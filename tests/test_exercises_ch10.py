"""Checks of chapter 10's exercises: right answers pass, typical slips are named."""

import numpy as np
import pytest

from rnnbook import port
from rnnbook.exercises import ch10

LEGACY_BIAS = np.arange(8.0)  # two units, gate blocks i, j, f, o
# two layers, (c, h), batch 3, 2 units: c = 0..., h = 100...
LEGACY_STATE = np.stack([np.stack([np.full((3, 2), 10.0 * k), np.full((3, 2), 10.0 * k + 100)]) for k in range(2)])


def test_legacy_kernel_shape():
    assert ch10.legacy_kernel_shape((5, 16), state_size=4, layer=0)
    assert ch10.legacy_kernel_shape((8, 16), state_size=4, layer=2)
    assert ch10.legacy_kernel_shape((9, 24), state_size=6, layer=0, input_size=3)
    assert ch10.legacy_kernel_shape([12, 24], state_size=6, layer=1, input_size=3)
    assert "is Keras's input kernel" in str(ch10.legacy_kernel_shape((3, 24), state_size=6, layer=0, input_size=3))
    assert "transposed" in str(ch10.legacy_kernel_shape((24, 9), state_size=6, layer=0, input_size=3))
    assert "four gate blocks" in str(ch10.legacy_kernel_shape((9, 6), state_size=6, layer=0, input_size=3))
    assert "dimension 0 differs" in str(ch10.legacy_kernel_shape((4, 16), state_size=4, layer=0))
    assert "waiting" in str(ch10.legacy_kernel_shape(None, state_size=4, layer=0))
    with pytest.raises(ValueError, match="layer counts from 0"):
        ch10.legacy_kernel_shape((5, 16), state_size=4, layer=-1)
    with pytest.raises(ValueError, match="input_size"):
        ch10.legacy_kernel_shape((5, 16), state_size=4, layer=0, input_size=0)


def test_keras_bias():
    right = port.reorder_gates(port.fold_forget_bias(LEGACY_BIAS, 1.0))
    np.testing.assert_array_equal(right, [0, 1, 5, 6, 2, 3, 6, 7])
    assert ch10.keras_bias(right, LEGACY_BIAS)
    assert "forget bias is missing" in str(ch10.keras_bias(port.reorder_gates(LEGACY_BIAS), LEGACY_BIAS))
    assert "still in the legacy order" in str(ch10.keras_bias(port.fold_forget_bias(LEGACY_BIAS, 1.0), LEGACY_BIAS))
    # +1 on the third block in Keras's order, where f sat in the legacy one
    to_candidate = port.reorder_gates(LEGACY_BIAS) + np.array([0, 0, 0, 0, 1, 1, 0, 0])
    assert "went to block 2 (c)" in str(ch10.keras_bias(to_candidate, LEGACY_BIAS))
    assert "of shape (8,), got shape (4,)" in str(ch10.keras_bias(np.zeros(4), LEGACY_BIAS))
    assert "waiting" in str(ch10.keras_bias(None, LEGACY_BIAS))


def test_keras_state():
    right = [[layer[1], layer[0]] for layer in LEGACY_STATE]
    assert ch10.keras_state(right, LEGACY_STATE)
    assert "still (c, h)" in str(ch10.keras_state([list(layer) for layer in LEGACY_STATE], LEGACY_STATE))
    assert "layers are reversed" in str(ch10.keras_state(right[::-1], LEGACY_STATE))
    assert "shape (2, 2, 3, 2) once stacked" in str(ch10.keras_state([right[0]], LEGACY_STATE))
    assert "differs in" in str(ch10.keras_state(np.zeros_like(LEGACY_STATE), LEGACY_STATE))
    assert "waiting" in str(ch10.keras_state(None, LEGACY_STATE))
    with pytest.raises(ValueError, match="num_layers, 2"):
        ch10.keras_state(right, LEGACY_STATE[0])
