"""A shared plandoc serve for the tests: two municipalities, a county and an admin, on SQLite
and (where Debian's PostgreSQL is installed) on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its TestClient; httpx still works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from plandoc.serve import users
from plandoc.serve.app import create_app
from plandoc.serve.service import Settings
from plandoc.serve.users import add_user

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "inputs" / "sandbakken" / "program.xlsx"
PASSWORD = "et-langt-passord"
#: Two municipalities, each with its own programme (the folder names `plandoc build` writes).
ELVESTAD, NORDBY = "elvestad-kommune", "nordby-kommune"


def workbook(kommune: str = "Elvestad kommune", budget: object = 950000,
             county: str = "Østfold", name: str = "Områdeløft Sandbakken") -> bytes:
    """The Sandbakken example as another municipality's workbook; `budget` goes in
    Budsjett!D3 (a text there is a mistake with its cell)."""
    wb = openpyxl.load_workbook(EXAMPLE)
    wb["Program"]["B2"] = kommune
    wb["Program"]["B4"] = county
    wb["Program"]["B5"] = name
    wb["Budsjett"]["D3"] = budget
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster in a temporary folder (skipped when not installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL er ikke installert (Debian: postgresql); hopper over")
    bin_dir = Path(found[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="plandoc-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres user
        if shutil.which("runuser") is None or subprocess.run(
                ["id", "postgres"], capture_output=True).returncode != 0:
            pytest.skip("kan ikke kjøre PostgreSQL som root (mangler brukeren postgres)")
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", "plandoc",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True,
                   capture_output=True)
    subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                    str(folder / "log"), "-w", "-o",
                    f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        subprocess.run([*run_as, str(bin_dir / "createdb"), "-h", str(folder), "-p", str(port),
                        "-U", "plandoc", "plandoc"], check=True, capture_output=True)
        yield f"postgresql://plandoc@/plandoc?host={folder}&port={port}"
    finally:
        subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Site:
    """One running app with its users, and each municipality's first upload done."""

    client_factory: object
    settings: Settings
    first: dict[str, dict]

    def client(self) -> TestClient:
        return self.client_factory()  # type: ignore[operator,no-any-return]

    def login(self, name: str) -> tuple[TestClient, str]:
        client = self.client()
        reply = client.post("/api/login", json={"username": name, "password": PASSWORD})
        assert reply.status_code == 200, reply.text
        return client, reply.json()["csrf_token"]


@pytest.fixture(scope="session", autouse=True)
def quick_hashes() -> Iterator[None]:
    """Cheaper argon2 settings in tests (the production defaults cost ~0.1 s per login)."""
    from argon2 import PasswordHasher

    kept = users._hasher
    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    users._hasher = kept


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[Site]:
    database = None
    if request.param == "postgresql":
        database = request.getfixturevalue("postgres_url")
    data = tmp_path_factory.mktemp(f"serve-{request.param}")
    settings = Settings(data=data, database=database, time_limit=120, max_builds=2)
    app = create_app(settings)
    db = app.state.service.db
    add_user(db, "elvestad", PASSWORD, "leder", [ELVESTAD])
    add_user(db, "nordby", PASSWORD, "leder", [NORDBY], language="nynorsk")
    add_user(db, "ostfold", PASSWORD, "fylke", county="Østfold")
    add_user(db, "admin", PASSWORD, "admin")
    clients: list[TestClient] = []

    def factory() -> TestClient:
        client = TestClient(app)
        clients.append(client)
        return client

    site = Site(factory, settings, {})

    def first_upload(user: str, slug: str, kommune: str, county: str) -> None:
        client, csrf = site.login(user)
        started = time.monotonic()
        reply = client.post(f"/api/programmes/{slug}/uploads", headers={"X-CSRF-Token": csrf},
                            files=[("files", ("program.xlsx", workbook(kommune, county=county)))])
        assert reply.status_code == 201, reply.text
        site.first[slug] = reply.json() | {"seconds": time.monotonic() - started}

    # Both at once, as two municipalities would.
    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(first_upload, "elvestad", ELVESTAD, "Elvestad kommune",
                                   "Østfold"),
                       pool.submit(first_upload, "nordby", NORDBY, "Nordby kommune",
                                   "Vestland")]:
            future.result()
    yield site
    for client in clients:
        client.close()
    app.state.service.db.close()
