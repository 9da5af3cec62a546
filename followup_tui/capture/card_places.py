"""Where a card is from: its address lines and the country they name, which reads its phone numbers.

A country line ("United Kingdom", "Deutschland", "USA"), a country after the town ("London, UK") or a
postcode shape that only one country uses (a US state and ZIP, a UK or Canadian postcode) names the
country; pycountry gives every English country name, so a card from Chile is read as well as one from
France. A bare five-digit postcode marks an address but names no country (DE, FR, ES, IT all use it).
"""

from __future__ import annotations

import re
from functools import cache

COUNTRIES = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "deutschland": "DE",
    "españa": "ES",
    "italia": "IT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "österreich": "AT",
    "nederland": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "belgië": "BE",
    "belgique": "BE",
    "brasil": "BR",
    "méxico": "MX",
    "polska": "PL",
    "sverige": "SE",
    "danmark": "DK",
    "norge": "NO",
    "suomi": "FI",
    "éire": "IE",
    "nippon": "JP",
    "日本": "JP",
    "uae": "AE",
    "south korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "vietnam": "VN",
    "czech republic": "CZ",
    "türkiye": "TR",
    "turkey": "TR",
}
US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
AU_STATES = ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT")
CA_PROVINCES = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split()
TOWN = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .'()-]*"
# (shape, region): the region is "" when the shape marks an address but names no one country.
POSTCODE_LINES = (
    (re.compile(r"^" + TOWN + r",?\s+(" + "|".join(US_STATES) + r")\.?,?\s+\d{5}(-\d{4})?\b"), "US"),
    (re.compile(r"\b[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]\b"), "CA"),
    (re.compile(r"\b(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})\b"), "GB"),
    (re.compile(r"^" + TOWN + r",?\s+(" + "|".join(AU_STATES) + r")\s+\d{4}$"), "AU"),
    (re.compile(r"^(F-\d{5}\s+" + TOWN + r"|\d{5}\s+" + TOWN + r"\s+cedex(\s+\d+)?)$", re.IGNORECASE), "FR"),
    (re.compile(r"^\d{4}\s?[A-Z]{2}\s+" + TOWN + "$"), "NL"),
    # A Japanese postcode has the 3-4 shape of a local phone number: only with its mark or a ward ("-ku").
    (
        re.compile(
            r"〒\s?\d{3}-\d{4}|(-ku\b.*|tokyo|osaka|kyoto|yokohama|nagoya|fukuoka|sapporo|kobe)\s+\d{3}-\d{4}$",
            re.IGNORECASE,
        ),
        "JP",
    ),
    (re.compile(r"^" + TOWN + r"\s+\d{3}-\d{4}$"), ""),
    (re.compile(r"\b\d{5}-\d{3}\b"), "BR"),
    (re.compile(r"^\d{2}-\d{3}\s+" + TOWN + "$"), "PL"),
    (re.compile(r"^\d{3}\s\d{2}\s+" + TOWN + "$"), ""),  # Sweden, Czechia, Slovakia, Greece: 111 43 Stockholm
    (re.compile(r"\b[ACDEFHKNPRTVWXY]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4}$"), "IE"),
    (re.compile(r"^singapore\s+\d{6}$", re.IGNORECASE), "SG"),
    (re.compile(r"^((D|A|CH|B|I|E|L)-)?\d{4,5}\s+" + TOWN + "$"), ""),
    (re.compile(r"^" + TOWN + r",?\s+\d{4,5}$"), ""),
    (re.compile(r"^" + TOWN + r"\s*[-–,]?\s*\d{3}\s?\d{3}$"), ""),  # Indian PIN codes: Bengaluru 560001
)
# Streets whose kind is the end of one word: German, Dutch, Scandinavian ("Königsallee 60", "Herengracht 182").
COMPOUND_STREET = re.compile(
    r"[a-zäöüßåæø]+(straße|strasse|str\.|platz|weg|allee|gasse|damm|ufer|ring|markt|straat|gracht|laan|plein|kade|"
    r"singel|gatan|vägen|torget|gata|gade|vej|veien|gate)\s+\d+[a-z]?\b",
    re.IGNORECASE,
)
STREET_WORDS = re.compile(
    r"\b(street|st\.?|avenue|ave\.?|av\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|place|pl\.?|"
    r"court|ct\.?|parkway|pkwy|highway|hwy|square|sq\.?|terrace|crescent|close|wharf|row|suite|ste\.?|floor|fl\.?|"
    r"level|unit|building|bldg|tower|house|p\.?\s?o\.?\s+box|po box|gpo box|locked bag|private bag|postfach|"
    r"stra(ß|ss)e|str\.|platz|weg|allee|ring|gasse|rue|bd|boul\.?|chemin|quai|impasse|all[ée]e|calle|carrer|"
    r"paseo|plaza|via|viale|piazza|corso|rua|avenida|ul\.?|ulica|straat|gracht|laan|plein|marg|nagar|sector|block|phase|"
    r"cross|main|layout|colony|estate|chome|chōme|ku|bp|cs|apartado|casilla)\b",
    re.IGNORECASE,
)
TRAILING_COUNTRY = re.compile(r",\s*([^,\d]+?)\.?$")


@cache
def _pycountry_names() -> dict[str, str]:
    """Every country's English names and three-letter code -> its two-letter code (5 ms, once)."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                names[name.casefold()] = country.alpha_2
        names[country.alpha_3.casefold()] = country.alpha_2
    return names


def country_code(line: str) -> str:
    """The two-letter code of a line that is a country's name ("Deutschland" -> DE), or ""."""
    key = line.strip(" .").casefold()
    if not key or any(ch.isdigit() for ch in key):
        return ""
    if key in COUNTRIES:
        return COUNTRIES[key]
    if key.upper() in US_STATES + CA_PROVINCES:
        return ""  # "CA", "IN", "DE" alone are states more often than countries on a card
    return _pycountry_names().get(key, "")


def named_country(line: str) -> str:
    """The country a line names, whole ("France") or after the town ("London, United Kingdom"), or ""."""
    whole = country_code(line)
    if whole:
        return whole
    trailing = TRAILING_COUNTRY.search(line)
    return country_code(trailing.group(1)) if trailing else ""


def country_in(text: str) -> str:
    """The country an address names, by a country line or a postcode only one country uses, or ""."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in reversed(lines):
        code = named_country(line)
        if code:
            return code
    for line in lines:
        for pattern, region in POSTCODE_LINES:
            if region and pattern.search(line):
                return region
    return ""


HOUSE_NUMBER_LAST = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\d,]+\s\d+[a-zA-Z]?$")


def is_street_above(line: str) -> bool:
    """Whether a line above a postcode and town is its street: a name then a house number ("Speicherstadt 5")."""
    return bool(HOUSE_NUMBER_LAST.match(line))


def is_address_line(line: str) -> bool:
    """Whether a line reads as part of a postal address (a street, a postcode and town, a country)."""
    if named_country(line) or COMPOUND_STREET.search(line):
        return True
    if any(pattern.search(line) for pattern, _ in POSTCODE_LINES):
        return True
    if STREET_WORDS.search(line) and re.search(r"\d", line):
        return True
    return bool(re.match(r"^\d+[A-Za-z]?,?\s+[A-Za-zÀ-ÿ]", line) and STREET_WORDS.search(line))
