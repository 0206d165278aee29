"""Checks of chapter 4's exercises: right answers pass, typical slips are named."""

import keras
import numpy as np
import pytest

from rnnbook.exercises import ch04


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_step(order="ifgo", tanh_c=True, swap=False):
    """An LSTM step in NumPy, right by default, with one slip on request."""

    def lstm_step(x, h, c, kernel, recurrent_kernel, bias):
        blocks = dict(zip(order, np.split(x @ kernel + h @ recurrent_kernel + bias, 4, axis=1)))
        i, f, o = (sigmoid(blocks[name]) for name in "ifo")
        c = f * c + i * np.tanh(blocks["g"])
        h = o * (np.tanh(c) if tanh_c else c)
        return (c, h) if swap else (h, c)

    return lstm_step


@pytest.fixture(scope="module")
def cell():
    cell = keras.layers.LSTMCell(3)
    cell.build((None, 2))
    # a bias that tells the gate blocks apart
    cell.bias.assign(np.linspace(-1, 1, 12).astype("float32"))
    return cell


def test_numpy_lstm_step(cell):
    assert ch04.numpy_lstm_step(make_step(), cell)
    assert "swapped" in str(ch04.numpy_lstm_step(make_step(swap=True), cell))
    assert "read as ifog" in str(ch04.numpy_lstm_step(make_step(order="ifog"), cell))
    assert "tanh of the new cell state" in str(ch04.numpy_lstm_step(make_step(tanh_c=False), cell))
    assert "waiting" in str(ch04.numpy_lstm_step(None, cell))
    assert "waiting" in str(ch04.numpy_lstm_step(lambda *args: None, cell))
    assert "raised ZeroDivisionError" in str(ch04.numpy_lstm_step(lambda *args: 1 / 0, cell))
    assert "return a pair" in str(ch04.numpy_lstm_step(lambda x, h, *rest: h, cell))
    assert "of shape (3, 3)" in str(ch04.numpy_lstm_step(lambda x, h, c, *rest: (h[:1], c), cell))
    assert "differ from LSTMCell's" in str(ch04.numpy_lstm_step(lambda x, h, c, *rest: (h, c), cell))


def test_lstm_parameters():
    assert ch04.lstm_parameters(96, state_size=4)
    assert ch04.lstm_parameters(4 * 5 * (3 + 5 + 1), state_size=5, input_size=3)
    assert "one block" in str(ch04.lstm_parameters(24, state_size=4))
    assert "add the bias" in str(ch04.lstm_parameters(80, state_size=4))
    assert "too high" in str(ch04.lstm_parameters(1000, state_size=4))
    assert "waiting" in str(ch04.lstm_parameters(None, state_size=4))
    assert "as a number" in str(ch04.lstm_parameters("96", state_size=4))


def test_wider_lstm():
    kwargs = dict(state_size=4, bar=0.9)
    assert ch04.wider_lstm(True, units=8, accuracy=0.99, **kwargs)
    assert ch04.wider_lstm(False, units=5, accuracy=0.85, **kwargs)
    assert "not as you predicted" in str(ch04.wider_lstm(False, units=8, accuracy=0.99, **kwargs))
    assert "not above state_size" in str(ch04.wider_lstm(True, units=4, accuracy=0.8, **kwargs))
    assert "waiting" in str(ch04.wider_lstm(None, units=None, accuracy=None, **kwargs))
    assert "waiting" in str(ch04.wider_lstm(None, units=8, accuracy=None, **kwargs))
    assert "train the wider LSTM" in str(ch04.wider_lstm(True, units=8, accuracy=None, **kwargs))
    assert "True or False" in str(ch04.wider_lstm("yes", units=8, accuracy=0.99, **kwargs))


def make_gru_step(order="zrh", after=True, swap_z=False, biases=True):
    """A GRU step in NumPy, right by default, with one slip on request."""

    def gru_step(x, h, kernel, recurrent_kernel, bias):
        bias = bias if biases else np.zeros_like(bias)
        xs = dict(zip(order, np.split(x @ kernel + bias[0], 3, axis=1)))
        hs = dict(zip(order, np.split(h @ recurrent_kernel + bias[1], 3, axis=1)))
        z, r = sigmoid(xs["z"] + hs["z"]), sigmoid(xs["r"] + hs["r"])
        if after:
            candidate = np.tanh(xs["h"] + r * hs["h"])
        else:
            r_h = dict(zip(order, np.split(recurrent_kernel, 3, axis=1)))["h"]
            candidate = np.tanh(xs["h"] + (r * h) @ r_h + bias[1][-h.shape[1] :])
        return (1 - z) * h + z * candidate if swap_z else z * h + (1 - z) * candidate

    return gru_step


@pytest.fixture(scope="module")
def gru_cell():
    cell = keras.layers.GRUCell(3)
    cell.build((None, 2))
    return cell


def test_numpy_gru_step(gru_cell):
    assert ch04.numpy_gru_step(make_gru_step(), gru_cell)
    assert "read as rzh" in str(ch04.numpy_gru_step(make_gru_step(order="rzh"), gru_cell))
    assert "before the recurrent kernel" in str(ch04.numpy_gru_step(make_gru_step(after=False), gru_cell))
    assert "random ones" in str(ch04.numpy_gru_step(make_gru_step(biases=False), gru_cell))
    assert "which part z keeps" in str(ch04.numpy_gru_step(make_gru_step(swap_z=True), gru_cell))
    assert "waiting" in str(ch04.numpy_gru_step(None, gru_cell))
    assert "waiting" in str(ch04.numpy_gru_step(lambda *args: None, gru_cell))
    assert "h alone" in str(ch04.numpy_gru_step(lambda x, h, *rest: (h, h), gru_cell))
    assert "of shape (3, 3)" in str(ch04.numpy_gru_step(lambda x, h, *rest: h[:1], gru_cell))
    assert "raised ZeroDivisionError" in str(ch04.numpy_gru_step(lambda *args: 1 / 0, gru_cell))


def test_lstm_parameters_on_a_wider_input():
    assert ch04.lstm_parameters(180, state_size=5, input_size=3)
    assert "input of one number" in str(ch04.lstm_parameters(4 * 5 * 7, state_size=5, input_size=3))
    assert "recurrent kernel" in str(ch04.lstm_parameters(4 * 5 * 4, state_size=5, input_size=3))
