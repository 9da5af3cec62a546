"""What a business card's QR code holds, as card fields: a vCard, a MeCard, or only a web address (pure).

A MeCard ("MECARD:N:Lopez,Maria;TEL:...;EMAIL:...;;") is rewritten as a vCard 3.0 and read by the vCard
reader, so both kinds of code give the same fields a .vcf import gives (phones in E.164, addresses in lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup_tui.capture.vcards import CardImportError, read_vcards
from followup_tui.contact import CardFields
from followup_tui.text import clean_line

WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# The DoCoMo MeCard keys a business card uses, as the vCard properties they stand for.
MECARD_KEYS = {"N": "N", "TEL": "TEL", "EMAIL": "EMAIL", "URL": "URL", "ADR": "ADR", "ORG": "ORG", "TITLE": "TITLE"}


@dataclass(frozen=True)
class CodeCard:
    """The fields a QR code gave, and what kind of code it was ("vCard", "MeCard" or "web address")."""

    fields: CardFields
    kind: str

    @property
    def is_contact(self) -> bool:
        """Whether the code holds a whole contact (which then wins over the card's printed text)."""
        return self.kind != "web address"


def card_from_code(payload: str, region: str = "US") -> CodeCard | None:
    """The card in a QR code's text, or None for a code that holds no contact or web address."""
    text = payload.strip().lstrip("\ufeff")
    if text.upper().startswith("BEGIN:VCARD"):
        return _from_vcard(text, region, "vCard")
    if text.upper().startswith("MECARD:"):
        return _from_vcard(mecard_to_vcard(text), region, "MeCard")
    if WEB_ADDRESS.match(text):
        url = clean_line(text if "://" in text else f"https://{text}")  # a code can hold any bytes: no escapes
        key = "linkedin" if "linkedin.com" in url.lower() else "website"
        return CodeCard(CardFields(**{key: url}), "web address")
    return None


def _from_vcard(text: str, region: str, kind: str) -> CodeCard | None:
    try:
        cards = read_vcards(text.encode("utf-8"), region)
    except CardImportError:
        return None  # a code with no name, email or phone: the printed text is read instead
    return CodeCard(cards[0], kind)


def _mecard_parts(body: str) -> list[tuple[str, str]]:
    """KEY:value pairs, split on the semicolons that are not escaped; values unescaped."""
    parts: list[tuple[str, str]] = []
    field: list[str] = []
    chars = iter(body)
    for ch in chars:
        if ch == "\\":
            field.append(ch + next(chars, ""))  # kept escaped until the key is split off
        elif ch == ";":
            parts.append(_key_value("".join(field)))
            field = []
        else:
            field.append(ch)
    parts.append(_key_value("".join(field)))
    return [(key, value) for key, value in parts if key and value]


def _key_value(field: str) -> tuple[str, str]:
    key, _, value = field.partition(":")
    return key.strip().upper(), re.sub(r"\\(.)", r"\1", value).strip()


def _escaped(value: str) -> str:
    """A vCard 3.0 text value."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(";", "\\;").replace(",", "\\,")


def mecard_to_vcard(text: str) -> str:
    """A MeCard's contact as vCard 3.0 text."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    phones = 0
    for key, value in _mecard_parts(text.strip()[len("MECARD:") :]):
        if key not in MECARD_KEYS:
            continue  # NICKNAME, BDAY, NOTE, SOUND ...: not on a business card's fields
        if key == "N":
            # "Lopez,Maria" is family name, given name; without a comma the name is as written.
            family, _, given = value.partition(",")
            whole = f"{given.strip()} {family.strip()}".strip() if given else value
            lines += [f"N:{_escaped(family.strip())};{_escaped(given.strip())};;;", f"FN:{_escaped(whole)}"]
        elif key == "TEL":
            # MeCard does not say which number is which: the first is the phone, a second the mobile.
            kind = "WORK,VOICE" if phones == 0 else "CELL"
            phones += 1
            lines.append(f"TEL;TYPE={kind}:{_escaped(value)}")
        elif key == "ADR":
            parts = value.split(",")
            # DoCoMo's seven comma-separated parts are vCard's; any other address is kept whole as the street.
            adr = ";".join(_escaped(p.strip()) for p in parts) if len(parts) == 7 else f";;{_escaped(value)};;;;"
            lines.append(f"ADR;TYPE=WORK:{adr}")
        elif key == "URL":
            lines.append(f"URL:{value.replace(chr(10), '')}")  # a URI, not text: vCard readers do not unescape it
        else:
            lines.append(f"{MECARD_KEYS[key]}:{_escaped(value)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
