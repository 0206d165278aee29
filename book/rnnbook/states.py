"""LSTM states in two layouts: Keras's nested lists and the 2016 single array.

Keras's ``StackedRNNCells`` of LSTM cells carries ``[[h, c], [h, c], ...]``,
one ``[h, c]`` pair per layer, each ``[batch_size, state_size]``. The 2016
code fed the same numbers as one array of shape
``[num_layers, 2, batch_size, state_size]`` holding ``(c, h)`` per layer,
in TensorFlow 1's ``LSTMStateTuple`` order. Chapter 5 shows these two
functions; chapter 10 uses them to move states between the two worlds.
"""

from __future__ import annotations

from collections.abc import Sequence

import tensorflow as tf

__all__ = ["pack_2016_state", "unpack_2016_state"]


def pack_2016_state(state: Sequence[Sequence[tf.Tensor]]) -> tf.Tensor:
    """Keras ``[[h, c], ...]`` -> one 2016 ``[L, 2, B, S]`` tensor."""

    def is_pair(layer) -> bool:
        if not isinstance(layer, (list, tuple)) or len(layer) != 2:
            return False
        h, c = (tf.convert_to_tensor(part) for part in layer)
        return h.shape.rank == 2 and h.shape == c.shape

    if (
        not isinstance(state, (list, tuple))
        or not state
        or not all(is_pair(layer) for layer in state)
    ):
        raise ValueError(
            "state must be a list with one [h, c] pair of [batch_size, "
            "state_size] tensors per layer, "
            "as StackedRNNCells of LSTMCells returns (wrap a single layer's "
            "[h, c] in a list)."
        )
    return tf.stack([tf.stack([c, h]) for h, c in state])


def unpack_2016_state(packed: tf.Tensor) -> list[list[tf.Tensor]]:
    """One ``[num_layers, 2, batch_size, state_size]`` tensor of ``(c, h)`` ->
    Keras ``[[h, c], ...]``."""
    packed = tf.convert_to_tensor(packed)
    if packed.shape.rank != 4 or packed.shape[1] != 2:
        raise ValueError(
            "packed must have shape [num_layers, 2, batch_size, state_size], "
            f"got {packed.shape}; "
            "the second axis holds (c, h)."
        )
    return [[layer[1], layer[0]] for layer in tf.unstack(packed, axis=0)]
