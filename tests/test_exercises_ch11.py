"""The checks of chapter 11's exercises: right answers pass, typical wrong
answers get the message that explains them, None waits."""

import math

import numpy as np
import pytest

from rnnbook.exercises import ch11

IDS = np.array([0, 0, 1, 2, 0, 1, 0, 0])  # frequencies 5/8, 2/8, 1/8


def test_unigram_entropy():
    expected = -(5 / 8 * math.log2(5 / 8) + 2 / 8 * math.log2(2 / 8) + 1 / 8 * math.log2(1 / 8))
    assert ch11.unigram_entropy(expected, IDS, 4)
    assert str(ch11.unigram_entropy(None, IDS, 4)).startswith("… waiting")
    nats = ch11.unigram_entropy(expected * math.log(2), IDS, 4)
    assert not nats and "nats" in str(nats)
    uniform = ch11.unigram_entropy(2.0, IDS, 4)
    assert not uniform and "vocabulary size" in str(uniform)
    assert "too high" in str(ch11.unigram_entropy(1.5, IDS, 4))


def test_loop_length():
    sample = "To be, or not" + "the state of " * 30
    assert ch11.loop_length(13, sample)
    assert "'the state of '" in str(ch11.loop_length(13, sample))
    assert str(ch11.loop_length(None, sample)).startswith("… waiting")
    assert str(ch11.loop_length(None, None)).startswith("… waiting"), "the scaffold runs before any sample"
    twice = ch11.loop_length(26, sample)
    assert not twice and "2 times over" in str(twice)
    assert "shortest stretch" in str(ch11.loop_length(7, sample))
    assert "whole number" in str(ch11.loop_length(12.5, sample))
    rng = np.random.default_rng(0)
    noise = "".join(rng.choice(list("abcdefgh"), 300))
    assert ch11.loop_length(0, noise)
    assert "do not repeat" in str(ch11.loop_length(5, noise))
    with pytest.raises(ValueError, match="at least 200"):
        ch11.loop_length(3, "abc")


def test_compressed_kilobytes():
    assert ch11.compressed_kilobytes(2.5 * 40000 / 8000, 2.5, 40000)
    assert str(ch11.compressed_kilobytes(None, 2.5, 40000)).startswith("… waiting")
    kilobits = ch11.compressed_kilobytes(100.0, 2.5, 40000)
    assert not kilobits and "kilobits" in str(kilobits)
    plain = ch11.compressed_kilobytes(40.0, 2.5, 40000)
    assert not plain and "plain text" in str(plain)
