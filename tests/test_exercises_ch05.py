"""Checks of chapter 5's exercises: right answers pass, typical slips are named."""

import keras
import pytest

from rnnbook.exercises import ch05


def test_lstm_count_matches_keras():
    cell = keras.layers.LSTMCell(5)
    cell.build((None, 3))
    assert ch05.lstm_count(5, 3) == cell.count_params()


def test_partly_shared_parameters():
    kwargs = dict(state_size=4, num_layers=3)
    assert ch05.partly_shared_parameters(96 + 144, **kwargs)
    assert ch05.partly_shared_parameters(96, state_size=4, num_layers=1)
    assert "counts every upper layer" in str(ch05.partly_shared_parameters(96 + 2 * 144, **kwargs))
    assert "the shared cell alone" in str(ch05.partly_shared_parameters(144, **kwargs))
    assert "layer 0 alone" in str(ch05.partly_shared_parameters(96, **kwargs))
    assert "too low" in str(ch05.partly_shared_parameters(10, **kwargs))
    assert "waiting" in str(ch05.partly_shared_parameters(None, **kwargs))


def test_top_kernel_shape():
    widths = [8, 4, 2]
    assert ch05.top_kernel_shape((4, 8), widths=widths)
    assert "recurrent kernel's shape" in str(ch05.top_kernel_shape((2, 8), widths=widths))
    assert "only layer 0 reads the bit" in str(ch05.top_kernel_shape((1, 8), widths=widths))
    assert "4 * units columns" in str(ch05.top_kernel_shape((4, 2), widths=widths))
    assert "not layer 0" in str(ch05.top_kernel_shape((8, 8), widths=widths))
    assert "dimension 0 differs" in str(ch05.top_kernel_shape((5, 8), widths=widths))
    assert "waiting" in str(ch05.top_kernel_shape(None, widths=widths))
    with pytest.raises(ValueError, match="at least two layers"):
        ch05.top_kernel_shape((4, 8), widths=[4])


def test_packed_state_shape():
    kwargs = dict(num_layers=3, batch_size=5, state_size=4)
    assert ch05.packed_state_shape((3, 2, 5, 4), **kwargs)
    assert ch05.packed_state_shape([3, 2, 5, 4], **kwargs)
    assert "layers come first" in str(ch05.packed_state_shape((2, 3, 5, 4), **kwargs))
    assert "second axis" in str(ch05.packed_state_shape((3, 5, 2, 4), **kwargs))
    assert "side by side" in str(ch05.packed_state_shape((3, 5, 8), **kwargs))
    assert "one more axis" in str(ch05.packed_state_shape((3, 5, 4), **kwargs))
    assert "waiting" in str(ch05.packed_state_shape(None, **kwargs))
