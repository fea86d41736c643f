"""The database: SQLite under --data by default, PostgreSQL for a shared deployment.

Plain SQL with `?` placeholders through one small wrapper, so that both engines run the same
statements; no ORM for six tables. Every call opens its own short connection (SQLite) or
takes one from a small per-thread cache (PostgreSQL), so threads never share a cursor.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS settings (
        name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS users (
        name TEXT PRIMARY KEY, password TEXT NOT NULL, role TEXT NOT NULL,
        county TEXT, language TEXT NOT NULL DEFAULT 'bokmål', created DOUBLE PRECISION NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS user_programmes (
        username TEXT NOT NULL, slug TEXT NOT NULL, PRIMARY KEY (username, slug))""",
    """CREATE TABLE IF NOT EXISTS programmes (
        slug TEXT PRIMARY KEY, name TEXT, county TEXT, created DOUBLE PRECISION NOT NULL,
        summary TEXT)""",
    """CREATE TABLE IF NOT EXISTS sessions (
        token TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL,
        created DOUBLE PRECISION NOT NULL, seen DOUBLE PRECISION NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS login_failures (
        key TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS uploads (
        id TEXT PRIMARY KEY, slug TEXT NOT NULL, username TEXT NOT NULL,
        created DOUBLE PRECISION NOT NULL, files TEXT NOT NULL, status TEXT NOT NULL,
        result TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit (
        at DOUBLE PRECISION NOT NULL, username TEXT, action TEXT NOT NULL, slug TEXT,
        detail TEXT, address TEXT)""",
    "CREATE INDEX IF NOT EXISTS uploads_slug ON uploads (slug, created)",
    "CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at)",
]


class Database:
    """A database by URL: `sqlite:///path`, a plain path, or `postgresql://…`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith(("postgresql://", "postgres://"))
        self._local = threading.local()
        if not self.postgres:
            self.path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:") \
                else Path(url)
            self.path.parent.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------ connections

    def _connect(self) -> Any:
        if self.postgres:
            import psycopg

            conn = getattr(self._local, "conn", None)
            if conn is None or conn.closed:
                conn = psycopg.connect(self.url, autocommit=False)
                self._local.conn = conn
            return conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """One transaction: committed when the block ends, rolled back on an exception."""
        conn = self._connect()
        try:
            if not self.postgres:
                conn.execute("BEGIN IMMEDIATE")
            cursor = Cursor(conn.cursor(), self.postgres)
            try:
                yield cursor
            except BaseException:
                conn.rollback() if self.postgres else conn.execute("ROLLBACK")
                raise
            conn.commit() if self.postgres else conn.execute("COMMIT")
        finally:
            if not self.postgres:
                conn.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.transaction() as cur:
            cur.execute(sql, params)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.transaction() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # ------------------------------------------------------------ set-up

    def create(self) -> None:
        """Create the tables when missing (safe to run from several processes at once)."""
        with self.transaction() as cur:
            if self.postgres:
                # Two processes starting together must not both create the tables.
                cur.execute("SELECT pg_advisory_xact_lock(4711)")
            for statement in SCHEMA:
                cur.execute(statement)

    def secret(self) -> str:
        """The key session cookies are signed with: one per database, so that every app
        process sharing the database accepts the others' cookies."""
        with self.transaction() as cur:
            cur.execute("SELECT value FROM settings WHERE name = 'secret'")
            row = cur.fetchone()
            if row:
                return str(row[0])
            value = secrets.token_urlsafe(48)
            cur.execute("INSERT INTO settings (name, value) VALUES ('secret', ?) "
                        "ON CONFLICT (name) DO NOTHING", (value,))
            cur.execute("SELECT value FROM settings WHERE name = 'secret'")
            stored = cur.fetchone()
            return str(stored[0]) if stored else value

    def audit(self, username: str | None, action: str, slug: str | None = None,
              detail: str = "", address: str = "") -> None:
        """One line in the audit log (logins, uploads, downloads)."""
        self.execute("INSERT INTO audit (at, username, action, slug, detail, address) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     (time.time(), username, action, slug, detail, address))


class Cursor:
    """A DB-API cursor that takes `?` placeholders on both engines."""

    def __init__(self, cursor: Any, postgres: bool) -> None:
        self._cursor = cursor
        self._postgres = postgres

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if self._postgres:
            sql = sql.replace("%", "%%").replace("?", "%s")
        self._cursor.execute(sql, tuple(params))

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._cursor.fetchall()]

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return tuple(row) if row is not None else None

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)
