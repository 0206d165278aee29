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
