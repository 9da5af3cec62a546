"""vCard files in and out (vobject); cards become the same fields the card parser gives."""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers
import vobject

from followup_tui.inputs import CardFields
from followup_tui.text import clean_line, clean_text

MAX_BYTES = 5 * 1024 * 1024


class CardImportError(ValueError):
    """A file that is not a readable vCard, with a message for the user."""


def _text(value) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return clean_line(str(value)) if value is not None else ""


def _e164(number: str, region: str) -> str:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _types(line) -> set[str]:
    types = {str(p).upper() for p in getattr(line, "singletonparams", [])}  # vCard 2.1: TEL;CELL:...
    for key, values in line.params.items():
        if key.upper() == "TYPE":
            types.update(v.upper() for value in values for v in str(value).split(","))
    return types


def _address(adr) -> str:
    value = adr.value
    if isinstance(value, str):
        return clean_text(value.replace(";", "\n"))
    street = " ".join(p for p in (_text(value.box), _text(value.extended)) if p)
    street = "\n".join(p for p in (street, clean_text(str(value.street or ""))) if p)
    city_line = " ".join(p for p in (_text(value.city), _text(value.region), _text(value.code)) if p)
    return "\n".join(p for p in (street, city_line, _text(value.country)) if p)


def _card(component, region: str) -> CardFields:
    fields: dict[str, str] = {}
    name = _text(component.fn.value) if hasattr(component, "fn") else ""
    if not name and hasattr(component, "n"):
        n = component.n.value
        name = " ".join(p for p in (_text(n.given), _text(n.family)) if p) if not isinstance(n, str) else _text(n)
    fields["name"] = name
    if hasattr(component, "title"):
        fields["title"] = _text(component.title.value)
    if hasattr(component, "org"):
        org = component.org.value
        fields["company"] = _text(org[0] if isinstance(org, list) and org else org)
    for line in component.contents.get("email", []):
        if not fields.get("email"):
            fields["email"] = _text(line.value)
    for line in component.contents.get("tel", []):
        number, kinds = _text(line.value).removeprefix("tel:"), _types(line)
        kind = "fax" if "FAX" in kinds else ("mobile" if {"CELL", "MOBILE", "IPHONE"} & kinds else "phone")
        if not fields.get(kind):
            fields[kind] = number
            if kind != "fax":
                fields[f"{kind}_e164"] = _e164(number, region)
    for line in component.contents.get("url", []):
        url = _text(line.value)
        key = "linkedin" if "linkedin.com" in url.lower() else "website"
        fields.setdefault(key, url)
    for line in component.contents.get("adr", [])[:1]:
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
    text = data.decode("utf-8", "replace") if not data.startswith(b"\xef\xbb\xbf") else data[3:].decode("utf-8", "replace")
    if "BEGIN:VCARD" not in text.upper():
        raise CardImportError("This is not a vCard file: it has no BEGIN:VCARD.")
    # vobject chokes on PHOTO payloads of some exporters; they are not needed.
    text = re.sub(r"(?ims)^PHOTO[;:].*?(?=^[A-Z][A-Z0-9-]*[;:])", "", text)
    cards = []
    try:
        for component in vobject.readComponents(text, ignoreUnreadable=True):
            if component.name.upper() != "VCARD":
                continue
            card = _card(component, region)
            if card.name or card.email or card.phone or card.mobile:
                cards.append(card)
    except Exception as error:  # vobject raises many kinds; all mean "not a card we can read"
        raise CardImportError(f"The vCard could not be read ({type(error).__name__}: {str(error)[:120]}).") from error
    if not cards:
        raise CardImportError("No contact with a name, email or phone was found in the file.")
    return cards


def write_vcards(cards: Iterable[CardFields]) -> str:
    """A vCard 3.0 file of these cards, as address books accept."""
    out = []
    for card in cards:
        v = vobject.vCard()
        v.add("fn").value = card.name or card.email or "Unnamed"
        given, _, family = (card.name or "").rpartition(" ")
        v.add("n").value = vobject.vcard.Name(family=family or card.name, given=given)
        if card.title:
            v.add("title").value = card.title
        if card.company:
            v.add("org").value = [card.company]
        if card.email:
            line = v.add("email")
            line.value, line.type_param = card.email, "INTERNET"
        for kind, number in (("WORK", card.phone), ("CELL", card.mobile), ("FAX", card.fax)):
            if number:
                line = v.add("tel")
                line.value, line.type_param = number, kind
        for url in (card.website, card.linkedin):
            if url:
                v.add("url").value = url
        if card.address:
            lines = card.address.split("\n")
            line = v.add("adr")
            line.value = vobject.vcard.Address(street="\n".join(lines[:-1]) if len(lines) > 1 else lines[0],
                                               city=lines[-1] if len(lines) > 1 else "")
            line.type_param = "WORK"
        out.append(v.serialize())
    return "".join(out)
