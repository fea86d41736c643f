"""The JSON API with two municipalities: each sees, uploads and downloads only its own."""

from __future__ import annotations

import io
import zipfile

import docx
import pypdf
import pytest

from serve.conftest import ELVESTAD, NORDBY, PASSWORD, Site, workbook

ROUTES = [
    ("GET", "/api/programmes/{slug}/documents"),
    ("GET", "/api/programmes/{slug}/documents/programplan.pdf"),
    ("GET", "/api/programmes/{slug}/history"),
    ("POST", "/api/programmes/{slug}/uploads"),
]


def _call(client, method: str, url: str, csrf: str | None = None):
    headers = {"X-CSRF-Token": csrf} if csrf else {}
    if method == "POST":
        return client.post(url, headers=headers,
                           files=[("files", ("program.xlsx", workbook("Nordby kommune")))])
    return client.get(url, headers=headers)


def test_first_upload_built_the_documents(site: Site) -> None:
    first = site.first[ELVESTAD]
    assert first["status"] == "ok", first
    assert "programplan.pdf" in first["documents"]
    assert "handlingsplan-2025.docx" in first["documents"]
    assert first["diagnostics_seconds"] <= first["documents_seconds"]


def test_each_municipality_sees_only_its_own(site: Site) -> None:
    for user, own, other in (("elvestad", ELVESTAD, NORDBY), ("nordby", NORDBY, ELVESTAD)):
        client, csrf = site.login(user)
        listed = client.get("/api/programmes").json()
        assert [p["slug"] for p in listed] == [own]
        docs = client.get(f"/api/programmes/{own}/documents").json()
        names = {d["name"] for d in docs}
        assert {"programplan.pdf", "programplan.docx"} <= names
        for method, route in ROUTES:
            for slug in (other, "finnes-ikke"):
                reply = _call(client, method, route.format(slug=slug), csrf)
                assert reply.status_code == 404, (user, method, route, reply.text)
                assert reply.json() == {"error": "fant ikke programmet"}


def test_no_session_gets_401_and_no_data(site: Site) -> None:
    client = site.client()
    assert client.get("/api/programmes").status_code == 401
    for method, route in ROUTES:
        for slug in (ELVESTAD, NORDBY, "finnes-ikke"):
            reply = _call(client, method, route.format(slug=slug))
            assert reply.status_code == 401
            assert reply.json() == {"error": "ikke innlogget"}
    assert client.post("/api/logout").status_code == 401
    # A forged cookie is no session either.
    client.cookies.set("plandoc_okt", "x.y")
    assert client.get(f"/api/programmes/{ELVESTAD}/documents").status_code == 401


def test_download_is_the_built_document(site: Site) -> None:
    client, _ = site.login("elvestad")
    reply = client.get(f"/api/programmes/{ELVESTAD}/documents/programplan.pdf")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(reply.content)).pages)
    assert "Elvestad kommune" in text
    reply = client.get(f"/api/programmes/{ELVESTAD}/documents/handlingsplan-2025.docx")
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(reply.content)).paragraphs)
    assert "Elvestad" in body and "Nordby" not in body
    # A name outside the listing is not found, whatever it points at.
    for name in ("../../plandoc.sqlite3", "..%2F..%2Fplandoc.sqlite3", ".plandoc-manifest.json"):
        assert client.get(f"/api/programmes/{ELVESTAD}/documents/{name}").status_code == 404


def test_county_reads_its_county_only_and_cannot_upload(site: Site) -> None:
    client, csrf = site.login("ostfold")
    assert [p["slug"] for p in client.get("/api/programmes").json()] == [ELVESTAD]
    assert client.get(f"/api/programmes/{NORDBY}/documents").status_code == 404
    assert client.get(f"/api/programmes/{ELVESTAD}/documents/programplan.docx"
                      ).status_code == 200
    reply = _call(client, "POST", f"/api/programmes/{ELVESTAD}/uploads", csrf)
    assert reply.status_code == 403


def test_admin_sees_all(site: Site) -> None:
    client, _ = site.login("admin")
    assert [p["slug"] for p in client.get("/api/programmes").json()] == [ELVESTAD, NORDBY]


def test_csrf_is_required_for_every_change(site: Site) -> None:
    client, csrf = site.login("elvestad")
    for token in (None, "feil", csrf[:-1]):
        reply = _call(client, "POST", f"/api/programmes/{ELVESTAD}/uploads", token)
        assert reply.status_code == 403, token
        assert "CSRF" in reply.json()["error"]
        headers = {"X-CSRF-Token": token} if token else {}
        assert client.post("/api/logout", headers=headers).status_code == 403
    # Another session's token does not count either.
    _, other = site.login("elvestad")
    assert _call(client, "POST", f"/api/programmes/{ELVESTAD}/uploads", other
                 ).status_code == 403


def test_login_as_json_only(site: Site) -> None:
    client = site.client()
    reply = client.post("/api/login", data={"username": "elvestad", "password": PASSWORD})
    assert reply.status_code in (400, 415)
    assert "plandoc_okt" not in client.cookies


def test_logout_ends_the_session(site: Site) -> None:
    client, csrf = site.login("elvestad")
    reply = client.post("/api/login", json={"username": "elvestad", "password": PASSWORD})
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    csrf = reply.json()["csrf_token"]
    saved = client.cookies.get("plandoc_okt")
    assert client.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 200
    client.cookies.set("plandoc_okt", saved)
    assert client.get("/api/programmes").status_code == 401


def test_login_is_throttled(site: Site) -> None:
    client = site.client()
    statuses = [client.post("/api/login", json={"username": "nordby", "password": "feil"}
                            ).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    # Even the right password waits now; other users are not affected.
    reply = client.post("/api/login", json={"username": "nordby", "password": PASSWORD})
    assert reply.status_code == 429
    assert "for mange" in reply.json()["error"]
    site.login("elvestad")
    site.client_factory  # noqa: B018
    from plandoc.serve.db import Database

    Database(site.settings.database_url).execute(
        "DELETE FROM login_failures WHERE key = ?", ("user:nordby",))


def test_upload_with_a_mistake_names_the_cell_and_keeps_the_documents(site: Site) -> None:
    client, csrf = site.login("elvestad")
    before = client.get(f"/api/programmes/{ELVESTAD}/documents").json()
    reply = client.post(f"/api/programmes/{ELVESTAD}/uploads", headers={"X-CSRF-Token": csrf},
                        files=[("files", ("program.xlsx", workbook(budget="ca. 3 mill")))])
    assert reply.status_code == 201
    result = reply.json()
    assert result["status"] == "feil"
    errors = [d for d in result["diagnostics"] if d["severity"] == "feil"]
    assert errors and errors[0]["sheet"] == "Budsjett" and errors[0]["cell"] == "D3"
    assert errors[0]["text"].startswith("program.xlsx:Budsjett!D3: feil: ")
    assert "ca. 3 mill" in errors[0]["text"]
    assert result["documents"] == []
    assert {"where": "program.xlsx:Budsjett!D3", "old": "950000", "new": "ca. 3 mill"} \
        in result["changes"]
    after = client.get(f"/api/programmes/{ELVESTAD}/documents").json()
    assert [d["name"] for d in after] == [d["name"] for d in before]
    history = client.get(f"/api/programmes/{ELVESTAD}/history").json()
    assert history[0]["id"] == result["id"] and history[0]["user"] == "elvestad"
    assert history[-1]["status"] == "ok"


def test_upload_of_another_municipalitys_workbook_is_refused(site: Site) -> None:
    client, csrf = site.login("elvestad")
    reply = client.post(f"/api/programmes/{ELVESTAD}/uploads", headers={"X-CSRF-Token": csrf},
                        files=[("files", ("program.xlsx", workbook("Nordby kommune")))])
    result = reply.json()
    assert result["status"] == "feil"
    assert any(d["rule"] == "serve.kommune" and d["cell"] == "B2"
               for d in result["diagnostics"])


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    ("evil.zip", _zip({"../../utenfor.xlsx": b"x"}), 400, "zip-slip"),
    ("evil.zip", _zip({"/etc/passwd.yaml": b"x"}), 400, "zip-slip"),
    ("bomb.zip", _zip({"program.xlsx": b"\0" * (40 * 2**20)}), 413, "zip-bombe"),
    ("notes.txt", b"hei", 400, "ikke en arbeidsbok"),
    ("program.xlsx", b"not a zip at all", 400, "ikke en Excel-arbeidsbok"),
    ("program.xlsx", b"PK" + b"\0" * (21 * 2**20), 413, "større enn"),
])
def test_hostile_uploads_are_refused(site: Site, name: str, data: bytes, status: int,
                                     words: str) -> None:
    client, csrf = site.login("elvestad")
    reply = client.post(f"/api/programmes/{ELVESTAD}/uploads", headers={"X-CSRF-Token": csrf},
                        files=[("files", (name, data))])
    assert reply.status_code == status, reply.text
    assert words in reply.json()["error"]


def test_oversized_request_is_refused_before_reading(site: Site) -> None:
    client, csrf = site.login("elvestad")
    big = b"x" * (site.settings.max_request_bytes + 1)
    reply = client.post(f"/api/programmes/{ELVESTAD}/uploads", headers={"X-CSRF-Token": csrf},
                        files=[("files", ("program.yaml", big))])
    assert reply.status_code == 413
    assert "for stor" in reply.json()["error"]


def test_security_headers_and_health(site: Site) -> None:
    reply = site.client().get("/healthz")
    assert reply.json() == {"ok": True}
    csp = reply.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert "default-src 'none'" in csp
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["cache-control"] == "no-store"


def test_time_limit_stops_a_build_and_keeps_the_documents(site: Site) -> None:
    client, csrf = site.login("elvestad")
    before = client.get(f"/api/programmes/{ELVESTAD}/documents").json()
    kept = site.settings.time_limit
    site.settings.time_limit = 0.05
    try:
        reply = client.post(f"/api/programmes/{ELVESTAD}/uploads",
                            headers={"X-CSRF-Token": csrf},
                            files=[("files", ("program.xlsx", workbook(name="Treg")))])
    finally:
        site.settings.time_limit = kept
    result = reply.json()
    assert result["status"] == "tidsavbrudd"
    assert "stoppet" in result["messages"][0]
    assert client.get(f"/api/programmes/{ELVESTAD}/documents").json() == before


def test_too_many_waiting_uploads_are_told_to_come_back(site: Site) -> None:
    client, csrf = site.login("elvestad")
    kept = site.settings.max_waiting
    site.settings.max_waiting = 0
    try:
        reply = client.post(f"/api/programmes/{ELVESTAD}/uploads",
                            headers={"X-CSRF-Token": csrf},
                            files=[("files", ("program.xlsx", workbook()))])
    finally:
        site.settings.max_waiting = kept
    assert reply.status_code == 503
    assert "prøv igjen" in reply.json()["error"]


def test_cookie_is_secure_over_https(site: Site) -> None:
    client = site.client()
    client.base_url = "https://testserver"
    reply = client.post("/api/login", json={"username": "admin", "password": PASSWORD})
    assert "Secure" in reply.headers["set-cookie"]
    assert "strict-transport-security" in reply.headers


def test_audit_log_has_logins_uploads_and_downloads(site: Site) -> None:
    client, _ = site.login("nordby")
    client.get(f"/api/programmes/{NORDBY}/documents/programplan.pdf")
    from plandoc.serve.db import Database

    rows = Database(site.settings.database_url).all(
        "SELECT username, action, slug, detail FROM audit WHERE username = ?", ("nordby",))
    actions = {(r[1], r[2]) for r in rows}
    assert ("innlogging", None) in actions
    assert ("opplasting", NORDBY) in actions
    assert ("nedlasting", NORDBY) in actions
