"""Counting models (rnnbook.ngram) against probabilities counted by hand on "abracadabra".

Vocabulary a b c d r (ids 0 to 4). Counts: a 5, b 2, r 2, c 1, d 1. Bigrams: ab 2, br 2, ra 2,
ac 1, ca 1, ad 1, da 1. Continuation counts (distinct left neighbours): a 3 (r, c, d), b r c d 1
each; 7 distinct bigrams in all.
"""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnbook import ngram
from rnnbook.text import Vocabulary

WORD = "abracadabra"
VOCAB = Vocabulary.from_text(WORD)
IDS = VOCAB.encode(WORD)


def probability(model, context, char):
    return model.distribution(VOCAB.encode(context))[VOCAB.chars.index(char)]


def test_add_k_unigram_and_bigram_by_hand():
    unigram = ngram.fit(IDS, 1, 5, smoothing="add-k", k=1.0)
    assert probability(unigram, "", "a") == pytest.approx(6 / 16)  # (5 + 1) / (11 + 5)
    assert probability(unigram, "", "d") == pytest.approx(2 / 16)
    bigram = ngram.fit(IDS, 2, 5, smoothing="add-k", k=1.0)
    assert probability(bigram, "a", "b") == pytest.approx(3 / 9)  # (2 + 1) / (4 + 5)
    assert probability(bigram, "a", "r") == pytest.approx(1 / 9)
    assert probability(bigram, "r", "a") == pytest.approx(3 / 7)  # (2 + 1) / (2 + 5)


def test_kneser_ney_bigram_by_hand():
    model = ngram.fit(IDS, 2, 5, smoothing="kneser-ney", discount=0.5)
    # unigram level, continuation counts: (3 - 0.5 + 0.5 * 5 / 5) / 7 = 3/7, and 1/7 for the rest
    lower = {"a": Fraction(3, 7), "b": Fraction(1, 7), "c": Fraction(1, 7), "d": Fraction(1, 7), "r": Fraction(1, 7)}
    # after "a": seen ab 2, ac 1, ad 1 (total 4, 3 types): the discounts free 1.5 for the lower order
    expected = {
        c: (max(n - Fraction(1, 2), 0) + Fraction(3, 2) * lower[c]) / 4
        for c, n in {"a": 0, "b": 2, "c": 1, "d": 1, "r": 0}.items()
    }
    assert expected["b"] == Fraction(3, 7) and expected["a"] == Fraction(9, 56)
    for char, p in expected.items():
        assert probability(model, "a", char) == pytest.approx(float(p))
    assert probability(model, "r", "a") == pytest.approx(6 / 7)  # (2 - 0.5 + 0.5 * 3/7) / 2
    assert probability(model, "r", "b") == pytest.approx(1 / 28)


def test_kneser_ney_backs_off_where_the_context_was_never_seen():
    trigram = ngram.fit(IDS, 3, 5, smoothing="kneser-ney", discount=0.5)
    # "aa" never occurs, so the trigram model gives its bigram level's distribution after "a". Below the
    # top order it counts distinct left neighbours: of the trigrams abr bra rac aca cad ada dab, the
    # bigrams after "a" are ab (dab), ac (rac), ad (cad), once each: total 3, 3 types, 1.5 freed.
    # Unigram level as above: a 3/7, the others 1/7.
    expected = {
        "a": 1.5 * 3 / 7 / 3,
        "b": (0.5 + 1.5 / 7) / 3,
        "c": (0.5 + 1.5 / 7) / 3,
        "d": (0.5 + 1.5 / 7) / 3,
        "r": 1.5 / 7 / 3,
    }
    assert expected["b"] == pytest.approx(5 / 21) and expected["a"] == pytest.approx(3 / 14)
    for char, p in expected.items():
        assert probability(trigram, "aa", char) == pytest.approx(p)
    # a context too short for the order uses the lower orders too
    assert trigram.distribution(VOCAB.encode("a")) == pytest.approx(trigram.distribution(VOCAB.encode("aa")))


def test_modified_discounts_from_counts_of_counts():
    # n1 = 3, n2 = 2, n3 = 1, n4 = 1: Y = 3/7; D1 = 1 - 2Y*2/3, D2 = 2 - 3Y*1/2, D3+ = 3 - 4Y*1/1
    discounts = ngram._discounts(np.array([1, 1, 1, 2, 2, 3, 4]))
    assert discounts == pytest.approx([3 / 7, 19 / 14, 9 / 7])


@given(
    st.text(alphabet="abcde \n", min_size=8, max_size=80),
    st.integers(1, 4),
    st.sampled_from(["add-k", "kneser-ney"]),
    st.text(alphabet="abcde \n", max_size=5),
)
@settings(max_examples=150, deadline=None)
def test_probabilities_sum_to_one_over_the_vocabulary(chars, order, smoothing, context):
    vocabulary = Vocabulary("abcde \n")
    model = ngram.fit(vocabulary.encode(chars), order, vocabulary.size, smoothing=smoothing, k=0.1)
    p = model.distribution(vocabulary.encode(context))
    assert (p > 0).all()
    assert p.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("smoothing", ["add-k", "kneser-ney"])
def test_bits_per_character_scores_each_character_from_the_ones_before(smoothing):
    model = ngram.fit(IDS, 3, 5, smoothing=smoothing, k=0.5)
    text = VOCAB.encode("cadabra")
    expected = np.mean([-math.log2(model.distribution(text[:t])[text[t]]) for t in range(1, len(text))])
    assert model.bits_per_character(text) == pytest.approx(expected)


def test_unigram_bits_are_the_entropy_of_the_frequencies():
    model = ngram.fit(IDS, 1, 5, smoothing="add-k", k=1e-9)
    counts = np.bincount(IDS[1:], minlength=5)
    frequencies = np.bincount(IDS, minlength=5) / len(IDS)
    assert model.bits_per_character(IDS) == pytest.approx(-(counts * np.log2(frequencies)).sum() / counts.sum())


def test_sampling_draws_from_the_vocabulary():
    model = ngram.fit(IDS, 3, 5)
    drawn = model.sample(VOCAB.encode("ab"), 50, seed=0)
    assert drawn.shape == (50,) and drawn.min() >= 0 and drawn.max() < 5
    assert (drawn == model.sample(VOCAB.encode("ab"), 50, seed=0)).all()


def test_arguments_are_validated():
    with pytest.raises(ValueError, match="smoothing must be one of"):
        ngram.fit(IDS, 2, 5, smoothing="laplace")
    with pytest.raises(ValueError, match="k must be positive"):
        ngram.fit(IDS, 2, 5, smoothing="add-k", k=0)
    with pytest.raises(ValueError, match="positive integer"):
        ngram.fit(IDS, 0, 5)
    with pytest.raises(ValueError, match="need at least 4 characters"):
        ngram.fit(IDS[:3], 3, 5)
    with pytest.raises(ValueError, match=r"ids must lie in \[0, 4\)"):
        ngram.fit(IDS, 2, 4)
    with pytest.raises(ValueError, match="too long to encode"):
        ngram.fit(IDS, 30, 5)
    with pytest.raises(ValueError, match="discount must lie between 0 and 1"):
        ngram.fit(IDS, 2, 5, discount=1.5)
    with pytest.raises(ValueError, match="history must have shape"):
        ngram.fit(IDS, 3, 5).probabilities(np.zeros((4, 1)), np.zeros(4))
