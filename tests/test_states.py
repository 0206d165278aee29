"""LSTM states between the 2016 layout and Keras's (rnnbook.states)."""

import numpy as np
import pytest
import tensorflow as tf

from rnnbook.states import pack_2016_state, unpack_2016_state


def keras_state(num_layers=3, batch=5, units=4):
    rng = np.random.default_rng(0)
    return [[tf.constant(rng.normal(size=(batch, units)), tf.float32) for _ in "hc"] for _ in range(num_layers)]


def test_packing_puts_c_before_h_and_round_trips():
    state = keras_state()
    packed = pack_2016_state(state)
    assert packed.shape == (3, 2, 5, 4)
    np.testing.assert_array_equal(packed[1, 0], state[1][1])  # layer 1's c
    np.testing.assert_array_equal(packed[1, 1], state[1][0])  # layer 1's h
    for layer, (h, c) in zip(state, unpack_2016_state(packed)):
        np.testing.assert_array_equal(layer[0], h)
        np.testing.assert_array_equal(layer[1], c)


@pytest.mark.parametrize(
    "state",
    [[], keras_state(1)[0], [[tf.zeros([5, 4]), tf.zeros([5, 3])]], [[tf.zeros([5, 4])]], "state"],
    ids=["empty", "one layer not wrapped", "h and c differ", "no c", "not a list"],
)
def test_malformed_states_are_refused(state):
    with pytest.raises(ValueError, match=r"one \[h, c\] pair"):
        pack_2016_state(state)


def test_wrong_array_is_refused():
    with pytest.raises(ValueError, match=r"\[num_layers, 2, batch_size, state_size\]"):
        unpack_2016_state(tf.zeros([3, 5, 4]))
