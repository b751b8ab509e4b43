"""Date events the text itself does not date, with user anchors.

``Een week voor zijn inauguratie`` is, without help, only a duration (P1W). Given
``anchors={"inauguratie": "2017-01-20"}`` it becomes the date 2017-01-13, and with
``{"verkiezingen": "2016-11-08"}`` the phrase ``na de verkiezingen`` becomes a stretch
after 2016-11-08 (mod AFTER). Prints the expressions and event anchors before and
after, and checks the 2017-01-13.

Run: ``python examples/user_anchors.py``
"""

from __future__ import annotations

import sys

import timeline

TEXT = ("Een week voor zijn inauguratie stelde Trump zijn kabinet voor. "
        "Na de verkiezingen bleef het onrustig in Washington.")
ANCHORS = {"inauguratie": "2017-01-20", "verkiezingen": "2016-11-08"}


def show(title: str, doc: timeline.Document) -> None:
    print(title)
    for t in doc.timexes:
        mod = f" mod={t.mod.value}" if t.mod else ""
        print(f"  timex {t.text!r}: {t.type.value} {t.value}{mod}")
    for e in doc.events:
        print(f"  event {e.text!r}: anchor {e.anchor}")


def main() -> int:
    print(TEXT, "\n")
    show("without anchors:", timeline.analyze(TEXT, dct="2017-02-02"))
    doc = timeline.analyze(TEXT, dct="2017-02-02", anchors=ANCHORS)
    show(f"\nwith anchors {ANCHORS}:", doc)
    values = {t.text.lower(): t.value for t in doc.timexes}
    if values.get("een week voor zijn inauguratie") != "2017-01-13":
        print(f"FAIL: expected 2017-01-13, got {values}", file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
