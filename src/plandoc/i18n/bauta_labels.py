"""Fixed words of the bauta publication (bokmål): part titles, field headings, web labels."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

BAUTA: Mapping[str, str] = MappingProxyType({
    # parts of the book, in order; the page report finds them by these titles
    "foreword": "Forord",
    "introduction": "Innledning",
    "national": "Pilotkommunesatsingen",
    "shared": "Felles erfaringer og gode råd",
    "profiles": "Kommuneprofiler",
    "examples": "Eksempler",
    "references": "Henvisninger",
    "contents": "Innhold",
    # profiles
    "profile_kicker": "Kommuneprofil",
    "facts": "Fakta om kommunen",
    "special": "Dette er spesielt for oss",
    "achievements": "Dette har vi fått til",
    "contact": "Kontakt",
    "phone": "tlf.",
    "overview_profiles": "Pilotkommunene i satsingen",
    "municipality": "Kommune",
    "county": "Fylke",
    "inhabitants": "Innbyggere",
    # examples
    "example_kicker": "Eksempel",
    "about_example": "Kort om eksemplet",
    "theme": "Tema",
    "period": "Periode",
    "background": "Bakgrunn",
    "method": "Slik gjorde vi det",
    "results": "Resultater",
    "good": "Gode erfaringer",
    "pitfalls": "Snubletråder",
    "ahead": "Veien videre",
    "advice": "Tre råd til andre kommuner",
    "links": "Lenker og referanser",
    "overview_examples": "Eksemplene i boka",
    "example": "Eksempel",
    "photo": "Foto",
    # references part
    "national_references": "Nasjonale dokumenter og nettsteder",
    "example_references": "Fra eksemplene",
    # cover and colophon
    "published_by": "Utgitt av",
    "editors": "Redaksjon",
    "contact_editors": "Kontakt",
    "web_edition": "Nettutgave",
    "isbn": "ISBN",
    "photo_note": "Bildene er tatt eller laget av kommunene selv; fotografen står ved hvert "
                  "bilde.",
    "pilot_municipalities": "Pilotkommunene",
    # short version
    "short_title": "Kortversjon",
    "short_intro": "Om kortversjonen",
    "short_about": "Kortversjonen gir hvert eksempel én side: hva kommunen gjorde, hva det "
                   "førte til, og tre råd til andre. Hele eksemplene, med arbeidsmåte, "
                   "snubletråder og lenker, står i hovedutgaven og på nettet.",
    "read_more": "Les hele eksemplet",
    "short_examples": "Eksemplene",
    # web
    "home": "Forside",
    "about": "Om satsingen",
    "about_intro": "Forord, innledning, den nasjonale delen og de felles erfaringene fra "
                   "pilotkommunene:",
    "about_link": "Les om satsingen",
    "downloads": "Last ned",
    "download_book": "Hele publikasjonen (PDF)",
    "download_docx": "Hele publikasjonen (Word)",
    "download_short": "Kortversjonen (PDF)",
    "previous": "Forrige eksempel",
    "next": "Neste eksempel",
    "permalink": "Fast lenke til denne siden",
    "all_examples": "Alle eksemplene",
    "all_municipalities": "Alle kommunene",
    "web_intro_examples": "Eksempler på god praksis, skrevet som oppskrifter andre kommuner "
                          "kan følge.",
    "web_intro_profiles": "Hver pilotkommune presentert på samme måte: fakta, det som er "
                          "spesielt, og hvem du kan kontakte.",
})
