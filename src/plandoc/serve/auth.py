"""Sessions (signed HttpOnly cookies backed by a table), CSRF tokens and login throttling."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass

from itsdangerous import BadSignature, Signer

from plandoc.serve.db import Database
from plandoc.serve.users import User, authenticate, get_user

COOKIE = "plandoc_okt"
#: A session ends after this long without a request (seconds), and at the latest after a day.
IDLE = 8 * 3600
LONGEST = 24 * 3600
#: Failed logins allowed per user name and per address within WINDOW seconds.
PER_USER = 5
PER_ADDRESS = 20
WINDOW = 15 * 60


@dataclass
class Session:
    token: str
    user: User
    csrf: str


class Throttled(Exception):
    """Too many failed logins; `wait` is seconds until the next try is allowed."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = wait


class Sessions:
    """Sessions kept in the database, so that logout and a new password end them at once
    in every app process; the cookie holds only the signed session token."""

    def __init__(self, db: Database, secret: str) -> None:
        self.db = db
        self.signer = Signer(secret, salt="plandoc-session")

    def cookie_value(self, session: Session) -> str:
        return self.signer.sign(session.token).decode()

    def login(self, name: str, password: str, address: str) -> Session | None:
        """A new session, or None for a wrong name or password; raises Throttled."""
        self._check_throttle(name, address)
        user = authenticate(self.db, name, password)
        if user is None:
            now = time.time()
            with self.db.transaction() as cur:
                cur.execute("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                            (f"user:{name.lower()}", now))
                cur.execute("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                            (f"ip:{address}", now))
            self.db.audit(name, "innlogging feilet", address=address)
            return None
        session = Session(secrets.token_urlsafe(32), user, secrets.token_urlsafe(32))
        now = time.time()
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM login_failures WHERE key = ?", (f"user:{name.lower()}",))
            cur.execute("DELETE FROM sessions WHERE created < ?", (now - LONGEST,))
            cur.execute("INSERT INTO sessions (token, username, csrf, created, seen) "
                        "VALUES (?, ?, ?, ?, ?)", (session.token, user.name, session.csrf,
                                                   now, now))
        self.db.audit(user.name, "innlogging", address=address)
        return session

    def _check_throttle(self, name: str, address: str) -> None:
        since = time.time() - WINDOW
        for key, limit in ((f"user:{name.lower()}", PER_USER), (f"ip:{address}", PER_ADDRESS)):
            rows = self.db.all("SELECT at FROM login_failures WHERE key = ? AND at > ? "
                               "ORDER BY at", (key, since))
            if len(rows) >= limit:
                oldest = rows[-limit][0]
                raise Throttled(max(1, int(oldest + WINDOW - time.time()) + 1))

    def find(self, cookie: str | None) -> Session | None:
        """The live session a cookie names, or None."""
        if not cookie:
            return None
        try:
            token = self.signer.unsign(cookie).decode()
        except BadSignature:
            return None
        row = self.db.one("SELECT username, csrf, created, seen FROM sessions WHERE token = ?",
                          (token,))
        if row is None:
            return None
        now = time.time()
        if now - row[3] > IDLE or now - row[2] > LONGEST:
            self.db.execute("DELETE FROM sessions WHERE token = ?", (token,))
            return None
        user = get_user(self.db, row[0])
        if user is None:
            return None
        if now - row[3] > 60:  # not a write on every request
            self.db.execute("UPDATE sessions SET seen = ? WHERE token = ?", (now, token))
        return Session(token, user, row[1])

    def logout(self, session: Session) -> None:
        self.db.execute("DELETE FROM sessions WHERE token = ?", (session.token,))


def csrf_ok(session: Session, sent: str | None) -> bool:
    """The token sent back with a state-changing request is this session's."""
    return bool(sent) and hmac.compare_digest(session.csrf, sent or "")
