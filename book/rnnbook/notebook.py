"""Conveniences for the chapters: showing the package's own source in place of a copy."""

from __future__ import annotations

import inspect

__all__ = ["show_source"]


def show_source(obj: object):
    """The source of a function, class or module of this package, highlighted for the notebook.

    A chapter that teaches code the package holds shows it with this, so the
    code lives once and the book shows exactly what runs.
    """
    from IPython.display import Code

    try:
        source = inspect.getsource(obj)
    except (TypeError, OSError) as error:
        raise TypeError(f"cannot show the source of {obj!r}: pass a function, class or module ({error}).") from None
    return Code(source, language="python")
