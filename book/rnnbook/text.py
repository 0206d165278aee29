"""Text as the echo task's data: characters, parallel streams, windows.

Chapter 11 turns the machinery of chapters 1 to 8 on real text. A character
becomes an integer id (a class, as a bit was), the text is cut into
``num_streams`` parallel rows exactly as chapter 1 cut the bits, and each row
into truncated windows with :func:`rnnbook.data.to_windows`. The target of a
step is the *next* character: the echo task with an echo of -1.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from importlib import resources

import numpy as np

from rnnbook._checks import integer_matrix, positive_int
from rnnbook.data import to_windows

__all__ = [
    "SHAKESPEARE_SHA256",
    "load_shakespeare",
    "Vocabulary",
    "split_text",
    "to_streams",
    "text_windows",
    "from_windows",
    "words",
    "known_word_share",
]

SHAKESPEARE_SHA256 = (
    "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed"
)


def load_shakespeare() -> str:
    """The tinyshakespeare text (1,115,394 characters), checked.

    It ships inside the package, gzip-compressed (see ``corpus/README.md``),
    and is read with :mod:`importlib.resources`, so it is found wherever the
    package is, installed or not. The SHA-256 of the uncompressed bytes is
    checked on every load.
    """
    path = resources.files("rnnbook") / "corpus" / "tinyshakespeare.txt.gz"
    raw = gzip.decompress(path.read_bytes())
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHAKESPEARE_SHA256:
        raise ValueError(
            f"the packaged corpus has SHA-256 {digest}, expected "
            f"{SHAKESPEARE_SHA256}; the file is damaged: restore "
            "rnnbook/corpus/tinyshakespeare.txt.gz from the repository."
        )
    return raw.decode("ascii")


@dataclass(frozen=True)
class Vocabulary:
    """The distinct characters of a text, sorted; a character's id is its
    position in ``chars``."""

    chars: str

    def __post_init__(self) -> None:
        if not isinstance(self.chars, str) or not self.chars:
            raise ValueError(
                "a vocabulary needs at least one character; build it with "
                "Vocabulary.from_text(text)."
            )
        if len(set(self.chars)) != len(self.chars):
            raise ValueError(
                f"the characters of a vocabulary must be distinct, got "
                f"{self.chars!r}; build it with Vocabulary.from_text(text)."
            )

    @classmethod
    def from_text(cls, text: str) -> Vocabulary:
        """The sorted set of characters that occur in ``text``."""
        if not isinstance(text, str):
            raise TypeError(
                f"text must be a str, got {type(text).__name__}; decode "
                "bytes first, e.g. data.decode('ascii')."
            )
        return cls("".join(sorted(set(text))))

    @property
    def size(self) -> int:
        """How many classes the model chooses from."""
        return len(self.chars)

    def encode(self, text: str) -> np.ndarray:
        """``text`` as an int32 array of ids."""
        lookup = {char: index for index, char in enumerate(self.chars)}
        try:
            return np.fromiter(
                (lookup[char] for char in text), np.int32, len(text)
            )
        except KeyError as error:
            raise ValueError(
                f"character {error.args[0]!r} is not in the vocabulary; "
                "build the vocabulary from the whole text, or remove it."
            ) from None

    def decode(self, ids) -> str:
        """Ids (any integer array) back to text."""
        ids = np.asarray(ids).ravel()
        if ids.size and (ids.min() < 0 or ids.max() >= self.size):
            raise ValueError(
                f"ids must lie in [0, {self.size}), got values from "
                f"{ids.min()} to {ids.max()}."
            )
        return "".join(self.chars[i] for i in ids)


def split_text(ids, validation_fraction: float) -> tuple:
    """Split ``ids`` into a training head and a contiguous validation tail.

    The tail (the last ``validation_fraction`` of the text) is never trained
    on; cutting it off in one piece, rather than picking lines at random,
    keeps every validation sentence unseen.
    """
    if not 0.0 < validation_fraction < 1.0:
        raise ValueError(
            f"validation_fraction must lie between 0 and 1, got "
            f"{validation_fraction}; 0.05 holds out the last 5 %."
        )
    cut = len(ids) - max(1, round(len(ids) * validation_fraction))
    if cut < 2:
        raise ValueError(
            f"a text of {len(ids)} characters leaves nothing to train on; "
            "use a longer text or a smaller validation_fraction."
        )
    return ids[:cut], ids[cut:]


def to_streams(ids, num_streams: int) -> tuple[np.ndarray, np.ndarray]:
    """Cut a text into ``num_streams`` parallel rows, inputs and targets.

    Returns ``(x, y)`` of shape ``[num_streams, row_length]`` with
    ``row_length = (len(ids) - 1) // num_streams``. Row ``r`` holds the
    ``r``-th consecutive stretch of the text; ``y[r, t]`` is the character
    after ``x[r, t]``. Unlike the echo of chapter 1, the target at a row's
    end is the first character of the next row: that *is* the next character
    of the text, so shifting before splitting is right here.
    """
    ids = np.asarray(ids)
    if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
        raise ValueError(
            f"ids must be a 1-D integer array, got shape {ids.shape} and "
            f"dtype {ids.dtype}; encode the text with Vocabulary.encode."
        )
    num_streams = positive_int("num_streams", num_streams)
    row_length = (len(ids) - 1) // num_streams
    if row_length < 1:
        raise ValueError(
            f"{len(ids)} characters do not fill {num_streams} streams of at "
            "least one step each (one more character is needed for the "
            "last target); use fewer streams or a longer text."
        )
    used = num_streams * row_length
    x = ids[:used].reshape(num_streams, row_length)
    y = ids[1 : used + 1].reshape(num_streams, row_length)
    return x.astype(np.int32), y.astype(np.int32)


def text_windows(
    ids, num_streams: int, window_length: int
) -> tuple[np.ndarray, np.ndarray]:
    """Inputs and targets as windows ``[num_windows, num_streams,
    window_length]``: :func:`to_streams`, then chapter 1's
    :func:`rnnbook.data.to_windows`."""
    x, y = to_streams(ids, num_streams)
    if positive_int("window_length", window_length) > x.shape[1]:
        raise ValueError(
            f"window_length={window_length} is longer than a stream "
            f"({x.shape[1]} characters); use a shorter window, fewer "
            "streams or a longer text."
        )
    return to_windows(x, window_length), to_windows(y, window_length)


def from_windows(windows) -> np.ndarray:
    """Undo the cutting: windows ``[num_windows, num_streams, T]`` back to
    the stretch of text they cover, as one 1-D array of ids."""
    windows = np.asarray(windows)
    if windows.ndim != 3:
        raise ValueError(
            f"windows must have shape [num_windows, num_streams, T], got "
            f"{windows.shape}."
        )
    rows = windows.transpose(1, 0, 2).reshape(windows.shape[1], -1)
    return integer_matrix("rows", rows).ravel()


def words(text: str) -> list[str]:
    """The words of ``text``: its runs of letters (``"o'er"`` is two)."""
    return re.findall(r"[A-Za-z]+", text)


def known_word_share(sample: str, known: set[str]) -> float:
    """The share of the words of ``sample`` that are in ``known`` (say,
    every word of the training text): how much of a generated text is
    spelt like real words. Case counts: names are in capitals."""
    sampled = words(sample)
    if not sampled:
        raise ValueError(
            f"the sample holds no word to check: {sample[:40]!r}; generate "
            "a longer text."
        )
    return sum(word in known for word in sampled) / len(sampled)
