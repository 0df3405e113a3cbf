"""Helpers for the browser tests; the fixtures that use them are in ../conftest.py."""

from .axe import assert_no_axe_violations, axe_results
from .mail import Mail
from .server import TalkootServer
from .shots import shot

__all__ = ["Mail", "TalkootServer", "assert_no_axe_violations", "axe_results", "shot"]
