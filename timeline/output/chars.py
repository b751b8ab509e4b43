"""Characters an output cannot carry: those XML 1.0 (and so TimeML and HTML) has no room
for, and those a terminal would act on. Each is replaced by U+FFFD, one for one, so
offsets into the text still hold."""

from __future__ import annotations

import re

__all__ = ["printable", "xml_safe"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(s: str) -> str:
    """``s`` with each character XML 1.0 (and so HTML) cannot hold as U+FFFD, one for one."""
    return _NOT_XML.sub("\ufffd", s)


def printable(s: str) -> str:
    """``s`` with each character a terminal would act on (controls, escapes) as U+FFFD."""
    return "".join(c if c.isprintable() else "\ufffd" for c in s)
