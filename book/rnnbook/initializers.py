"""Initial weights, drawn the same way in every chapter.

Each layer draws from its own seed, so that two layers never share a random
stream: cell layer ``l`` uses ``seed + l`` and the output layer
``seed + 1000`` (far from any layer count). The hand-made network of chapter
2, the Keras cells of chapters 3 to 9 and the 2016 programs of chapter 10 all
follow this rule, which is what lets chapters compare their models weight for
weight.
"""

from __future__ import annotations

import keras

__all__ = [
    "OUTPUT_SEED_OFFSET",
    "layer_seed",
    "output_seed",
    "cell_initializers",
]

OUTPUT_SEED_OFFSET = 1000


def layer_seed(seed: int, layer: int) -> int:
    """The seed of cell layer ``layer`` (counted from 0)."""
    if layer < 0:
        raise ValueError(f"layer counts from 0, got {layer}.")
    return seed + layer


def output_seed(seed: int) -> int:
    """The seed of the output layer ``W2``."""
    return seed + OUTPUT_SEED_OFFSET


def cell_initializers(seed: int, layer: int) -> dict:
    """Keras's default initializers for a cell's two kernels, seeded.

    Glorot-uniform for the input kernel, orthogonal for the recurrent one
    (biases start at zero, the LSTM's forget gate at one). Pass them to a
    cell as keyword arguments: ``keras.layers.LSTMCell(units,
    **cell_initializers(seed, layer))``.
    """
    seed = layer_seed(seed, layer)
    return {
        "kernel_initializer": keras.initializers.GlorotUniform(seed=seed),
        "recurrent_initializer": keras.initializers.Orthogonal(seed=seed),
    }
