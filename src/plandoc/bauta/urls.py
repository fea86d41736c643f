"""Where everything of the edition lives: its files under --out, and the web edition's paths.

The paths of profiles and examples are permanent: printed in the book (permalinks) and shared
on their own, so they are made here and nowhere else.
"""

from __future__ import annotations

# ---------------------------------------------------------------- files under --out

#: The book and the short version: <out>/bauta.pdf, <out>/kortversjon.docx, …
BOOK = "bauta"
SHORT = "kortversjon"
#: The page budget measured in the book's PDF.
REPORT_TXT = "sidebudsjett.txt"
REPORT_JSON = "sidebudsjett.json"
#: The web edition's folder: <out>/web/index.html, <out>/web/kommuner/askvik/index.html, …
WEB_DIR = "web"


def picture_stem(kind: str, slug: str) -> str:
    """The name pictures of a profile or an example get ("profil-askvik", then "-1", "-2");
    the web edition serves them under these names."""
    return f"{kind}-{slug}"


# ---------------------------------------------------------------- site paths

HOME = "/"
ABOUT = "/om/"
#: Anchors of the front page: the headings of its sections (the HTML writer's heading ids).
EXAMPLES_ANCHOR = "/#eksempler"
PROFILES_ANCHOR = "/#kommuneprofiler"
DOWNLOADS_ANCHOR = "/#last-ned"
#: Where the site offers the book's files.
DOWNLOADS_DIR = "last-ned"
PROFILES_DIR = "kommuner"
EXAMPLES_DIR = "eksempler"


def profile_url(slug: str) -> str:
    """The permanent site path of a municipality's page."""
    return f"/{PROFILES_DIR}/{slug}/"


def example_url(slug: str) -> str:
    """The permanent site path of an example's page."""
    return f"/{EXAMPLES_DIR}/{slug}/"


def download_url(file_name: str) -> str:
    """The site path of a file the site offers for download ("bauta.pdf")."""
    return f"/{DOWNLOADS_DIR}/{file_name}"


def section_of(path: str) -> str | None:
    """"profiles" or "examples" for a page inside one of those sections, else None."""
    if path.startswith(f"/{PROFILES_DIR}/"):
        return "profiles"
    if path.startswith(f"/{EXAMPLES_DIR}/"):
        return "examples"
    return None


def permalink(base_url: str, path: str) -> str:
    """The full address of a site path where the web edition is published ("" when
    bauta.yaml gives no «nettadresse:»)."""
    return f"{base_url.rstrip('/')}{path}" if base_url else ""
