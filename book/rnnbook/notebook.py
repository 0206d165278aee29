"""Conveniences for the chapters: the package's own source in place of a copy,
and values glued into the prose."""

from __future__ import annotations

import inspect

__all__ = ["show_source", "glue"]


def show_source(obj: object):
    """The highlighted source of a function, class or module of rnnbook.

    A chapter that teaches code the package holds shows it with this, so the
    code lives once and the book shows exactly what runs.
    """
    from IPython.display import Code

    try:
        source = inspect.getsource(obj)
    except (TypeError, OSError) as error:
        raise TypeError(
            f"cannot show the source of {obj!r}: pass a function, class or "
            f"module ({error})."
        ) from None
    return Code(source, language="python")


class _Words(str):
    """A glued string whose text is itself, without the quotes of repr."""

    def __repr__(self) -> str:
        return str.__str__(self)


def glue(name: str, value: object, display: bool = True):
    """Record ``value`` under ``name`` for the book's prose
    ({glue:text}`name`), as myst-nb's ``glue`` does.

    Where myst-nb is not installed (on Colab, say), there is no book to glue
    into, and this does nothing. NumPy scalars are stored as plain Python
    numbers, so that the book can apply a format such as ``:.3f`` to them;
    a string is stored as its text, without quotes.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return None
    if hasattr(value, "item") and getattr(value, "shape", None) == ():
        # NumPy and TensorFlow scalars -> Python numbers, which {glue:text}
        # can format
        value = value.item()
    if isinstance(value, str):
        value = _Words(value)
    return myst_glue(name, value, display=display)
