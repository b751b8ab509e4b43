"""Sphinx configuration for the timeline documentation."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "timeline"
author = "the timeline developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.doctest", "sphinx.ext.napoleon", "generated"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "_ext", "screenshot.py"]
nitpicky = False
autodoc_typehints = "description"
html_theme = "alabaster"
html_static_path = ["_static"]  # timeline.png, made by docs/screenshot.py
# HAS_DASK, HAS_SPACY: the Dask and spaCy examples need their extras; with only the docs extra they are skipped.
doctest_global_setup = ("from datetime import date\nimport importlib.util\nimport timeline\n"
                        "HAS_DASK = importlib.util.find_spec('dask') is not None\n"
                        "HAS_SPACY = importlib.util.find_spec('spacy') is not None")
