"""Load case for `plandoc serve`: 20 concurrent uploads of example programmes, one server.

    python -m bench.serve_load [--uploads 20]

Starts `plandoc serve` (one process, SQLite, as a municipality would run it locally), adds one
programme leader per upload with `plandoc users add`, then 20 clients at once each log in and
upload a zip of an example programme folder (its workbook and project workbooks) renamed to
their own municipality. Measured from the client: time to diagnostics (the response time less
the building that followed the diagnostics in the server's job) and time to documents (the
response), p50 and p95; peak memory of the server and all its children (PSS, sampled). The
result is written into bench/RESULTS.md between the serve-load markers.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import openpyxl

from bench.__main__ import RESULTS, ROOT, TreeMemory, load_text, machine

EXAMPLES = ("sandbakken", "sunnvik", "fjordvik", "indre-dalen")
PASSWORD = "last-test-passord"
START, END = "<!-- serve-load -->", "<!-- /serve-load -->"


def programme_zip(example: str, kommune: str) -> bytes:
    """The example's folder as a zip, its workbook renamed to `kommune` (xlsx files only)."""
    folder = ROOT / "inputs" / example
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        wb = openpyxl.load_workbook(folder / "program.xlsx")
        wb["Program"]["B2"] = kommune
        data = io.BytesIO()
        wb.save(data)
        archive.writestr(f"{example}/program.xlsx", data.getvalue())
        for project in sorted((folder / "prosjekter").glob("*.xlsx")) \
                if (folder / "prosjekter").is_dir() else []:
            archive.write(project, f"{example}/prosjekter/{project.name}")
    return buffer.getvalue()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_load")
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="ikke skriv RESULTS.md")
    args = parser.parse_args(argv)
    plandoc = str(Path(sys.executable).with_name("plandoc"))
    work = Path(tempfile.mkdtemp(prefix="plandoc-serve-load-"))
    data = work / "data"
    uploads = []
    for i in range(args.uploads):
        example = EXAMPLES[i % len(EXAMPLES)]
        kommune = f"Lastvik {i + 1:02d} kommune"
        slug = f"lastvik-{i + 1:02d}-kommune"
        user = f"leder{i + 1:02d}"
        subprocess.run([plandoc, "users", "add", user, "--role", "leder", "--programme", slug,
                        "--data", str(data)], input=PASSWORD + "\n", text=True, check=True,
                       capture_output=True)
        uploads.append((user, slug, example, programme_zip(example, kommune)))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    load_before = load_text()
    log = (work / "serve.log").open("wb")
    server = subprocess.Popen([plandoc, "serve", "--port", str(port), "--data", str(data)],
                              stdout=log, stderr=subprocess.STDOUT)
    results: list[dict[str, Any]] = [{} for _ in uploads]
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("plandoc serve startet ikke")
            time.sleep(0.2)
        barrier = threading.Barrier(len(uploads))

        def client(index: int) -> None:
            user, slug, example, body = uploads[index]
            with httpx.Client(base_url=base, timeout=900) as http:
                token = http.post("/api/login", json={"username": user, "password": PASSWORD}
                                  ).json()["csrf_token"]
                barrier.wait()
                started = time.perf_counter()
                reply = http.post(f"/api/programmes/{slug}/uploads",
                                  headers={"X-CSRF-Token": token},
                                  files=[("files", (f"{example}.zip", body))])
                seconds = time.perf_counter() - started
                try:
                    record = reply.json()
                except ValueError:
                    record = {"error": reply.text[:300]}
                results[index] = {
                    "example": example, "status": reply.status_code,
                    "error": record.get("error"),
                    "result": record.get("status"), "documents": len(record.get("documents", [])),
                    "to_documents": seconds,
                    "to_diagnostics": seconds - (record["documents_seconds"]
                                                 - record["diagnostics_seconds"])
                    if record.get("documents_seconds") else None,
                }

        with TreeMemory(server.pid) as memory:
            started = time.perf_counter()
            threads = [threading.Thread(target=client, args=(i,)) for i in range(len(uploads))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - started
        peak = memory.peak
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        failed = [r for r in results if r.get("status") != 201 or r.get("result") != "ok"]
        if failed:
            print("feilet:", failed, file=sys.stderr)
            print((work / "serve.log").read_text(errors="replace")[-5000:], file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    load_after = load_text()
    ok = [r for r in results if r.get("status") == 201 and r.get("result") == "ok"]
    diag = [r["to_diagnostics"] for r in ok if r["to_diagnostics"] is not None]
    docs = [r["to_documents"] for r in ok]
    info = machine()
    lines = [
        START,
        "## plandoc serve: samtidige opplastinger",
        "",
        "Skrevet av `python -m bench.serve_load`. Ikke rediger for hånd.",
        "",
        f"- Dato: {info['date']}; maskin: {info['cpu']}, {info['cores']} kjerner; "
        f"kode: {info['code']}",
        f"- Last (1/5/15 min) før: {load_before}; etter: {load_after}",
        f"- {len(uploads)} klienter laster opp samtidig til én `plandoc serve` (én prosess, "
        "SQLite, standardinnstillinger: så mange bygg om gangen som kjerner, resten venter "
        "i kø). Hver opplasting er en .zip av en eksempelmappe (" + ", ".join(EXAMPLES) +
        ", på omgang) med programarbeidsbok og prosjektarbeidsbøker, omdøpt til egen kommune; "
        "serveren kontrollerer og bygger DOCX og PDF av alt.",
        "",
        "| mål | p50 | p95 | høyeste |",
        "|---|---|---|---|",
        f"| tid til feil og advarsler (s) | {statistics.median(diag):.1f} | "
        f"{percentile(diag, 0.95):.1f} | {max(diag):.1f} |" if diag else "| – | | | |",
        f"| tid til ferdige dokumenter (s) | {statistics.median(docs):.1f} | "
        f"{percentile(docs, 0.95):.1f} | {max(docs):.1f} |" if docs else "| – | | | |",
        "",
        f"- Vellykket: {len(ok)} av {len(uploads)}; dokumenter i alt: "
        f"{sum(r['documents'] for r in ok)}; veggklokke for alle: {wall:.1f} s",
        f"- Høyeste minnebruk, serveren med alle barneprosesser (PSS): {peak / 2**20:.0f} MiB",
        "- Kontrollen av hver opplasting går foran byggene (inntil 2 × kjerner samtidig, i "
        "egne prosesser), så feil og advarsler kommer uten å vente på andres bygg; byggene "
        "går så mange om gangen som det er kjerner, så tiden til dokumenter vokser med køen "
        "(20 program × 26 dokumenter på 2 kjerner). Høy last fra andre jobber på maskinen "
        "gjør alle tall større.",
        END,
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if not args.no_write:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        if START in text and END in text:
            head, _, rest = text.partition(START)
            _, _, tail = rest.partition(END)
            text = head + section.rstrip("\n") + tail
        else:
            text = text.rstrip("\n") + "\n\n" + section
        RESULTS.write_text(text, encoding="utf-8")
    return 0 if len(ok) == len(uploads) else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
