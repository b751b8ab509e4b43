"""Unresolved meanings: what a time expression says before it is anchored.

The recognizer turns text into one of these; :func:`timeline.time.resolve.resolve`
turns one into a value and an interval, given the DCT, the tense and the
reference time. They hold no words of any language.
"""

from __future__ import annotations

import enum
from fractions import Fraction

from attrs import frozen

from .algebra import DayRule, Grain, PartOfDay, Season

__all__ = [
    "Absolute",
    "Anchored",
    "Century",
    "Clock",
    "DayMonth",
    "DayOfWeek",
    "Decade",
    "Deictic",
    "Direction",
    "EventRelative",
    "Every",
    "Holiday",
    "Intent",
    "Length",
    "Nth",
    "PartOfYear",
    "Ref",
    "RefKind",
    "Relative",
    "Shifted",
    "Stretch",
    "Tense",
    "Weekend",
]


class Direction(enum.Enum):
    """Which way an underspecified expression points from its anchor."""

    BACK = "back"
    FORWARD = "forward"


class Tense(enum.Enum):
    """The tense of the clause an expression stands in, as far as it matters here."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


class RefKind(enum.Enum):
    """A time named only vaguely: now, some time before now, some time after it."""

    PRESENT = "present"
    PAST = "past"
    FUTURE = "future"


class Anchored(enum.Enum):
    """What a relative shift counts from."""

    DCT = "dct"  # the document creation time ("drie dagen geleden")
    REFERENCE = "reference"  # the last time the text mentioned ("twee dagen later")


@frozen
class Absolute:
    """A calendar date given in full or in part, with its year: ``3 februari 2017``, ``2014``.
    A year written in two digits (``'99``, ``12.03.81``) is ``short``: the DCT picks its century."""

    year: int
    month: int | None = None
    day: int | None = None
    short: bool = False


@frozen
class DayMonth:
    """A day and month without a year (``12 maart``): the year comes from the direction."""

    month: int
    day: int
    direction: Direction | None = None
    nearest: bool = False  # the time of a thing named before it ("de rellen van 12 maart"): see DayOfWeek
    weekday: int | None = None  # written before it ("zaterdag 14 mei"): it says which year is meant


@frozen
class DayOfWeek:
    """A weekday (1 = Monday), maybe forced, maybe in a given week, maybe with a part of day.

    ``nearest``: it tells the time of a thing named before it (``de slotkoers van
    vrijdag``), not of its clause's verb, so a present tense does not send it ahead:
    the nearest such day, either way (a past or future clause still points).
    """

    weekday: int
    direction: Direction | None = None
    week_shift: int | None = None  # "vorige week woensdag": -1
    part: PartOfDay | None = None
    nearest: bool = False
    weeks_on: int = 0  # "vrijdag over een week": the Friday the direction finds, one week on
    strict: bool = False  # a forcing word ("vorige donderdag"): never the DCT's own day


@frozen
class Deictic:
    """A day counted from the DCT (``gisteren`` is -1), maybe with a part of day."""

    days: int
    part: PartOfDay | None = None


@frozen
class Ref:
    """Now, some time ago, or some time ahead (``momenteel``, ``onlangs``, ``binnenkort``)."""

    kind: RefKind


@frozen
class Weekend:
    """A weekend: ``shift`` weeks from the DCT's, or ``None`` for the tense to decide."""

    shift: int | None = None
    direction: Direction | None = None
    nearest: bool = False  # "de rellen van het weekend": see DayOfWeek


@frozen
class Relative:
    """The calendar unit ``amount`` units from an anchor, at the unit's grain.

    ``vorige week`` is (-1, WEEK, DCT); ``drie dagen geleden`` (-3, DAY, DCT);
    ``twee dagen later`` (2, DAY, REFERENCE); ``die week`` (0, WEEK, REFERENCE).
    """

    amount: int
    unit: Grain
    anchor: Anchored = Anchored.DCT
    part: PartOfDay | None = None  # "morgenochtend" is tomorrow morning


@frozen
class PartOfYear:
    """A named part of a year: a month, quarter, half, season or ISO week.

    With ``year`` it is absolute; with ``year_shift`` it is in the DCT's year
    moved by that many years; with neither, the direction picks the year.
    """

    grain: Grain
    index: int  # month 1-12, quarter 1-4, half 1-2, ISO week 1-53, season 1-4 (spring to winter)
    year: int | None = None
    year_shift: int | None = None
    direction: Direction | None = None
    nearest: bool = False  # "de cijfers van maart": see DayOfWeek


@frozen
class Nth:
    """A day or week placed by its position in a month or year: ``de 15e`` (day 15 of the
    DCT's month), ``de derde dinsdag van september``, ``de laatste week van 2015``.

    ``within`` is the month or year (resolved first, by its own rules); ``nth`` counts
    from its start, or from its end when negative (-1: the last).
    """

    within: Intent
    nth: int
    grain: Grain = Grain.DAY  # DAY or WEEK
    weekday: int | None = None  # the nth such weekday (1 = Monday), else the nth day


@frozen
class Holiday:
    """A named day, computed per year by a calendar rule (see ``timeline.lang``)."""

    name: str
    rule: DayRule
    direction: Direction | None = None
    year: int | None = None


@frozen
class Decade:
    """``de jaren negentig``: ``tens`` 9; the century is the latest that has begun by the DCT."""

    tens: int
    century: int | None = None  # 19 for "de jaren 1990"


@frozen
class Century:
    """``de twintigste eeuw``: ordinal 20, value ``19``."""

    ordinal: int


@frozen
class Clock:
    """A time of day; the day comes from ``day``, else the reference time or the DCT."""

    hour: int
    minute: int = 0
    day: Intent | None = None  # the day, when the same expression names it ("maandag om 9 uur")


@frozen
class Length:
    """A duration: ``amount`` (None: unknown, ``PXD``) units."""

    amount: Fraction | None
    unit: Grain


@frozen
class Stretch:
    """A duration that starts or ends at the DCT: ``de afgelopen week``, ``de komende weken``."""

    length: Length
    direction: Direction


@frozen
class Every:
    """A set: every ``weekday`` (1-7), or every ``amount`` units (``wekelijks``), or every
    ``part`` of a day (``elke avond``), or every ``season`` of a year (``elk najaar``)."""

    weekday: int | None = None
    unit: Grain | None = None
    amount: int = 1
    part: PartOfDay | None = None
    season: Season | None = None


@frozen
class Shifted:
    """A time some units from an anchor, every unit added in turn: ``drie dagen na Pasen``
    (+3 days from Easter), ``1 jaar, 2 maanden en 10 dagen geleden`` (from the DCT). The
    value is at the finest unit's grain, or at ``grain`` where given."""

    steps: tuple[tuple[int, Grain], ...]
    base: Intent | None = None  # a day the expression names ("Pasen", "vandaag"); None: the DCT
    grain: Grain | None = None


@frozen
class EventRelative:
    """A time placed by an event the user dated: ``een week voor zijn inauguratie``
    (``offset`` one week back), ``na de verkiezingen`` (no offset: some time after),
    ``tijdens zijn inauguratie`` (no direction: the event's own time)."""

    event: str
    direction: Direction | None
    offset: Length | None = None


Intent = (Absolute | DayMonth | DayOfWeek | Deictic | Ref | Weekend | Relative | PartOfYear | Nth
          | Holiday | Decade | Century | Clock | Length | Stretch | Every | EventRelative | Shifted)
