"""Parser backends that run an external model (stanza, Frog) and return :mod:`timeline.text.parse` sentences."""

from __future__ import annotations

__all__ = ["BackendError"]


class BackendError(RuntimeError):
    """A backend cannot run here: its package, its model or its program is missing.

    A RuntimeError, not a ValueError: the text and the arguments are fine, the
    installation is not, so code that catches ValueError for bad input does not
    swallow it. The message names the fix (what to install, which option or
    environment variable points to a model).
    """
