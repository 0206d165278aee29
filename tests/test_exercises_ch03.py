"""Chapter 3's exercise checks: right answers pass, typical wrong ones get the right message, None waits."""

import numpy as np
import pytest

from rnnbook.exercises import ch03

B, T, S, C = 5, 15, 4, 2
WINDOW = np.zeros((B, T, 1), dtype=np.float32)


def test_returned_shapes_of_exercise_1():
    assert ch03.simple_rnn_returns([(B, 7), (B, 7)], WINDOW)
    assert ch03.lstm_returns([(B, T, 7), (B, 7), (B, 7)], WINDOW)
    assert str(ch03.simple_rnn_returns(None, WINDOW)).startswith("… waiting for your answer: a list of 2")
    # the LSTM's second state forgotten
    message = str(ch03.lstm_returns([(B, T, 7), (B, 7)], WINDOW))
    assert message.startswith("✗") and "h and c" in message
    # return_sequences=False taken for True
    message = str(ch03.simple_rnn_returns([(B, T, 7), (B, 7)], WINDOW))
    assert "last step's only" in message
    # units and batch swapped in the state
    assert "dimension 0 differs" in str(ch03.simple_rnn_returns([(B, 7), (7, B)], WINDOW))
    assert "a list of shapes" in str(ch03.simple_rnn_returns("(5, 7)", WINDOW))
    with pytest.raises(ValueError, match="batch_size, T, 1"):
        ch03.simple_rnn_returns([(B, 7)], np.zeros((B, T)))


@pytest.mark.parametrize("batch_size, steps, units", [(5, 15, 4), (4, 20, 16), (1, 1, 1)])
def test_expected_shapes_are_what_keras_returns(batch_size, steps, units):
    keras = pytest.importorskip("keras")
    window = np.zeros((batch_size, steps, 1), dtype=np.float32)
    for name in ("SimpleRNN", "LSTM"):
        for sequences in (False, True):
            layer = getattr(keras.layers, name)(units, return_sequences=sequences, return_state=True)
            returned = [tuple(t.shape) for t in layer(window)]
            assert returned == ch03.expected_shapes(
                name,
                units=units,
                return_sequences=sequences,
                return_state=True,
                batch_size=batch_size,
                truncated_backprop_length=steps,
            )


def test_cell_parameters():
    assert ch03.cell_parameters(S + S * S + S, state_size=S)
    assert ch03.cell_parameters(28 * 16 + 16 * 16 + 16, state_size=16, input_size=28)
    assert "waiting" in str(ch03.cell_parameters(None, state_size=S))
    assert "recurrent kernel" in str(ch03.cell_parameters(2 * S, state_size=S))
    # 20 leaves out the bias or the kernel: both are named
    message = str(ch03.cell_parameters(S * S + S, state_size=S))
    assert "the bias" in message and "the kernel" in message
    assert "once per step" in str(ch03.cell_parameters(24 * 15, state_size=S))
    assert "too low" in str(ch03.cell_parameters(3, state_size=S))
    assert "as a number" in str(ch03.cell_parameters("24", state_size=S))


def test_cell_parameters_match_keras():
    keras = pytest.importorskip("keras")
    for state_size in (1, 4, 9):
        cell = keras.layers.SimpleRNNCell(state_size)
        cell.build((None, 1))
        assert ch03.cell_parameters(cell.count_params(), state_size=state_size)


def test_model_parameters():
    assert ch03.model_parameters(24 + 10, state_size=S, num_classes=C)
    assert "Dense layer adds 10" in str(ch03.model_parameters(24, state_size=S, num_classes=C))
    assert "Dense layer's bias" in str(ch03.model_parameters(32, state_size=S, num_classes=C))
    assert "waiting" in str(ch03.model_parameters(None, state_size=S, num_classes=C))


def test_state_variable_shape_and_other_batch_size():
    assert ch03.state_variable_shape((B, S), batch_size=B, state_size=S)
    assert "one state per batch row" in str(ch03.state_variable_shape((S,), batch_size=B, state_size=S))
    assert "dimension 0 differs" in str(ch03.state_variable_shape((S, B), batch_size=B, state_size=S))
    assert ch03.other_batch_size("error")
    assert "does not grow" in str(ch03.other_batch_size("zeros"))
    assert "another" in str(ch03.other_batch_size("repeat"))
    assert "waiting" in str(ch03.other_batch_size(None))
    assert "must be one of" in str(ch03.other_batch_size("crash"))


@pytest.fixture(scope="module")
def model_and_windows():
    keras = pytest.importorskip("keras")
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(batch_shape=(B, T, 1)),
            keras.layers.SimpleRNN(S, return_sequences=True, stateful=True, name="rnn"),
            keras.layers.Dense(C, name="logits"),
        ]
    )
    windows = np.random.default_rng(0).integers(0, 2, (3, B, T))
    return model, windows


def test_carried_by_hand(model_and_windows):
    model, windows = model_and_windows
    rnn = model.get_layer("rnn")
    rnn.reset_state()
    for window in windows:
        logits = model(window[..., None].astype(np.float32))
    assert ch03.carried_by_hand(np.asarray(logits), model, windows)
    rnn.reset_state()
    from_zeros = model(windows[-1][..., None].astype(np.float32))
    assert "from a zero state" in str(ch03.carried_by_hand(np.asarray(from_zeros), model, windows))
    assert "of shape" in str(ch03.carried_by_hand(np.asarray(logits)[0], model, windows))
    assert "waiting" in str(ch03.carried_by_hand(None, model, windows))
