"""Chapter 8's exercise checks (rnnbook.exercises.ch08): right answers pass, typical wrong answers are named, None
waits."""

import pytest

from rnnbook.exercises import ch08


def test_compilations_for_new_length():
    assert ch08.compilations_for_new_length(1, num_epochs=3)
    assert "waiting" in str(ch08.compilations_for_new_length(None, num_epochs=3))
    feedback = ch08.compilations_for_new_length(0, num_epochs=3)
    assert not feedback and "XLA compiles for exact shapes" in str(feedback)
    feedback = ch08.compilations_for_new_length(3, num_epochs=3)
    assert not feedback and "same shape" in str(feedback)
    assert not ch08.compilations_for_new_length(2, num_epochs=3)
    assert "whole number" in str(ch08.compilations_for_new_length("1", num_epochs=3))
    # with a single epoch, one compilation is still the answer
    assert ch08.compilations_for_new_length(1, num_epochs=1)


def test_compiles_again():
    assert ch08.compiles_again("whole epoch, written for XLA")
    feedback = ch08.compiles_again("model.fit")
    assert not feedback and "its own train function" in str(feedback)
    assert "must be one of" in str(ch08.compiles_again("eager"))
    assert "waiting" in str(ch08.compiles_again(None))


SETTINGS = dict(num_windows=666, steps_per_execution=(10, 100, 250))


def test_calls_per_epoch():
    assert ch08.calls_per_epoch((67, 7, 3), **SETTINGS)
    assert ch08.calls_per_epoch([1, 1], num_windows=666, steps_per_execution=(666, 1000))
    feedback = ch08.calls_per_epoch((67, 6, 3), **SETTINGS)
    assert not feedback and "expected 7, got 6. the last call runs the windows left over" in str(feedback)
    feedback = ch08.calls_per_epoch((666, 7, 3), **SETTINGS)
    assert "steps_per_execution=10: expected 67, got 666" in str(feedback)
    assert "3 whole numbers" in str(ch08.calls_per_epoch((67, 7), **SETTINGS))
    assert "waiting" in str(ch08.calls_per_epoch(None, **SETTINGS))


def test_calls_per_epoch_refuses_a_bad_setting():
    with pytest.raises(ValueError):
        ch08.calls_per_epoch(None, num_windows=666, steps_per_execution=(0,))
