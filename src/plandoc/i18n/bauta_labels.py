"""Fixed words of the bauta publication, one table per målform with identical keys: part
titles, field headings, web labels."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

BAUTA: Mapping[str, str] = MappingProxyType({  # bokmål
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
    # the rows of a profile's facts box (bauta.schema.PROFILE_FACTS, by key)
    "fact_kommunenummer": "Kommunenummer",
    "fact_fylke": "Fylke",
    "fact_innbyggere": "Innbyggere",
    "fact_areal": "Areal (km²)",
    "fact_senter": "Administrasjonssenter",
    "fact_pilot_siden": "Pilotkommune siden",
    "fact_nettside": "Nettside",
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

BAUTA_NN: Mapping[str, str] = MappingProxyType({
    "foreword": "Forord",
    "introduction": "Innleiing",
    "national": "Pilotkommunesatsinga",
    "shared": "Felles erfaringar og gode råd",
    "profiles": "Kommuneprofilar",
    "examples": "Eksempel",
    "references": "Tilvisingar",
    "contents": "Innhald",
    "profile_kicker": "Kommuneprofil",
    "facts": "Fakta om kommunen",
    "special": "Dette er spesielt for oss",
    "achievements": "Dette har vi fått til",
    "contact": "Kontakt",
    "phone": "tlf.",
    "overview_profiles": "Pilotkommunane i satsinga",
    "municipality": "Kommune",
    "county": "Fylke",
    "inhabitants": "Innbyggjarar",
    "fact_kommunenummer": "Kommunenummer",
    "fact_fylke": "Fylke",
    "fact_innbyggere": "Innbyggjarar",
    "fact_areal": "Areal (km²)",
    "fact_senter": "Administrasjonssenter",
    "fact_pilot_siden": "Pilotkommune sidan",
    "fact_nettside": "Nettstad",
    "example_kicker": "Eksempel",
    "about_example": "Kort om eksempelet",
    "theme": "Tema",
    "period": "Periode",
    "background": "Bakgrunn",
    "method": "Slik gjorde vi det",
    "results": "Resultat",
    "good": "Gode erfaringar",
    "pitfalls": "Snubletrådar",
    "ahead": "Vegen vidare",
    "advice": "Tre råd til andre kommunar",
    "links": "Lenker og referansar",
    "overview_examples": "Eksempla i boka",
    "example": "Eksempel",
    "photo": "Foto",
    "national_references": "Nasjonale dokument og nettstader",
    "example_references": "Frå eksempla",
    "published_by": "Gitt ut av",
    "editors": "Redaksjon",
    "contact_editors": "Kontakt",
    "web_edition": "Nettutgåve",
    "isbn": "ISBN",
    "photo_note": "Bileta er tekne eller laga av kommunane sjølve; fotografen står ved kvart "
                  "bilete.",
    "pilot_municipalities": "Pilotkommunane",
    "short_title": "Kortversjon",
    "short_intro": "Om kortversjonen",
    "short_about": "Kortversjonen gir kvart eksempel éi side: kva kommunen gjorde, kva det "
                   "førte til, og tre råd til andre. Heile eksempla, med arbeidsmåte, "
                   "snubletrådar og lenker, står i hovudutgåva og på nettet.",
    "read_more": "Les heile eksempelet",
    "short_examples": "Eksempla",
    "home": "Framside",
    "about": "Om satsinga",
    "about_intro": "Forord, innleiing, den nasjonale delen og dei felles erfaringane frå "
                   "pilotkommunane:",
    "about_link": "Les om satsinga",
    "downloads": "Last ned",
    "download_book": "Heile publikasjonen (PDF)",
    "download_docx": "Heile publikasjonen (Word)",
    "download_short": "Kortversjonen (PDF)",
    "previous": "Førre eksempel",
    "next": "Neste eksempel",
    "permalink": "Fast lenke til denne sida",
    "all_examples": "Alle eksempla",
    "all_municipalities": "Alle kommunane",
    "web_intro_examples": "Eksempel på god praksis, skrivne som oppskrifter andre kommunar "
                          "kan følgje.",
    "web_intro_profiles": "Kvar pilotkommune presentert på same måte: fakta, det som er "
                          "spesielt, og kven du kan kontakte.",
})

#: The bauta's labels by målform (bauta.yaml «målform:»).
TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType({"bokmål": BAUTA, "nynorsk": BAUTA_NN})


def bauta_labels(language: str) -> Mapping[str, str]:
    """The bauta label table of a målform ("bokmål" or "nynorsk"); KeyError otherwise."""
    return TABLES[language]
