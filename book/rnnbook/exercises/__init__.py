"""Checks for the chapters' exercises, one module per chapter.

A check takes the reader's answer and returns a :class:`Feedback` that says
whether it is right and, if not, what is wrong. An exercise left unanswered
(``None``) is not an error: the check says it is waiting. Each check computes
its expected answer from the chapter's own parameters, so it still holds
when a reader changes them.
"""

from rnnbook.exercises.feedback import Feedback

__all__ = ["Feedback"]
