"""The Content Security Policy the pages are served with (src/web/headers.rs), for pages
that a test serves again itself (helpers.axe): read from the Rust source, so the two never
drift apart."""

import re
from pathlib import Path

_SOURCE = Path(__file__).resolve().parents[3] / "src" / "web" / "headers.rs"


def _read() -> str:
    text = _SOURCE.read_text(encoding="utf-8")
    match = re.search(r'pub const CSP: &str = "(.*?)";', text, re.S)
    assert match, f"no CSP constant in {_SOURCE}"
    return re.sub(r"\\\s*\n\s*", "", match.group(1))


CSP = _read()
