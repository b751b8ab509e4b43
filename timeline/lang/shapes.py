"""The shapes a language's data may take, checked and converted as the data is loaded.

A shape checks one value of a TOML file and turns it into what the engine
uses (``"morning"`` into :attr:`PartOfDay.MORNING`, a holiday's table into a
:class:`~timeline.time.algebra.DayRule`). A wrong value is a
:class:`LanguageError` that names the file, the place in it and what was
expected: a misspelled section or key is an error, never an empty set.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

__all__ = ["Anything", "Enum", "Flag", "Integer", "LanguageError", "ListOf", "MapOf", "Maybe", "Number", "OneOf",
           "Record", "Regex", "Shape", "Text", "Words"]


class LanguageError(ValueError):
    """A language's data cannot be used: the message says where and why."""


class Shape:
    """What one value must look like; :meth:`read` checks it and returns it converted."""

    def read(self, value: Any, where: str) -> Any:
        raise NotImplementedError

    def empty(self) -> Any:
        """The value an absent section or key stands for."""
        raise LanguageError("no default")

    def describe(self) -> str:
        raise NotImplementedError

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` is of the kind this shape reads (a table, a string...), right or wrong."""
        return True

    def fail(self, value: Any, where: str) -> LanguageError:
        return LanguageError(f"{where}: expected {self.describe()}, not {value!r}")


class Anything(Shape):
    def read(self, value: Any, where: str) -> Any:
        return value

    def describe(self) -> str:
        return "anything"


class Text(Shape):
    """A string, or one of ``choices``."""

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def read(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or (self.choices and value not in self.choices):
            raise self.fail(value, where)
        return value

    def empty(self) -> str:
        return ""

    def describe(self) -> str:
        return f"one of {', '.join(map(repr, self.choices))}" if self.choices else "a string"


class Regex(Text):
    """A regular expression, compiled."""

    def read(self, value: Any, where: str) -> re.Pattern[str]:  # type: ignore[override]
        text = super().read(value, where)
        try:
            return re.compile(text)
        except re.error as err:
            raise LanguageError(f"{where}: not a regular expression ({err}): {text!r}") from None

    def describe(self) -> str:
        return "a regular expression"


class Integer(Shape):
    def accepts(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def __init__(self, lo: int | None = None, hi: int | None = None, default: int = 0) -> None:
        self.lo, self.hi, self.default = lo, hi, default

    def read(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or (self.lo is not None and value < self.lo) \
                or (self.hi is not None and value > self.hi):
            raise self.fail(value, where)
        return value

    def empty(self) -> int:
        return self.default

    def describe(self) -> str:
        if self.lo is not None and self.hi is not None:
            return f"a whole number from {self.lo} to {self.hi}"
        return "a whole number"


class Number(Shape):
    """An amount written as a string: a whole number, a fraction (``"3/2"``), or ``"X"``
    for an unknown amount (read as None)."""

    def read(self, value: Any, where: str) -> Fraction | None:
        if value == "X":
            return None
        if not isinstance(value, str):
            raise self.fail(value, where)
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            raise self.fail(value, where) from None

    def describe(self) -> str:
        return 'an amount such as "2", "3/2", or "X" (unknown)'


class Flag(Shape):
    """``true``: the key is a member of a set of words (or, in a record, a marked property)."""

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)

    def read(self, value: Any, where: str) -> bool:
        if value is not True:
            raise self.fail(value, where)
        return True

    def empty(self) -> bool:
        return False

    def describe(self) -> str:
        return "true"


class Enum(Shape):
    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    """A member of an enum, by its value (``"morning"`` for :attr:`PartOfDay.MORNING`) or, with
    ``by_name``, by its name in lower case (``"day"`` for :attr:`Grain.DAY`)."""

    def __init__(self, cls: type[enum.Enum], *, by_name: bool = False) -> None:
        self.cls, self.by_name = cls, by_name

    def read(self, value: Any, where: str) -> enum.Enum:
        try:
            if self.by_name:
                if not isinstance(value, str) or value != value.lower():
                    raise KeyError(value)
                return self.cls[value.upper()]
            return self.cls(value)
        except (KeyError, ValueError):
            raise self.fail(value, where) from None

    def describe(self) -> str:
        names = [m.name.lower() if self.by_name else m.value for m in self.cls]
        return f"one of {', '.join(map(repr, names))}"


class Words(Shape):
    """A list of strings, read as a frozenset."""

    def read(self, value: Any, where: str) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(value, where)
        return frozenset(value)

    def empty(self) -> frozenset[str]:
        return frozenset()

    def describe(self) -> str:
        return "a list of strings"


class ListOf(Shape):
    """A list of values of one shape, read as a tuple (in order)."""

    def __init__(self, item: Shape, length: int | None = None) -> None:
        self.item, self.length = item, length

    def read(self, value: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list) or (self.length is not None and len(value) != self.length):
            raise self.fail(value, where)
        return tuple(self.item.read(v, f"{where}[{k}]") for k, v in enumerate(value))

    def empty(self) -> tuple[Any, ...]:
        return ()

    def describe(self) -> str:
        count = f"{self.length} " if self.length is not None else ""
        return f"a list of {count}items, each {self.item.describe()}"


class MapOf(Shape):
    """A table of any keys, each with a value of one shape (a word class: word -> meaning)."""

    def __init__(self, value: Shape, keys: Text | None = None) -> None:
        self.value, self.keys = value, keys

    def read(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(value, where)
        if self.keys is not None:
            for key in value:
                self.keys.read(key, f"{where}: the key {key!r}")
        return {key: self.value.read(v, f"{where} {key!r}") for key, v in value.items()}

    def empty(self) -> dict[str, Any]:
        return {}

    def describe(self) -> str:
        return f"a table whose values are each {self.value.describe()}"


class Record(Shape):
    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    """A table with named fields; a field that is left out takes its shape's empty value,
    and a field the record does not have is an error. ``make`` turns the fields into a value."""

    def __init__(self, fields: Mapping[str, Shape], required: tuple[str, ...] = (),
                 make: Callable[..., Any] | None = None) -> None:
        self.fields, self.required, self.make = dict(fields), required, make

    def read(self, value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise self.fail(value, where)
        for key in value:
            if key not in self.fields:
                near = difflib.get_close_matches(key, self.fields, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise LanguageError(f"{where}: unknown key {key!r}{hint}; known: {', '.join(self.fields)}")
        for key in self.required:
            if key not in value:
                raise LanguageError(f"{where}: {key!r} is required")
        out = {key: shape.read(value[key], f"{where}.{key}") if key in value else shape.empty()
               for key, shape in self.fields.items()}
        if self.make is not None:
            present = {key: v for key, v in out.items() if key in value}
            try:
                return self.make(**present)
            except (TypeError, ValueError) as err:
                raise LanguageError(f"{where}: {err}") from None
        return out

    def empty(self) -> Any:
        if self.required or self.make is not None:
            raise LanguageError("a record with required fields has no default")
        return {key: shape.empty() for key, shape in self.fields.items()}

    def describe(self) -> str:
        return f"a table with the keys {', '.join(self.fields)}"


class Maybe(Shape):
    """A value of ``shape``, or nothing (None) where it is left out."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape

    def read(self, value: Any, where: str) -> Any:
        return self.shape.read(value, where)

    def empty(self) -> None:
        return None

    def describe(self) -> str:
        return self.shape.describe()


class OneOf(Shape):
    """A value of the first of several shapes it fits."""

    def __init__(self, *shapes: Shape) -> None:
        self.shapes = shapes

    def read(self, value: Any, where: str) -> Any:
        fitting = [shape for shape in self.shapes if shape.accepts(value)]
        if len(fitting) == 1:  # only one shape reads this kind of value: its own message says what is wrong
            return fitting[0].read(value, where)
        for shape in fitting:
            try:
                return shape.read(value, where)
            except LanguageError:
                continue
        raise self.fail(value, where)

    def describe(self) -> str:
        return " or ".join(shape.describe() for shape in self.shapes)
