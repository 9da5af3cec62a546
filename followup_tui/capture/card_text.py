"""Business-card text -> fields: a pure function, no Textual, no database.

Lines are split at bullets and bars ("Ana Silva • Product Lead"), pronouns dropped, then claimed in order
of certainty: emails and web addresses (email-validator and a URL shape), labelled fields ("Name:",
"Recruiter: Maria Lopez"), phone numbers (phonenumbers' matcher, for the card's own country when its
address names one; labelled by "M:", "Tel", "Fax", ...), the postal address block (card_places), then
name, title and company from what is left (card_people). A field the parser is unsure of stays empty.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from followup_tui.capture.card_people import clean_name, labelled, people
from followup_tui.capture.card_places import country_in, is_address_line, is_street_above
from followup_tui.contact import CardFields
from followup_tui.text import clean_line, clean_text

MAX_CHARS = 4000
MAX_LINES = 40


class CardTooLong(ValueError):
    """More text than any business card holds."""


SIGN_OFFS = re.compile(
    r"^(--+|—+|_+|best( regards)?|kind regards|warm regards|regards|many thanks|thanks( again)?|thank you|cheers|"
    r"sincerely|yours( sincerely| truly)?|all the best|mit freundlichen gr(ü|ue)(ß|ss)en|viele gr(ü|ue)(ß|ss)e|"
    r"beste gr(ü|ue)(ß|ss)e|cordialement|bien (à|a) vous|bien cordialement|sent from my \w+)[,.!]?$",
    re.IGNORECASE,
)
EMAIL_CANDIDATE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[^\s,;]*)?", re.IGNORECASE)
LABEL = re.compile(
    r"^(?:e-?mail|email|mail|e|web|website|w|www|url|linkedin|in|tel|tél|tel\.|telephone|téléphone|telefon|"
    r"teléfono|telefono|tlf|phone|ph|p|t|o|office|main|switchboard|direct|direct dial|dd|d|dir|work|mobile|mob|"
    r"m|cell|c|cel|celular|móvil|movil|cellulare|mobiel|whatsapp|handy|mobil|portable|fax|f|télécopie)"
    r"\s*[:.]?\s*$",
    re.IGNORECASE,
)
MOBILE_WORDS = re.compile(
    r"\b(m|mob|mobile|cell|c|cel|celular|móvil|movil|cellulare|mobiel|whatsapp|handy|mobil|portable|port)\b"
    r"\.?\s*(phone)?\s*[:.]?\s*$",
    re.IGNORECASE,
)
FAX_WORDS = re.compile(r"\b(f|fax|télécopie|telefax)\b\.?\s*[:.]?\s*$", re.IGNORECASE)
# Bullets and bars part a line's fields: "Ana Silva • Product Lead • Brightwave Labs".
SEPARATORS = re.compile(r"\s*[|•●▪◦]\s*|\s+·\s+")
PRONOUNS = re.compile(
    r"\s*[(\[]?\b(?:she|he|they|ze|xe|ey|fae)\s*/\s*(?:her|him|them|hers|his|theirs|zir|hir|xem|em|faer)"
    r"(?:\s*/\s*[a-z]+)?\b[)\]]?",
    re.IGNORECASE,
)
PRONOUN_LINE = re.compile(r"^pronouns?\s*:?\s*$", re.IGNORECASE)


def _email_in(line: str) -> tuple[str, str]:
    """The first valid email in a line, and the line without it."""
    for match in EMAIL_CANDIDATE.finditer(line):
        try:
            email = validate_email(match.group(0).strip(".'"), check_deliverability=False).normalized
        except EmailNotValidError:
            continue
        return email, (line[: match.start()] + line[match.end() :]).strip()
    return "", line


def _url_in(line: str) -> tuple[str, str, str]:
    """(website, linkedin, rest) for a line holding a web address."""
    for match in URL.finditer(line):
        text = match.group(0).rstrip(".,;")
        if "@" in line[max(0, match.start() - 1) : match.end() + 1]:
            continue
        has_web_shape = text.lower().startswith(("http", "www.")) or "linkedin.com" in text.lower() or "/" in text
        rest = (line[: match.start()] + line[match.end() :]).strip()
        if not has_web_shape and (rest and not LABEL.match(rest)):
            continue  # "Acme.io Ltd" stays a company name
        if "linkedin.com" in text.lower():
            return "", text, rest
        return text, "", rest
    return "", "", line


def _phone_kind(before: str, number: phonenumbers.PhoneNumber) -> str:
    """fax, mobile or phone by the label before the number; a number with no label by its kind
    (a UK 07 or a German 015 number is a mobile; a US number could be either, so it is the phone)."""
    if FAX_WORDS.search(before):
        return "fax"
    if MOBILE_WORDS.search(before):
        return "mobile"
    if not before.strip(" |·/,;:-") and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        return "mobile"
    return "phone"


def parse_card(text: str, region: str = "US") -> CardFields:
    """The fields of one business card's text (any order of lines)."""
    if len(text) > MAX_CHARS:
        raise CardTooLong(f"That is {len(text):,} characters; a card holds at most {MAX_CHARS:,}. Paste one card.")
    lines = [clean_line(line) for line in clean_text(text).split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > MAX_LINES:
        raise CardTooLong(f"That is {len(lines)} lines; a card has at most {MAX_LINES}. Paste one card.")
    found: dict[str, str] = {}
    forced: dict[str, str] = {}
    rest: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        if SIGN_OFFS.match(line):
            continue
        for piece in SEPARATORS.split(PRONOUNS.sub("", line)):
            piece = _claim_web(piece.strip(" ,;"), found)
            if piece and not LABEL.match(piece) and not PRONOUN_LINE.match(piece):
                rest += _labelled(piece, number, forced)

    phone_region = country_in("\n".join(line for line, _ in rest)) or region
    remaining = [(kept, number) for line, number in rest for kept in _claim_phones(line, phone_region, found)]
    addressed = set(forced.pop("address", "").split("\n")) - {""}
    address_lines = [line for line, _ in remaining if line in addressed or _is_address(line)]
    if address_lines:
        # The block runs from the first to the last address-like line, when they are together.
        texts = [line for line, _ in remaining]
        first, last = texts.index(address_lines[0]), len(texts) - 1 - texts[::-1].index(address_lines[-1])
        if first and is_street_above(texts[first - 1]) and not _is_people_line(texts[first - 1]):
            first -= 1
        block = texts[first : last + 1]
        if len(block) <= 6 and all(b in address_lines or not _is_people_line(b) for b in block):
            found["address"] = "\n".join(block)
            remaining = remaining[:first] + remaining[last + 1 :]
        else:
            remaining = [(line, n) for line, n in remaining if line not in address_lines]
    people(remaining, found, forced)
    return CardFields(**{k: v for k, v in found.items() if k in CardFields.__dataclass_fields__})


def _is_address(line: str) -> bool:
    # "Country Manager, Germany" names a country but is a title: an address line with such words has a number.
    return is_address_line(line) and not (_is_people_line(line) and not re.search(r"\d", line))


def _is_people_line(line: str) -> bool:
    from followup_tui.capture.card_people import COMPANY_WORDS, TITLE_WORDS

    return bool(TITLE_WORDS.search(line) or COMPANY_WORDS.search(line))


def _claim_web(line: str, found: dict[str, str]) -> str:
    """The line without its email and web address, which go into `found`."""
    email, line = _email_in(line)
    if email and "email" not in found:
        found["email"] = email
    website, linkedin, line = _url_in(line)
    if website and "website" not in found:
        found["website"] = website
    if linkedin and "linkedin" not in found:
        found["linkedin"] = linkedin
    return line


def _labelled(line: str, number: int, forced: dict[str, str]) -> list[tuple[str, int]]:
    """A labelled line's value into `forced` ("Name: Ana Ruiz"); what is left to read, with its line number."""
    kind, value = labelled(line)
    if not kind:
        return [(line, number)]
    if kind == "address":
        forced["address"] = "\n".join(filter(None, (forced.get("address", ""), value)))
        return [(value, number)]
    if kind in ("title", "company"):
        forced.setdefault(kind, value)
        return []
    if kind == "name":
        forced.setdefault("name", clean_name(value))
        return []
    forced.setdefault("name", clean_name(value))  # "Recruiter: Maria Lopez": the label is her title
    return [(kind, number)]


def _claim_phones(line: str, region: str, found: dict[str, str]) -> list[str]:
    """The phone numbers in a line into `found`, by the label before each; what is left of the line."""
    consumed_to = 0
    pieces = []
    for match in phonenumbers.PhoneNumberMatcher(line, region):
        kind = _phone_kind(line[consumed_to : match.start], match.number)
        typed = match.raw_string.strip()
        ext = re.match(r"\s*(?:x|ext\.?|extension|#)\s*(\d{1,6})", line[match.end :], re.IGNORECASE)
        end = match.end
        if ext and not match.number.extension:
            typed += f" x{ext.group(1)}"
            end += ext.end()
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if kind not in found:
            found[kind] = typed
            found[f"{kind}_e164"] = e164
        pieces.append(line[consumed_to : match.start])
        consumed_to = end
    if not consumed_to:
        return [line]
    pieces.append(line[consumed_to:])
    leftover = " ".join(p for p in (" ".join(pieces)).split() if not LABEL.match(p.strip("|·/,")))
    leftover = leftover.strip(" |·/,;:-")
    if leftover and not LABEL.match(leftover) and not re.fullmatch(r"[\W\d]*", leftover):
        return [leftover]
    return []
