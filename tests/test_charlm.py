"""The character-level language model (rnnbook.charlm): shapes, carried state, sampling, training."""

import math

import numpy as np
import pytest

import rnnbook

rnnbook.quiet_tensorflow()

import tensorflow as tf  # noqa: E402

from rnnbook import charlm, text  # noqa: E402

VOCAB = text.Vocabulary("abc\n")
CORPUS = "abcab\n" * 200


@pytest.fixture(scope="module")
def model():
    rnnbook.seed_everything(3)
    return charlm.build(VOCAB.size, embedding_size=4, units=8, layers=2, seed=3, learning_rate=1e-2)


def test_forward_gives_one_row_of_logits_per_step_and_a_state_per_layer(model):
    x = np.zeros((3, 5), np.int32)
    logits, state = charlm.forward(model, x, model.zero_state(3))
    assert logits.shape == (15, VOCAB.size)
    assert [[tuple(part.shape) for part in layer] for layer in state] == [[(3, 8), (3, 8)]] * 2
    assert model.count_weights() == sum(int(np.prod(v.shape)) for v in model.variables)


def test_temperature_zero_is_argmax_with_the_state_carried(model):
    prime, length = "ab", 12
    (greedy,) = charlm.sample(model, VOCAB, prime=prime, length=length, temperatures=[0], seed=0)
    logits, state = charlm.forward(model, VOCAB.encode(prime)[None, :], model.zero_state(1))
    expected = []
    for _ in range(length):
        expected.append(int(np.argmax(logits.numpy()[-1])))
        logits, state = charlm.forward(model, np.array([[expected[-1]]], np.int32), state)
    assert greedy == VOCAB.decode(expected)


def test_sampling_is_seeded_and_draws_one_text_per_temperature(model):
    a = charlm.sample(model, VOCAB, prime="a", length=30, temperatures=[0.5, 1.0, 2.0], seed=1)
    b = charlm.sample(model, VOCAB, prime="a", length=30, temperatures=[0.5, 1.0, 2.0], seed=1)
    assert a == b and len(a) == 3 and all(len(s) == 30 and set(s) <= set(VOCAB.chars) for s in a)


def test_sampling_arguments_are_validated(model):
    with pytest.raises(ValueError, match="numbers >= 0"):
        charlm.sample(model, VOCAB, prime="a", length=5, temperatures=[-1], seed=0)
    with pytest.raises(ValueError, match="numbers >= 0"):
        charlm.sample(model, VOCAB, prime="a", length=5, temperatures=[], seed=0)
    with pytest.raises(ValueError, match="prime must hold"):
        charlm.sample(model, VOCAB, prime="", length=5, temperatures=[1], seed=0)
    with pytest.raises(ValueError, match="not in the vocabulary"):
        charlm.sample(model, VOCAB, prime="z", length=5, temperatures=[1], seed=0)


def test_training_learns_a_repeating_text_and_the_carried_state_helps(model):
    ids = VOCAB.encode(CORPUS)
    train, validation = text.split_text(ids, 0.2)
    windows = text.text_windows(train, 4, 8)
    held_out = text.text_windows(validation, 2, 8)
    log = charlm.train(model, windows, held_out, num_windows=120, evaluations=2)
    assert log.windows == [0, 60, 120] and len(log.validation_bpc) == 3
    assert log.validation_bpc[0] == pytest.approx(math.log2(VOCAB.size), abs=0.2), "untrained: near uniform"
    assert log.final_bpc < 0.5 * log.validation_bpc[0]
    by_position = charlm.loss_by_position(model, *held_out, carry=False)
    assert by_position.shape == (8,)
    assert charlm.evaluate(model, *held_out, carry=True) < by_position.mean()
    assert charlm.evaluate(model, *held_out, carry=False) == pytest.approx(by_position.mean())


def test_train_and_build_arguments_are_validated(model):
    windows = text.text_windows(VOCAB.encode(CORPUS), 4, 8)
    with pytest.raises(ValueError, match="evaluate at most once per window"):
        charlm.train(model, windows, windows, num_windows=2, evaluations=3)
    with pytest.raises(TypeError, match="positive integer"):
        charlm.train(model, windows, windows, num_windows=1.5, evaluations=1)
    with pytest.raises(ValueError, match="must be positive"):
        charlm.build(4, embedding_size=2, units=2, layers=1, seed=0, learning_rate=0)
    with pytest.raises(ValueError, match="decay_windows must be a positive integer"):
        charlm.build(4, embedding_size=2, units=2, layers=1, seed=0, decay_windows=0)
    with pytest.raises(ValueError, match="num_windows, batch_size, T"):
        charlm.evaluate(model, np.zeros((2, 3)), np.zeros((2, 3)))
    assert tf.executing_eagerly()
