"""TimeML 1.2, written and read: :func:`document_to_timeml` writes an analyzed document,
:func:`parse_timeml` and :func:`read_timeml` read TimeML back (ours, or gold annotations
from elsewhere), with the same character offsets.

XML 1.0 cannot hold some characters (``\\x00``-``\\x08``,
``\\x0b``, ``\\x0c``, ``\\x0e``-``\\x1f``, surrogates, ``\\ufffe``, ``\\uffff``):
each becomes U+FFFD, one for one, so offsets still match the text.
"""

from .read import (
    MAX_BYTES,
    RELATIONS,
    TimeMLDocument,
    TimeMLError,
    TimeMLEvent,
    TimeMLLink,
    TimeMLSignal,
    TimeMLTimex,
    parse_timeml,
    read_timeml,
)
from .write import DCT_REL_TYPES, LINK_REL_TYPES, document_to_timeml

__all__ = ["DCT_REL_TYPES", "LINK_REL_TYPES", "MAX_BYTES", "RELATIONS", "TimeMLDocument", "TimeMLError",
           "TimeMLEvent", "TimeMLLink", "TimeMLSignal", "TimeMLTimex", "document_to_timeml", "parse_timeml",
           "read_timeml"]
