"""The real `talkoot` binary, run on a throw-away SQLite database for browser tests."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import mail

REPO = Path(__file__).resolve().parents[3]
READY_TIMEOUT = 60


def binary_path() -> Path:
    """Where the debug binary is: `TALKOOT_BIN`, else `${CARGO_TARGET_DIR:-target}/debug/talkoot`.

    The tests never build it (scripts/test does, before running them), so a missing
    binary is reported, not fixed.
    """
    if os.environ.get("TALKOOT_BIN"):
        return Path(os.environ["TALKOOT_BIN"]).resolve()
    target = Path(os.environ.get("CARGO_TARGET_DIR") or "target")
    return (target if target.is_absolute() else REPO / target) / "debug" / "talkoot"


def free_port() -> int:
    """A port the kernel just handed out and freed, so that parallel servers do not clash."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TalkootServer:
    """One `talkoot serve` with its own database, mail folder and search index.

    Everything lives in `tmpdir`, which is also the working directory, so a developer's
    `.env` in the repository cannot leak into the tests. `seed_demo()` goes before
    `start()`, `create_admin()` any time; `stop()` ends the process and removes `tmpdir`
    unless TALKOOT_KEEP_TMP=1.
    """

    def __init__(self, env: dict[str, str] | None = None, binary: Path | None = None):
        self.binary = binary or binary_path()
        if not self.binary.is_file():
            raise FileNotFoundError(
                f"talkoot binary not found at {self.binary}: build it first "
                "(cargo build) or point TALKOOT_BIN at it"
            )
        self.tmpdir = Path(tempfile.mkdtemp(prefix="talkoot-browser-"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = self.tmpdir / "mail"
        self.log_path = self.tmpdir / "server.log"
        self.seed_output = ""
        self._mails_taken: set[Path] = set()
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "APP_ENV": "development",
            "DATABASE_URL": self._database_url(),
            "MAIL_TRANSPORT": f"file://{self.mail_dir}",
            "SEARCH_DIR": str(self.tmpdir / "search"),
            "BIND_ADDR": f"127.0.0.1:{self.port}",
            "PUBLIC_BASE_URL": self.base_url,
            "JWT_SECRET": secrets.token_hex(32),
            "RUST_LOG": "warn",
            # Each browser context is a person of its own, on an address of its own
            # (conftest.new_page sets X-Forwarded-For): the per-address limits on logins
            # and registrations then hold per person, as on a real network, instead of
            # every test sharing 127.0.0.1's budget.
            "TRUST_FORWARDED_FOR": "true",
            **(env or {}),
        }

    def _database_url(self) -> str:
        """SQLite in `tmpdir`, or (TALKOOT_BROWSER_BACKEND=postgres) a fresh PostgreSQL
        database of this server's own on TALKOOT_BROWSER_PG (default the local
        postgres@127.0.0.1:5432, as the Rust tests use), dropped by `stop()`."""
        self.pg_database: str | None = None
        if os.environ.get("TALKOOT_BROWSER_BACKEND", "sqlite") != "postgres":
            return f"sqlite://{self.tmpdir}/talkoot.db"
        base = os.environ.get("TALKOOT_BROWSER_PG", "postgres://postgres@127.0.0.1:5432")
        name = f"talkoot_browser_{secrets.token_hex(6)}"
        self._psql(base, f'CREATE DATABASE "{name}"')
        self.pg_database = name
        self._pg_base = base
        return f"{base}/{name}"

    @staticmethod
    def _psql(base: str, sql: str) -> None:
        """One statement on the server's maintenance database (psql, which the machine's
        PostgreSQL brings)."""
        subprocess.run(
            ["psql", f"{base}/postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def url(self, path: str = "/") -> str:
        """An absolute URL on this server, for `page.goto` or plain HTTP checks."""
        return self.base_url + path

    def run_cli(self, *args: str, stdin: str | None = None) -> str:
        """Runs another subcommand on the same database; returns stdout, fails with stderr."""
        done = subprocess.run(
            [str(self.binary), *args],
            cwd=self.tmpdir,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"talkoot {' '.join(args)} exited {done.returncode}:\n{done.stderr}{done.stdout}"
            )
        return done.stdout

    def seed_demo(self) -> str:
        """Loads `seed --demo`; must come before `start()`, as seed refuses a used database
        and the running server's search index would not have seen the data. Returns (and
        keeps in `seed_output`) the report, which lists the demo logins."""
        if self.process is not None:
            raise RuntimeError("seed_demo() must run before start()")
        self.seed_output = self.run_cli("seed", "--demo")
        return self.seed_output

    def create_admin(self, email: str, password: str, display_name: str = "Ylläpitäjä") -> None:
        """A verified administrator, the one way to get one (there is no sign-up for it):
        `create-admin` reads the password from the first line of stdin."""
        self.run_cli(
            "create-admin", "--email", email, "--display-name", display_name, stdin=password + "\n"
        )

    def start(self) -> "TalkootServer":
        """Starts `serve` and waits until /readyz answers 200; fails with the server's log."""
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(self.binary), "serve"],
            cwd=self.tmpdir,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"talkoot exited {self.process.returncode} before ready:\n{self.log()}"
                )
            try:
                with urllib.request.urlopen(self.url("/readyz"), timeout=2) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop(keep_tmp=True)
        raise RuntimeError(f"talkoot not ready after {READY_TIMEOUT} s:\n{self.log()}")

    def log(self, tail: int = 8000) -> str:
        """The end of the server's stdout and stderr, for failure messages."""
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except FileNotFoundError:
            return ""

    def stop(self, keep_tmp: bool = False) -> None:
        """SIGTERM (graceful shutdown), then SIGKILL after 10 s; removes `tmpdir`."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not keep_tmp and os.environ.get("TALKOOT_KEEP_TMP") != "1":
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            if self.pg_database:
                self._psql(self._pg_base, f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)')
                self.pg_database = None

    def mails(self, to: str | None = None) -> list[mail.Mail]:
        """Every email delivered so far (oldest first), optionally only those to `to`."""
        return mail.read_all(self.mail_dir, to)

    def wait_for_mail(
        self, to: str, subject_contains: str | None = None, timeout: float = 20
    ) -> mail.Mail:
        """The next email to `to` (whose subject contains the text, if given) that no
        earlier call returned; polls, as the email worker sends after the request answers."""
        return mail.wait_for(self.mail_dir, to, subject_contains, timeout, self._mails_taken)
