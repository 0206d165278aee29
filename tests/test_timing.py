"""Measuring time (rnnbook.timing): warm-up apart, medians of repeats, the machine named."""

import pytest
import tensorflow as tf

from rnnbook import timing


def counting(calls):
    def fn(x):
        calls.append(x)
        return tf.constant(x)

    return fn


def test_median_seconds_warms_up_then_repeats():
    calls = []
    seconds = timing.median_seconds(counting(calls), 1, repeats=5, warmup=2)
    assert len(calls) == 7 and seconds >= 0


def test_first_call_seconds_calls_once():
    calls = []
    assert timing.first_call_seconds(counting(calls), 2) >= 0 and calls == [2]


@pytest.mark.parametrize(
    "options, message",
    [({"repeats": 0}, "repeats must be a positive integer"), ({"warmup": -1}, "warmup must be a whole number")],
)
def test_bad_counts_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        timing.median_seconds(lambda: None, **options)


def test_the_machine_is_named():
    description = timing.machine_description()
    assert "cores" in description and f"TensorFlow {tf.__version__}" in description
