"""The Norwegian pages without JavaScript: forms with CSRF tokens, results, downloads."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from PIL import Image

from serve.conftest import ELVESTAD, NORDBY, PASSWORD, Site, workbook

# The pages call the same service as the API, whose suite runs on both databases.
pytestmark = pytest.mark.parametrize("site", ["sqlite"], indirect=True)


def _form_login(site: Site, name: str):
    client = site.client()
    page = client.get("/logg-inn")
    assert page.status_code == 200 and '<html lang="nb">' in page.text
    token = re.search(r'name="skjema" value="([^"]+)"', page.text).group(1)
    reply = client.post("/logg-inn", data={"skjema": token, "brukernavn": name,
                                           "passord": PASSWORD}, follow_redirects=False)
    assert reply.status_code == 303, reply.text
    return client


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_login_form_needs_its_token(site: Site) -> None:
    client = site.client()
    client.get("/logg-inn")
    reply = client.post("/logg-inn", data={"skjema": "gjettet", "brukernavn": "elvestad",
                                           "passord": PASSWORD}, follow_redirects=False)
    assert reply.status_code == 403
    assert "plandoc_okt" not in client.cookies


def test_pages_without_session_go_to_login(site: Site) -> None:
    client = site.client()
    for url in ("/programmer", f"/programmer/{ELVESTAD}", f"/programmer/{ELVESTAD}/historikk",
                f"/programmer/{ELVESTAD}/dokumenter/programplan.pdf",
                f"/programmer/{ELVESTAD}/alle-dokumenter.zip", "/maler/programarbeidsbok.xlsx"):
        reply = client.get(url, follow_redirects=False)
        assert reply.status_code == 303 and reply.headers["location"] == "/logg-inn", url


def test_another_programme_is_not_found(site: Site) -> None:
    client = _form_login(site, "elvestad")
    for url in (f"/programmer/{NORDBY}", f"/programmer/{NORDBY}/historikk",
                f"/programmer/{NORDBY}/dokumenter/programplan.pdf",
                f"/programmer/{NORDBY}/forhandsvisning/programplan.pdf",
                f"/programmer/{NORDBY}/alle-dokumenter.zip", "/programmer/finnes-ikke"):
        reply = client.get(url)
        assert reply.status_code == 404, url
        assert "Fant ikke siden" in reply.text and "Nordby" not in reply.text


def test_upload_form_shows_the_mistake_then_the_documents(site: Site) -> None:
    client = _form_login(site, "elvestad")
    page = client.get(f"/programmer/{ELVESTAD}")
    assert "programplan" in page.text and "Last opp arbeidsbøker" in page.text
    csrf = _csrf(page.text)
    # Without the token: refused, nothing stored.
    reply = client.post(f"/programmer/{ELVESTAD}/opplasting",
                        files=[("filer", ("program.xlsx", workbook()))])
    assert reply.status_code == 403
    reply = client.post(f"/programmer/{ELVESTAD}/opplasting", data={"csrf": csrf},
                        files=[("filer", ("program.xlsx", workbook(budget="tre mill")))])
    assert reply.status_code == 200
    assert "Budsjett!D3" in reply.text and "tre mill" in reply.text
    assert "Feil: ingen nye dokumenter er laget" in reply.text
    reply = client.post(f"/programmer/{ELVESTAD}/opplasting", data={"csrf": csrf},
                        files=[("filer", ("program.xlsx",
                                          workbook(name="Områdeløft Sandbakken 2")))])
    assert "I orden: dokumentene er laget" in reply.text
    # The changes since the upload with the mistake: its cell back, and the new name.
    assert "<td>program.xlsx:Budsjett!D3</td><td>tre mill</td><td>950000</td>" in reply.text
    assert "<td>Områdeløft Sandbakken</td><td>Områdeløft Sandbakken 2</td>" in reply.text
    history = client.get(f"/programmer/{ELVESTAD}/historikk")
    assert history.text.count('class="upload"') >= 3 and "tre mill" in history.text


def test_downloads_preview_and_blank_workbooks(site: Site) -> None:
    client = _form_login(site, "elvestad")
    reply = client.get(f"/programmer/{ELVESTAD}/alle-dokumenter.zip")
    names = zipfile.ZipFile(io.BytesIO(reply.content)).namelist()
    assert f"{ELVESTAD}/programplan.pdf" in names and f"{ELVESTAD}/programplan.docx" in names
    page = client.get(f"/programmer/{ELVESTAD}/forhandsvisning/programplan.pdf?side=2")
    assert page.status_code == 200 and "Side 2 /" in page.text
    image = client.get(f"/programmer/{ELVESTAD}/sidebilde/2/programplan.pdf")
    assert image.headers["content-type"] == "image/png"
    width, height = Image.open(io.BytesIO(image.content)).size
    assert height > width > 300  # an A4 page, upright
    assert client.get(f"/programmer/{ELVESTAD}/sidebilde/99/programplan.pdf"
                      ).status_code == 404
    blank = client.get("/maler/prosjektarbeidsbok.xlsx")
    sheets = openpyxl.load_workbook(io.BytesIO(blank.content)).sheetnames
    assert "Prosjekt" in sheets


def test_nynorsk_user_gets_nynorsk_pages(site: Site) -> None:
    client = _form_login(site, "nordby")
    page = client.get(f"/programmer/{NORDBY}")
    assert '<html lang="nn">' in page.text and "Førehandsvising" in page.text


def test_text_from_workbooks_is_escaped(site: Site) -> None:
    client = _form_login(site, "elvestad")
    csrf = _csrf(client.get(f"/programmer/{ELVESTAD}").text)
    reply = client.post(f"/programmer/{ELVESTAD}/opplasting", data={"csrf": csrf},
                        files=[("filer", ("program.xlsx",
                                          workbook(budget="<script>alert(1)</script>")))])
    assert "<script>" not in reply.text and "&lt;script&gt;" in reply.text


def test_county_gets_the_samleoversikt_of_its_programmes_only(site: Site) -> None:
    client = _form_login(site, "ostfold")
    assert "/samleoversikt.pdf" in client.get("/programmer").text
    reply = client.get("/samleoversikt.xlsx")
    assert reply.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(reply.content))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                     if c.value is not None)
    assert "Elvestad kommune" in cells and "Nordby" not in cells
    leader = _form_login(site, "elvestad")
    assert leader.get("/samleoversikt.pdf").status_code == 404
    assert "/samleoversikt.pdf" not in leader.get("/programmer").text
