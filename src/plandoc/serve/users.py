"""Users, roles and passwords (argon2): who may see and upload to which programme."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plandoc.core.paths import slugify
from plandoc.serve.db import Database

#: leder: own programmes; fylke: every programme of its county; admin: everything.
ROLES = ("leder", "fylke", "admin")
LANGUAGES = ("bokmål", "nynorsk")
MIN_PASSWORD = 10

_hasher = PasswordHasher()
#: Verified against when the user does not exist, so a wrong name takes as long as a wrong
#: password (no telling which names exist from the time a login takes).
_DUMMY = _hasher.hash("plandoc-ingen-bruker")


class UserError(ValueError):
    """A user cannot be added or changed as asked (the message is Norwegian)."""


@dataclass
class User:
    name: str
    role: str
    county: str | None = None
    language: str = "bokmål"
    programmes: list[str] = field(default_factory=list)


def _valid_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._@-]{2,64}", name):
        raise UserError("brukernavnet må ha 2–64 tegn: bokstaver a–z, sifre, . _ @ -")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"passordet må ha minst {MIN_PASSWORD} tegn")


def add_user(db: Database, name: str, password: str, role: str,
             programmes: list[str] | tuple[str, ...] = (), county: str | None = None,
             language: str = "bokmål") -> User:
    """Create a user; `programmes` are slugs (registered as programmes when new)."""
    _valid_name(name)
    check_password(password)
    if role not in ROLES:
        raise UserError(f"ukjent rolle «{role}»; velg leder, fylke eller admin")
    if role == "leder" and not programmes:
        raise UserError("en leder må ha minst ett program (--programme)")
    if role == "fylke" and not county:
        raise UserError("en fylkesbruker må ha et fylke (--fylke)")
    if language not in LANGUAGES:
        raise UserError("målform må være bokmål eller nynorsk")
    slugs = []
    for slug in programmes:
        if slugify(slug) != slug:
            raise UserError(f"«{slug}» er ikke et programnavn slik plandoc build skriver det "
                            f"(mente du «{slugify(slug)}»?)")
        slugs.append(slug)
    with db.transaction() as cur:
        cur.execute("SELECT 1 FROM users WHERE name = ?", (name,))
        if cur.fetchone():
            raise UserError(f"brukeren «{name}» finnes allerede")
        cur.execute("INSERT INTO users (name, password, role, county, language, created) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (name, _hasher.hash(password), role, county, language, time.time()))
        for slug in slugs:
            cur.execute("INSERT INTO programmes (slug, created) VALUES (?, ?) "
                        "ON CONFLICT (slug) DO NOTHING", (slug, time.time()))
            cur.execute("INSERT INTO user_programmes (username, slug) VALUES (?, ?)",
                        (name, slug))
    return User(name, role, county, language, slugs)


def get_user(db: Database, name: str) -> User | None:
    row = db.one("SELECT name, role, county, language FROM users WHERE name = ?", (name,))
    if row is None:
        return None
    slugs = [r[0] for r in db.all(
        "SELECT slug FROM user_programmes WHERE username = ? ORDER BY slug", (name,))]
    return User(row[0], row[1], row[2], row[3], slugs)


def list_users(db: Database) -> list[User]:
    names = [r[0] for r in db.all("SELECT name FROM users ORDER BY name")]
    return [u for u in (get_user(db, n) for n in names) if u is not None]


def remove_user(db: Database, name: str) -> None:
    with db.transaction() as cur:
        cur.execute("DELETE FROM users WHERE name = ?", (name,))
        if cur.rowcount == 0:
            raise UserError(f"fant ingen bruker «{name}»")
        cur.execute("DELETE FROM user_programmes WHERE username = ?", (name,))
        cur.execute("DELETE FROM sessions WHERE username = ?", (name,))


def set_password(db: Database, name: str, password: str) -> None:
    """A new password; every session of the user ends."""
    check_password(password)
    with db.transaction() as cur:
        cur.execute("UPDATE users SET password = ? WHERE name = ?",
                    (_hasher.hash(password), name))
        if cur.rowcount == 0:
            raise UserError(f"fant ingen bruker «{name}»")
        cur.execute("DELETE FROM sessions WHERE username = ?", (name,))


def authenticate(db: Database, name: str, password: str) -> User | None:
    """The user when the password is right, else None (in about the same time either way)."""
    row = db.one("SELECT password FROM users WHERE name = ?", (name,))
    stored = row[0] if row else _DUMMY
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(stored):
        db.execute("UPDATE users SET password = ? WHERE name = ?",
                   (_hasher.hash(password), name))
    return get_user(db, name)


def visible_slugs(db: Database, user: User) -> list[str]:
    """The programmes `user` may see, sorted."""
    if user.role == "admin":
        rows = db.all("SELECT slug FROM programmes ORDER BY slug")
    elif user.role == "fylke":
        rows = db.all("SELECT slug FROM programmes WHERE lower(county) = lower(?) "
                      "ORDER BY slug", (user.county or "",))
    else:
        return sorted(user.programmes)
    return [r[0] for r in rows]


def may_see(db: Database, user: User, slug: str) -> bool:
    return slug in visible_slugs(db, user)


def may_upload(db: Database, user: User, slug: str) -> bool:
    """A leder uploads to their programmes, an admin to any; a county reads only."""
    if user.role == "admin":
        return db.one("SELECT 1 FROM programmes WHERE slug = ?", (slug,)) is not None
    return user.role == "leder" and slug in user.programmes
