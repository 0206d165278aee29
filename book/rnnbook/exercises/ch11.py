"""Checks for chapter 11's exercises: a character-level language model.

Each check computes its expected answer from what it is given (the
chapter's own text, model and results), so it still holds when a reader
changes the parameters.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from rnnbook.exercises.feedback import (
    Feedback,
    check_number,
    right,
    waiting,
    wrong,
)

__all__ = ["unigram_entropy", "loop_length", "compressed_kilobytes"]


def _is_number(answer: object) -> bool:
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool)


def unigram_entropy(answer: object, train_ids, vocab_size: int) -> Feedback:
    """Exercise 1: the entropy of the character frequencies, in bits.

    It is what the unigram model scores on its own training text, the best
    any model that ignores context can do there on average.
    """
    counts = np.bincount(np.asarray(train_ids).ravel(), minlength=vocab_size)
    p = counts[counts > 0] / counts.sum()
    expected = float(-(p * np.log2(p)).sum())
    name = "the entropy of the character frequencies"
    feedback = check_number(answer, expected, name=name, tolerance=0.002)
    if feedback or not _is_number(answer):
        return feedback
    if math.isclose(answer, expected * math.log(2), rel_tol=0.002):
        return wrong(
            f"{name}: {answer:.4g} is in nats (natural logarithm); in bits, "
            f"with log2, it is {expected:.4g}."
        )
    if math.isclose(answer, math.log2(vocab_size), rel_tol=0.002):
        return wrong(
            f"{name}: {answer:.4g} is log2 of the vocabulary size, the "
            "entropy of equally frequent characters; weight each "
            "character's -log2 p by its own frequency p."
        )
    return feedback


def _period(text: str, tail: int) -> int:
    """The shortest period of the last ``tail`` characters, 0 if none up to
    half of them."""
    end = text[-tail:]
    for period in range(1, tail // 2 + 1):
        if end[period:] == end[:-period]:
            return period
    return 0


def loop_length(answer: object, sample: str, tail: int = 200) -> Feedback:
    """Exercise 2: the length of the loop a greedy sample settles into.

    ``sample`` is the text generated at temperature 0; the loop is the
    shortest period of its last ``tail`` characters (0: no loop).
    """
    if answer is None:
        return waiting("the loop's length, in characters (0: no loop)")
    if not isinstance(sample, str) or len(sample) < tail:
        raise ValueError(
            f"sample must be the generated text, at least {tail} characters "
            "long; generate more characters."
        )
    expected = _period(sample, tail)
    if not _is_number(answer) or answer != int(answer):
        return wrong(
            f"give the loop's length as a whole number of characters, got "
            f"{answer!r}."
        )
    answer = int(answer)
    if expected == 0:
        if answer == 0:
            return right(
                f"the last {tail} characters do not repeat: this sample has "
                "not settled into a loop yet."
            )
        return wrong(
            f"the last {tail} characters of this sample do not repeat with "
            f"a period of {answer}, nor any other up to {tail // 2}: answer "
            "0, or generate a longer sample."
        )
    if answer == expected:
        return right(
            f"the sample repeats {sample[-expected:]!r} every {expected} "
            "characters."
        )
    if answer > 0 and answer % expected == 0:
        return wrong(
            f"{answer} characters is the loop {answer // expected} times "
            f"over; the shortest repeating stretch is {expected} long."
        )
    return wrong(
        f"the last {tail} characters do not repeat every {answer} "
        "characters; look for the shortest stretch that repeats."
    )


def compressed_kilobytes(
    answer: object, bits_per_character: float, num_characters: int
) -> Feedback:
    """Exercise 3: the size of a text coded at ``bits_per_character``, in
    kilobytes (1000 bytes)."""
    expected = bits_per_character * num_characters / 8 / 1000
    name = (
        f"{num_characters:,} characters at {bits_per_character:.3f} bits "
        "each, in kilobytes"
    )
    feedback = check_number(answer, expected, name=name, tolerance=0.01)
    if feedback or not _is_number(answer):
        return feedback
    if math.isclose(answer, expected * 8, rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} is kilobits; a byte holds 8 bits, so it "
            f"is {expected:.4g} kilobytes."
        )
    if math.isclose(answer, num_characters / 1000, rel_tol=0.01):
        return wrong(
            f"{name}: {answer:.4g} kilobytes is the plain text, one byte "
            "per character; at the model's bits per character it takes "
            f"{expected:.4g}."
        )
    return feedback
