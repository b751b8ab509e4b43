"""The package's version, kept in one place (pyproject.toml's ``version`` must agree; a test checks)."""

__version__ = "0.1.0"
