"""The text data contract (rnnbook.text): the packaged corpus, ids, streams and windows."""

import gzip
import hashlib
import re
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnbook import text
from rnnbook.data import to_windows

CORPUS = resources.files("rnnbook") / "corpus"


def test_the_packaged_corpus_has_the_published_checksum():
    raw = gzip.decompress((CORPUS / "tinyshakespeare.txt.gz").read_bytes())
    assert len(raw) == 1_115_394
    assert hashlib.sha256(raw).hexdigest() == text.SHAKESPEARE_SHA256
    readme = (CORPUS / "README.md").read_text()
    assert text.SHAKESPEARE_SHA256 in readme, "the README states the checksum of the uncompressed text"


def test_load_shakespeare_gives_the_text_and_its_65_characters():
    corpus = text.load_shakespeare()
    assert corpus.startswith("First Citizen:\nBefore we proceed any further")
    vocabulary = text.Vocabulary.from_text(corpus)
    assert vocabulary.size == 65
    assert vocabulary.chars[:2] == "\n "


def test_a_damaged_corpus_is_refused(monkeypatch):
    monkeypatch.setattr(text, "SHAKESPEARE_SHA256", "0" * 64)
    with pytest.raises(ValueError, match="damaged"):
        text.load_shakespeare()


def test_vocabulary_round_trip_and_errors():
    vocabulary = text.Vocabulary.from_text("hello world")
    assert vocabulary.chars == " dehlorw"
    ids = vocabulary.encode("hello")
    assert ids.dtype == np.int32 and ids.tolist() == [3, 2, 4, 4, 5]
    assert vocabulary.decode(ids) == "hello"
    with pytest.raises(ValueError, match="'f' is not in the vocabulary"):
        vocabulary.encode("fizz")
    with pytest.raises(ValueError, match=re.escape("ids must lie in [0, 8)")):
        vocabulary.decode([0, 8])
    with pytest.raises(ValueError, match="distinct"):
        text.Vocabulary("aab")
    with pytest.raises(ValueError, match="at least one character"):
        text.Vocabulary("")
    with pytest.raises(TypeError, match="decode bytes first"):
        text.Vocabulary.from_text(b"bytes")


def test_split_keeps_a_contiguous_tail():
    ids = np.arange(100)
    train, validation = text.split_text(ids, 0.05)
    assert train.tolist() == list(range(95)) and validation.tolist() == list(range(95, 100))
    with pytest.raises(ValueError, match="between 0 and 1"):
        text.split_text(ids, 1.5)
    with pytest.raises(ValueError, match="nothing to train on"):
        text.split_text(np.arange(2), 0.9)


@st.composite
def texts_and_sizes(draw):
    num_streams = draw(st.integers(1, 6))
    window_length = draw(st.integers(1, 12))
    row_length = draw(st.integers(window_length, 60))
    extra = draw(st.integers(1, num_streams))  # at least the last target
    chars = draw(
        st.text(
            alphabet="ab c\nXYZ", min_size=num_streams * row_length + extra, max_size=num_streams * row_length + extra
        )
    )
    return chars, num_streams, window_length


@given(texts_and_sizes())
@settings(max_examples=200, deadline=None)
def test_windows_round_trip_to_the_text(case):
    chars, num_streams, window_length = case
    vocabulary = text.Vocabulary.from_text(chars)
    ids = vocabulary.encode(chars)
    x_windows, y_windows = text.text_windows(ids, num_streams, window_length)
    row_length = (len(ids) - 1) // num_streams
    num_windows = row_length // window_length
    assert x_windows.shape == y_windows.shape == (num_windows, num_streams, window_length)
    covered = num_windows * window_length
    x_rows = text.from_windows(x_windows).reshape(num_streams, covered)
    y_rows = text.from_windows(y_windows).reshape(num_streams, covered)
    for row in range(num_streams):
        start = row * row_length
        # the inputs are the row's stretch of the text, the targets the same stretch one later
        assert vocabulary.decode(x_rows[row]) == chars[start : start + covered]
        assert vocabulary.decode(y_rows[row]) == chars[start + 1 : start + 1 + covered]
    if row_length == covered:  # the windows cover the text without gaps
        assert vocabulary.decode(text.from_windows(x_windows)) == chars[: num_streams * row_length]


def test_streams_reuse_chapter_1_windows():
    ids = np.arange(41)
    x, y = text.to_streams(ids, 4)
    assert x.shape == y.shape == (4, 10)
    assert (y == x + 1).all(), "the target is the next character, even at a row's end"
    x_windows, _ = text.text_windows(ids, 4, 5)
    assert (x_windows == to_windows(x, 5)).all()


def test_stream_and_window_errors_say_how_to_fix_them():
    with pytest.raises(ValueError, match="use fewer streams"):
        text.to_streams(np.arange(4), 4)
    with pytest.raises(ValueError, match="1-D integer array"):
        text.to_streams(np.zeros((2, 3), int), 1)
    with pytest.raises(ValueError, match="use a shorter window"):
        text.text_windows(np.arange(41), 4, 11)
    with pytest.raises(TypeError, match="positive integer"):
        text.to_streams(np.arange(41), 2.5)
    with pytest.raises(ValueError, match="num_windows, num_streams, T"):
        text.from_windows(np.zeros((3, 4)))


def test_known_word_share_counts_real_words():
    known = set(text.words("To be, or not to be: that is the question."))
    assert text.words("o'er the hill") == ["o", "er", "the", "hill"]
    assert text.known_word_share("to be or nott", known) == 0.75
    assert text.known_word_share("TO BE", known) == 0.0  # case counts
    with pytest.raises(ValueError, match="no word"):
        text.known_word_share(" ,.\n", known)
