"""Chapter 8's exercise checks (rnnbook.exercises.ch08): right answers pass, typical wrong answers are named, None
waits."""

import pytest

from rnnbook.exercises import ch08

SIZES = dict(total_series_length=1_000_000, batch_size=5, truncated_backprop_length=15)
# 1_000_000 // 5 // 15 = 13333 windows
EPOCH = dict(ms_per_window=0.25, **SIZES)


def test_epoch_seconds_right_answer():
    feedback = ch08.epoch_seconds(13333 * 0.25 / 1e3, **EPOCH)
    assert feedback and "13333 windows" in str(feedback)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (13333 * 0.25, "is the epoch in milliseconds; give seconds"),
        (1_000_000 / 15 * 0.25 / 1e3, "an epoch has (total_series_length // batch_size)"),
        (1.0, "too low"),
        ("3.3", "give one epoch, in seconds as a number"),
    ],
)
def test_epoch_seconds_wrong_answers(answer, message):
    feedback = ch08.epoch_seconds(answer, **EPOCH)
    assert not feedback and message in str(feedback)


def test_epoch_seconds_waits_and_follows_the_parameters():
    assert str(ch08.epoch_seconds(None, **EPOCH)).startswith("… waiting for your answer")
    other = dict(EPOCH, batch_size=50)
    assert ch08.epoch_seconds(1333 * 0.25 / 1e3, **other)


def test_epoch_seconds_refuses_a_bad_time():
    with pytest.raises(ValueError, match="ms_per_window must be positive"):
        ch08.epoch_seconds(1.0, **dict(EPOCH, ms_per_window=0))


def test_compiles_again():
    assert ch08.compiles_again("whole epoch, written for XLA")
    feedback = ch08.compiles_again("model.fit")
    assert not feedback and "its own train function" in str(feedback)
    assert "must be one of" in str(ch08.compiles_again("eager"))
    assert "waiting" in str(ch08.compiles_again(None))


def test_calls_per_epoch():
    assert ch08.calls_per_epoch((666, 7, 1), num_windows=666, steps_per_execution=100)
    assert ch08.calls_per_epoch([666, 1, 1], num_windows=666, steps_per_execution=666)
    feedback = ch08.calls_per_epoch((666, 6, 1), num_windows=666, steps_per_execution=100)
    assert not feedback and "expected 7, got 6. the last call runs the windows left over" in str(feedback)
    feedback = ch08.calls_per_epoch((1, 7, 1), num_windows=666, steps_per_execution=100)
    assert "tf.function, one window per call: expected 666, got 1" in str(feedback)
    assert "three whole numbers" in str(ch08.calls_per_epoch((666, 7), num_windows=666, steps_per_execution=100))
    assert "waiting" in str(ch08.calls_per_epoch(None, num_windows=666, steps_per_execution=100))
