"""Counting models of text: the baselines a character-level network must beat.

An n-gram model predicts the next character from the ``n - 1`` characters
before it, by counting how often each continuation followed that context in
the training text. Raw counts give probability zero to anything unseen, so
the counts are *smoothed*:

* **add-k** adds ``k`` to every count: ``P(c | h) = (C(hc) + k) / (C(h) +
  k V)`` for a vocabulary of ``V`` characters; an unseen context gets the
  uniform distribution.
* **interpolated Kneser-Ney** subtracts a discount ``D`` from every seen
  count and hands the mass it frees to the model one order lower (the
  context without its oldest character), recursively down to the uniform
  distribution. Below the top order it counts *continuations*: in how many
  distinct contexts a string was seen, not how often (Kneser and Ney 1995).
  Following Chen and Goodman (1999), each order has three discounts, for
  counts of 1, 2 and 3 or more, estimated from the counts of counts (how
  many n-grams were seen once, twice, ...); ``discount=`` fixes one value
  for all instead.

Texts are integer ids (see :mod:`rnnbook.text`). Everything is plain NumPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from rnnbook._checks import positive_int

__all__ = ["SMOOTHINGS", "NgramModel", "fit"]

SMOOTHINGS = ("add-k", "kneser-ney")


@dataclass
class _Table:
    """The counts of one order, sorted for lookups."""

    keys: np.ndarray  # codes of the seen n-grams (context, character)
    counts: np.ndarray  # their counts (continuation counts below the top)
    context_keys: np.ndarray  # codes of the seen contexts
    context_totals: np.ndarray  # sum of counts over the next character
    # [contexts, 3]: how many distinct characters followed each context
    # once, twice, three times or more
    context_types: np.ndarray
    discounts: np.ndarray  # subtracted from counts of 1, 2 and 3 or more


def _lookup(keys: np.ndarray, values: np.ndarray, queries: np.ndarray):
    """``values`` at ``queries`` where the key exists, else 0."""
    if keys.size == 0:
        return np.zeros(queries.shape, values.dtype)
    where = np.minimum(np.searchsorted(keys, queries), keys.size - 1)
    return np.where(keys[where] == queries, values[where], 0)


def _codes(ids: np.ndarray, length: int, vocab_size: int) -> np.ndarray:
    """Every run of ``length`` consecutive ids as one integer (base V)."""
    codes = np.zeros(len(ids) - length + 1, np.int64)
    for offset in range(length):
        codes = (
            codes * vocab_size + ids[offset : len(ids) - length + 1 + offset]
        )
    return codes


def _discounts(counts: np.ndarray) -> np.ndarray:
    """Chen and Goodman's estimates of the discounts for counts of 1, 2 and
    3 or more, from the counts of counts ``n1`` to ``n4``."""
    n = [np.sum(counts == c) for c in (1, 2, 3, 4)]
    if min(n) == 0:  # too few counts to estimate: one discount for all
        return np.full(3, 0.75)
    Y = n[0] / (n[0] + 2 * n[1])
    estimates = [c - (c + 1) * Y * n[c] / n[c - 1] for c in (1, 2, 3)]
    return np.clip(estimates, 0.0, [1.0, 2.0, 3.0])


def _table(keys, counts, vocab_size: int, discount=None) -> _Table:
    contexts, inverse = np.unique(keys // vocab_size, return_inverse=True)
    totals = np.bincount(inverse, weights=counts).astype(np.int64)
    bucket = np.minimum(counts, 3) - 1
    types = np.zeros((len(contexts), 3), np.int64)
    np.add.at(types, (inverse, bucket), 1)
    discounts = (
        _discounts(counts) if discount is None else np.full(3, discount)
    )
    return _Table(keys, counts, contexts, totals, types, discounts)


@dataclass
class NgramModel:
    """Counts of orders 1 to ``order`` and how to smooth them."""

    order: int
    vocab_size: int
    smoothing: str
    k: float
    tables: list[_Table] = field(repr=False)

    def probabilities(self, history: np.ndarray, targets) -> np.ndarray:
        """``P(target | history)`` for many predictions at once.

        ``history`` is ``[N, order - 1]``: the characters before each target,
        oldest first, padded on the left with -1 where the text had fewer.
        """
        targets = np.asarray(targets, np.int64).ravel()
        history = np.asarray(history, np.int64)
        if history.shape != (len(targets), self.order - 1):
            raise ValueError(
                f"history must have shape [{len(targets)}, {self.order - 1}]"
                f" (one row of order - 1 ids per target), got "
                f"{history.shape}."
            )
        V = self.vocab_size
        p = np.full(targets.shape, 1.0 / V)  # order 0: uniform
        for m, table in enumerate(self.tables, start=1):
            context = history[:, history.shape[1] - (m - 1) :]
            known = np.all(context >= 0, axis=1)
            code = np.zeros(len(targets), np.int64)
            for column in context.T:
                code = code * V + np.maximum(column, 0)
            seen = _lookup(table.keys, table.counts, code * V + targets)
            total = _lookup(table.context_keys, table.context_totals, code)
            if self.smoothing == "add-k":
                p_m = (seen + self.k) / (total + self.k * V)
            else:
                where = np.searchsorted(table.context_keys, code)
                types = table.context_types[
                    np.minimum(where, len(table.context_keys) - 1)
                ]
                # what the discounts free (meaningless for an unseen
                # context, where the total is 0 and p is kept as it is)
                freed = types @ table.discounts
                D = table.discounts[np.clip(seen, 1, 3) - 1]
                p_m = np.where(
                    total > 0,
                    (np.maximum(seen - D, 0) + freed * p)
                    / np.maximum(total, 1),
                    p,
                )
            p = np.where(known, p_m, p)
        return p

    def distribution(self, context) -> np.ndarray:
        """The next-character distribution after ``context`` (ids; only the
        last ``order - 1`` matter), ``[vocab_size]``, summing to 1."""
        history = self._history(np.asarray(context, np.int64))
        rows = np.repeat(history[None, :], self.vocab_size, axis=0)
        return self.probabilities(rows, np.arange(self.vocab_size))

    def _history(self, context: np.ndarray) -> np.ndarray:
        width = self.order - 1
        if width == 0:
            return np.zeros(0, np.int64)
        context = context[len(context) - width :] if len(context) else context
        return np.concatenate([np.full(width - len(context), -1), context])

    def bits_per_character(self, ids) -> float:
        """Mean ``-log2 P`` of every character of ``ids`` after the first,
        each predicted from the characters before it in ``ids``."""
        ids = _checked_ids(ids, self.vocab_size, minimum=2)
        width = self.order - 1
        if width == 0:
            history = np.zeros((len(ids) - 1, 0), np.int64)
        else:  # row t - 1: the width characters before ids[t], -1 padded
            padded = np.concatenate([np.full(width, -1), ids[:-1]])
            history = np.lib.stride_tricks.sliding_window_view(padded, width)[
                1:
            ]
        p = self.probabilities(history, ids[1:])
        return float(-np.mean(np.log2(p)))

    def sample(self, prime, length: int, seed: int) -> np.ndarray:
        """Draw ``length`` characters after ``prime`` (ids), one at a time."""
        rng = np.random.default_rng(seed)
        text = list(_checked_ids(prime, self.vocab_size, minimum=1))
        for _ in range(positive_int("length", length)):
            p = self.distribution(np.asarray(text))
            text.append(int(rng.choice(self.vocab_size, p=p / p.sum())))
        return np.asarray(text[-length:], np.int32)


def _checked_ids(ids, vocab_size: int, minimum: int) -> np.ndarray:
    ids = np.asarray(ids)
    if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
        raise ValueError(
            f"ids must be a 1-D integer array, got shape {ids.shape} and "
            f"dtype {ids.dtype}; encode the text with Vocabulary.encode."
        )
    if len(ids) < minimum:
        raise ValueError(
            f"need at least {minimum} characters, got {len(ids)}."
        )
    if ids.min() < 0 or ids.max() >= vocab_size:
        raise ValueError(
            f"ids must lie in [0, {vocab_size}), got values from {ids.min()} "
            f"to {ids.max()}; use the vocabulary of the whole text."
        )
    return ids.astype(np.int64)


def fit(
    ids,
    order: int,
    vocab_size: int,
    *,
    smoothing: str = "kneser-ney",
    k: float = 0.1,
    discount: float | None = None,
) -> NgramModel:
    """Count every n-gram of ``ids`` up to ``order`` characters.

    ``order=1`` is the unigram model (character frequencies; add-k only
    smooths them), ``order=3`` predicts from the two characters before.
    """
    order = positive_int("order", order)
    vocab_size = positive_int("vocab_size", vocab_size)
    if smoothing not in SMOOTHINGS:
        raise ValueError(
            f"smoothing must be one of {SMOOTHINGS}, got {smoothing!r}."
        )
    if smoothing == "add-k" and not k > 0:
        raise ValueError(f"k must be positive for add-k smoothing, got {k}.")
    if discount is not None and not 0 < discount < 1:
        raise ValueError(
            f"discount must lie between 0 and 1, got {discount}; or pass "
            "None to estimate it from the counts."
        )
    if order * math.log2(vocab_size) > 62:
        raise ValueError(
            f"order={order} is too long to encode {vocab_size} characters "
            "in 64-bit integers; use a lower order."
        )
    ids = _checked_ids(ids, vocab_size, minimum=order + 1)
    tables = []
    for m in range(1, order + 1):
        keys, counts = np.unique(
            _codes(ids, m, vocab_size), return_counts=True
        )
        if smoothing == "kneser-ney" and m < order:
            # continuation counts: in how many distinct contexts x the
            # m-gram was seen as the end of the (m + 1)-gram x + m-gram
            longer = np.unique(_codes(ids, m + 1, vocab_size))
            keys, counts = np.unique(
                longer % vocab_size**m, return_counts=True
            )
        tables.append(
            _table(keys, counts.astype(np.int64), vocab_size, discount)
        )
    return NgramModel(order, vocab_size, smoothing, float(k), tables)
