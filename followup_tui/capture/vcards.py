"""vCard files in and out (vobject); cards become the same fields the card parser gives."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers
import vobject
from vobject.base import Component, ContentLine
from vobject.vcard import Address, Name

from followup_tui import contact
from followup_tui.contact import CARD_FIELDS, CardFields

if TYPE_CHECKING:  # both load only when needed (nameparser alone costs 45 ms)
    from nameparser.config import Constants
    from pycountry.db import Country
from followup_tui.text import clean_line, clean_text

MAX_BYTES = 5 * 1024 * 1024


class CardImportError(ValueError):
    """A file that is not a readable vCard, with a message for the user."""


def _text(value: str | bytes | list[str] | None, joiner: str = " ") -> str:
    """One line from a vCard value. A part of N or ADR with several values (vCard 3.0 separates them
    with commas: two given names, two street lines) comes as a list: its values joined, in order."""
    if isinstance(value, list):
        return joiner.join(part for part in (_text(v) for v in value) if part)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return clean_line(str(value)) if value is not None else ""


# Whole escape sequences (OSC/DCS/APC... up to their terminator, CSI up to its final byte, 7- and 8-bit),
# so that no payload such as a window title survives as text once the ESC itself is gone.
_ESCAPES = re.compile(
    r"(?:\x1b[P\]X^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)


def _quoted(text: str, limit: int = 80) -> str:
    """Text from a file, fit to quote in a message: no escape sequences or control codes, one short line.

    Local until followup_tui.text grows a general helper for this; swap it then."""
    line = clean_line(_ESCAPES.sub("", text))
    line = re.sub(r"\S{31,}", lambda long: long[0][:29] + "…", line)  # a runaway token, not the words after it
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _e164(number: str, region: str) -> str:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _types(line: ContentLine) -> set[str]:
    types = {str(p).upper() for p in getattr(line, "singletonparams", [])}  # vCard 2.1: TEL;CELL:...
    for key, values in line.params.items():
        if key.upper() == "TYPE":
            types.update(v.upper() for value in values for v in str(value).split(","))
    return types


def _address(adr: ContentLine) -> str:
    value: object = adr.value  # an Address once vobject has read it, or the raw text if it could not
    if not isinstance(value, Address):
        return clean_text(str(value).replace(";", "\n"))
    street = " ".join(p for p in (_part(value.box), _part(value.extended)) if p)
    street = "\n".join(p for p in (street, clean_text(", ".join(_values(value.street)))) if p)
    city_line = " ".join(p for p in (_part(value.city), _part(value.region), _part(value.code)) if p)
    return "\n".join(p for p in (street, city_line, _part(value.country)) if p)


def _values(part: str | list[str]) -> list[str]:
    """A part's values: a street may span lines, so it is cleaned as text, not as one line."""
    return [v for v in (part if isinstance(part, list) else [part]) if v]


def _part(part: str | list[str]) -> str:
    """An address part on one line, its several values separated as written ("1 Main St, Suite 5")."""
    return _text(part, ", ")


def _whole_name(n: object) -> str:
    """N's parts as one name, for cards without FN (vCard 2.1 allows that): "Dr. Zoë Ann O'Brien, Jr."."""
    if not isinstance(n, Name):
        return _text(str(n))
    name = " ".join(p for p in (_text(n.prefix), _text(n.given), _text(n.additional), _text(n.family)) if p)
    suffix = _text(n.suffix)
    return f"{name}, {suffix}" if name and suffix else name or suffix


def _lines(component: Component, name: str) -> list[ContentLine]:
    """The component's lines of one property (a vCard holds no sub-components)."""
    return [line for line in component.contents.get(name, []) if isinstance(line, ContentLine)]


def _card(component: Component, region: str) -> CardFields:
    fields: dict[str, str] = {}
    name = _text(component.fn.value) if hasattr(component, "fn") else ""
    if not name and hasattr(component, "n"):
        name = _whole_name(component.n.value)
    fields["name"] = name
    if hasattr(component, "title"):
        fields["title"] = _text(component.title.value)
    if hasattr(component, "org"):
        org = component.org.value
        fields["company"] = _text(org[0] if isinstance(org, list) and org else org)
    for line in _lines(component, "email"):
        if not fields.get("email"):
            fields["email"] = _text(line.value)
    for line in _lines(component, "tel"):
        number, kinds = _text(line.value).removeprefix("tel:"), _types(line)
        kind = "fax" if "FAX" in kinds else ("mobile" if {"CELL", "MOBILE", "IPHONE"} & kinds else "phone")
        if not fields.get(kind):
            fields[kind] = number
            if kind != "fax":
                fields[f"{kind}_e164"] = _e164(number, region)
    for line in _lines(component, "url"):
        url = _text(line.value)
        key = "linkedin" if "linkedin.com" in url.lower() else "website"
        fields.setdefault(key, url)
    for line in _lines(component, "adr")[:1]:
        fields["address"] = _address(line)
    return CardFields(**fields)


def read_vcards(data: bytes, region: str = "US") -> list[CardFields]:
    """Every card in a .vcf file (2.1, 3.0 or 4.0; photos ignored)."""
    if len(data) > MAX_BYTES:
        raise CardImportError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; followup reads vCard files up to "
            f"{MAX_BYTES // 1024 // 1024} MB. Split it, or export fewer contacts."
        )
    if b"\x00" in data[:4096]:
        raise CardImportError("This is not a vCard file (it holds binary data).")
    text = (data[3:] if data.startswith(b"\xef\xbb\xbf") else data).decode("utf-8", "replace")
    if "BEGIN:VCARD" not in text.upper():
        raise CardImportError("This is not a vCard file: it has no BEGIN:VCARD.")
    # vobject chokes on PHOTO payloads of some exporters; they are not needed.
    text = re.sub(r"(?ims)^PHOTO[;:].*?(?=^[A-Z][A-Z0-9-]*[;:])", "", text)
    text = _ONE_VALUE.sub(lambda line: line[1] + _BARE_COMMA.sub(r"\\,", line[2]), _unfolded(text))
    cards = []
    # vobject logs each unreadable line, raw (escape codes included), to stderr: the line is skipped anyway.
    log = logging.getLogger("vobject.base")
    level = log.level
    log.setLevel(logging.CRITICAL)  # setLevel, not assignment: it clears logging's cache of the level
    try:
        for component in vobject.readComponents(text, ignoreUnreadable=True):
            if component.name.upper() != "VCARD":
                continue
            card = _card(component, region)
            if card.name or card.email or card.phone or card.mobile:
                cards.append(card)
    except Exception as error:  # vobject raises many kinds; all mean "not a card we can read"
        problem = f"{type(error).__name__}: {_quoted(str(error))}"
        raise CardImportError(f"The vCard could not be read ({problem}).") from error
    finally:
        log.setLevel(level)
    if not cards:
        raise CardImportError("No contact with a name, email or phone was found in the file.")
    return cards


# Properties that hold one text value, where a comma is part of it: vobject splits their value on bare
# commas and keeps the first part, so "TITLE:Vice President, Talent" (unescaped, as QR-code generators and
# some exporters write it) would lose ", Talent". Their bare commas are escaped before vobject reads them.
_ONE_VALUE = re.compile(r"(?im)^((?:[\w-]+\.)?(?:FN|TITLE|ROLE)(?:;[^:\r\n]*)?:)([^\r\n]*)")
_BARE_COMMA = re.compile(r"(?<!\\),")


def _unfolded(text: str) -> str:
    """Folded lines (a line break then a space or tab) joined, so each property is on one line."""
    return re.sub(r"\r?\n[ \t]", "", text)


def write_vcards(cards: Iterable[CardFields]) -> str:
    """A vCard 3.0 file of these cards, as address books accept (and the `vcard` validator passes)."""
    out = []
    for card in cards:
        v = vobject.vCard()
        v.add("fn").value = card.name or card.email or "Unnamed"
        v.add("n").value = name_parts(card.name)
        for name in CARD_FIELDS:
            value, about = getattr(card, name), contact.about(name)
            if about.vcard and value:
                line = v.add(about.vcard)
                line.value = _VCARD_VALUES.get(about.vcard, str)(value)
                if about.vcard_types:
                    # RFC 2426 spells TYPE values in lower case; validators compare them as written.
                    line.type_paramlist = list(about.vcard_types)
        out.append(v.serialize())
    return "".join(out)


def _uri(url: str) -> str:
    """URL holds a URI: "www.northwind.example" as printed on a card becomes a link."""
    return url if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", url) else f"https://{url}"


# How a card's text becomes each property's value (the rest are the text itself).
def _org(company: str) -> list[str]:
    return [company]


def name_parts(name: str) -> vobject.vcard.Name:
    """A full name split as N wants it: "Zoë O'Brien, Jr." is family O'Brien, given Zoë, suffix Jr."""
    from nameparser import HumanName  # 45 ms: only exports need it, not imports or `followup capture`

    parsed = HumanName(name)
    if parsed.title and not (parsed.first and parsed.last):
        # "King Chen", "Judge Reinhold": a first name that is also a title, not a title and half a name.
        parsed = HumanName(name, constants=_no_titles())
    return vobject.vcard.Name(
        family=parsed.last, given=parsed.first, additional=parsed.middle, prefix=parsed.title, suffix=parsed.suffix
    )


def address_parts(address: str) -> vobject.vcard.Address:
    """An address as ADR wants it: a last line naming a country goes to the country field, the line
    before it (the town with its postcode, kept whole) to the locality, the rest to the street."""
    lines = [line for line in address.split("\n") if line.strip()]
    country = lines.pop() if len(lines) > 1 and is_country(lines[-1]) else ""
    city = lines.pop() if len(lines) > 1 else ""
    return vobject.vcard.Address(street="\n".join(lines), city=city, country=country)


# How a card field's text becomes its vCard property's value (plain text unless named here).
_VCARD_VALUES: dict[str, Callable[[str], object]] = {"org": _org, "url": _uri, "adr": address_parts}


def is_country(line: str) -> bool:
    """Whether a line of an address is a country's name, in English or any language ISO 3166 lists."""
    words = line.strip()
    if words in _country_codes():
        return True
    folded = words.casefold()
    # Town lines nearly always carry a postcode; a country name has no digit, so the slow tier is rare.
    return not any(ch.isdigit() for ch in words) and (folded in _english_names() or folded in _local_names())


@cache
def _no_titles() -> Constants:
    from nameparser.config import Constants

    return Constants(titles=())


@cache
def _country_codes() -> frozenset[str]:
    import pycountry

    # Three letters only: two-letter codes collide with states and provinces (CA, DE, IN...);
    # "UK" is exceptionally reserved for the United Kingdom by ISO 3166-1.
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"UK"}


def _names_of(country: Country) -> list[str]:
    return [
        n for n in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)) if n
    ]


@cache
def _english_names() -> frozenset[str]:
    import pycountry

    return frozenset(n.casefold() for c in pycountry.countries for n in _names_of(c))


@cache
def _local_names() -> frozenset[str]:
    """Every language's names ("Deutschland", "Royaume-Uni"): about 0.3 s, once, only when needed."""
    import gettext

    import pycountry

    names: set[str] = set()
    locales = Path(pycountry.LOCALES_DIR)
    english = [n for c in pycountry.countries for n in _names_of(c)]
    for catalogue in locales.glob("*/LC_MESSAGES/iso3166-1.mo"):
        translation = gettext.translation("iso3166-1", locales, languages=[catalogue.parent.parent.name])
        names.update(translation.gettext(n).casefold() for n in english)
    return frozenset(names)
