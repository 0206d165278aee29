"""The notebook environment: a quiet TensorFlow import, seeds, Colab."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

__all__ = [
    "quiet_tensorflow",
    "seed_everything",
    "set_op_determinism",
    "op_determinism",
    "on_colab",
]


@contextlib.contextmanager
def _stderr_captured():
    """Point file descriptor 2 at a file, to catch C++ output too.

    If the block raises, what was caught is written back to stderr first:
    a failing import must not fail silently.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            caught.seek(0)
            sys.stderr.write(caught.read().decode(errors="replace"))
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def quiet_tensorflow() -> None:
    """Import TensorFlow without the log lines its C++ core prints.

    ``TF_CPP_MIN_LOG_LEVEL=3`` silences the C++ logger once it is set up, but
    not the lines printed while TensorFlow is imported (oneDNN, CUDA stubs, CPU
    features), which reach the notebook through file descriptor 2. So the
    import runs with that descriptor pointed at a temporary file, which is
    thrown away, unless the import fails, in which case it is shown. Call it
    before the first ``import tensorflow``; a later ``import tensorflow as tf``
    then costs nothing. Set ``TF_USE_LEGACY_KERAS`` (chapter 10) before calling
    it.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" in sys.modules:
        return
    with _stderr_captured():
        import tensorflow  # noqa: F401


def seed_everything(seed: int, *, op_determinism: bool = True) -> None:
    """Seed Python, NumPy and TensorFlow; make TensorFlow deterministic.

    With this, re-running a chapter on the same machine gives the same numbers.
    ``op_determinism=False`` leaves (or turns) TensorFlow's op determinism
    off, its default: chapter 8 times code as users run it, and with op
    determinism on some ops run slower deterministic versions and Keras
    declines ``jit_compile=True``.
    """
    quiet_tensorflow()
    import keras

    keras.utils.set_random_seed(seed)
    set_op_determinism(op_determinism)


def set_op_determinism(enabled: bool) -> None:
    """Turn TensorFlow's op determinism on or off (TensorFlow has no public
    call for off)."""
    if not isinstance(enabled, bool):
        raise TypeError(f"enabled must be True or False, got {enabled!r}.")
    quiet_tensorflow()
    from tensorflow.python.framework import config

    if enabled:
        config.enable_op_determinism()
    else:
        config.disable_op_determinism()


def op_determinism() -> bool:
    """Whether TensorFlow's op determinism is on in this process."""
    quiet_tensorflow()
    from tensorflow.python.framework import config

    return bool(config.is_op_determinism_enabled())


def on_colab() -> bool:
    """True inside Google Colab."""
    return "google.colab" in sys.modules
