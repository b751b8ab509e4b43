"""The outputs of an analysis: plain data for JSON and JSONL (:mod:`~timeline.output.records`),
CSV and a terminal table (:mod:`~timeline.output.tabular`), TimeML written and read
(:mod:`~timeline.output.timeml`), a self-contained HTML page (:mod:`~timeline.output.html`), and
JSON for Knight Lab's TimelineJS (:mod:`~timeline.output.timelinejs`).
Each is a pure function of the document."""

from .html import document_to_html
from .records import document_to_dict, document_to_jsonl_line, recognition_to_dict
from .tabular import document_to_csv, timeline_table
from .timelinejs import document_to_timelinejs
from .timeml import document_to_timeml, parse_timeml, read_timeml

__all__ = ["document_to_csv", "document_to_dict", "document_to_html", "document_to_jsonl_line",
           "document_to_timelinejs", "document_to_timeml", "parse_timeml", "read_timeml", "recognition_to_dict",
           "timeline_table"]
