"""Numbered screenshots in one folder per run, so a person can page through what the
tests saw, in the order they saw it."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from playwright.sync_api import Page

_folder: Path | None = None
_count = 0
_written = 0


def folder() -> Path:
    """`$BROWSER_SHOTS`, else /tmp/talkoot-browser-shots/<timestamp>/; created on first use.

    Numbering continues after any numbered PNG already there, so a reused folder keeps
    its order and nothing is overwritten."""
    global _folder, _count
    if _folder is None:
        default = Path("/tmp/talkoot-browser-shots") / time.strftime("%Y%m%d-%H%M%S")
        _folder = Path(os.environ.get("BROWSER_SHOTS") or default).resolve()
        _folder.mkdir(parents=True, exist_ok=True)
        numbered = (re.match(r"(\d+)-", p.name) for p in _folder.glob("*.png"))
        _count = max((int(m.group(1)) for m in numbered if m), default=0)
    return _folder


def shot(page: Page, name: str, full_page: bool = True) -> Path:
    """Saves `NNN-name.png` (the whole page by default, as a phone user scrolls through it)
    and returns its path."""
    global _count, _written
    directory = folder()
    _count += 1
    _written += 1
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "shot"
    path = directory / f"{_count:03d}-{slug}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def taken() -> int:
    """How many screenshots this run wrote (for the closing summary)."""
    return _written
