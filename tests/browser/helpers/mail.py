"""Emails the server delivered with MAIL_TRANSPORT=file://DIR (one `.eml` per message)."""

from __future__ import annotations

import email
import email.policy
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path


@dataclass
class Mail:
    """What a test reads in an email: who it went to, its subject, and both bodies."""

    path: Path
    subject: str
    to: list[str]
    sender: str
    text: str
    html: str
    message: EmailMessage


def parse(path: Path) -> Mail:
    """One `.eml` file, parsed with the modern `email` policy (decoded headers and bodies)."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    return Mail(
        path=path,
        subject=str(msg.get("Subject", "")),
        to=[addr.lower() for _, addr in getaddresses(msg.get_all("To", []))],
        sender=str(msg.get("From", "")),
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else "",
        message=msg,
    )


def read_all(mail_dir: Path, to: str | None = None) -> list[Mail]:
    """Every delivered email, oldest first (by file time, then name); only `.eml` files,
    since the server writes `.eml.tmp` and renames it when complete."""
    if not mail_dir.is_dir():
        return []
    paths = sorted(mail_dir.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    mails = [parse(p) for p in paths]
    if to is not None:
        mails = [m for m in mails if to.lower() in m.to]
    return mails


def wait_for(
    mail_dir: Path,
    to: str,
    subject_contains: str | None,
    timeout: float,
    taken: set[Path],
) -> Mail:
    """The oldest matching email not in `taken` (which it joins), polling until `timeout`:
    so waiting twice for "the reset email" gets the second one, not the first again."""
    deadline = time.monotonic() + timeout
    while True:
        for m in read_all(mail_dir, to):
            if m.path not in taken and (subject_contains is None or subject_contains in m.subject):
                taken.add(m.path)
                return m
        if time.monotonic() >= deadline:
            seen = [(m.to, m.subject) for m in read_all(mail_dir)]
            raise AssertionError(
                f"no new email to {to!r} with subject containing {subject_contains!r} "
                f"within {timeout} s; delivered so far: {seen}"
            )
        time.sleep(0.2)
