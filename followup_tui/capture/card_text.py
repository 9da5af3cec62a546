"""Business-card text -> fields: a pure function, no Textual, no database.

Lines are claimed in order of certainty: emails and web addresses (email-validator and a URL shape),
phone numbers (phonenumbers' matcher, labelled by "M:", "Tel", "Fax", ...), the postal address block
(postcode and street shapes of US, UK, DE, FR, IN and AU cards), then name, title and company from
what is left. A field the parser is unsure of stays empty.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

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
    r"phone|ph|p|t|o|office|direct|d|dir|work|mobile|mob|m|cell|c|handy|mobil|portable|fax|f|télécopie)\s*[:.]?\s*$",
    re.IGNORECASE,
)
MOBILE_WORDS = re.compile(r"\b(m|mob|mobile|cell|c|handy|mobil|portable|port)\b\.?\s*[:.]?\s*$", re.IGNORECASE)
FAX_WORDS = re.compile(r"\b(f|fax|télécopie|telefax)\b\.?\s*[:.]?\s*$", re.IGNORECASE)

COUNTRIES = {
    "usa": "US",
    "u.s.a.": "US",
    "united states": "US",
    "united states of america": "US",
    "us": "US",
    "uk": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "india": "IN",
    "australia": "AU",
    "canada": "CA",
    "ireland": "IE",
    "netherlands": "NL",
    "spain": "ES",
    "italy": "IT",
    "switzerland": "CH",
    "schweiz": "CH",
    "austria": "AT",
    "österreich": "AT",
    "singapore": "SG",
    "new zealand": "NZ",
}
US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
AU_STATES = ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT")
POSTCODE_LINES = (
    (re.compile(r"^[A-Za-z .'-]+,?\s+(" + "|".join(US_STATES) + r")\.?\s+\d{5}(-\d{4})?$"), "US"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$"), "GB"),
    (re.compile(r"^[A-Za-z .'-]+,?\s+(" + "|".join(AU_STATES) + r")\s+\d{4}$"), "AU"),
    (re.compile(r"^(D-)?\d{5}\s+[A-Za-zÄÖÜäöüß .'-]+$"), "DE/FR"),
    # A bare five-digit postcode is German or French: it marks an address but names no country.
    (re.compile(r"^(F-\d{5}\s+[A-Za-zÀ-ÿ .'-]+|\d{5}\s+[A-Za-zÀ-ÿ .'-]+\s+cedex(\s+\d+)?)$", re.IGNORECASE), "FR"),
    (re.compile(r"^[A-Za-z .'-]+\s*[-–,]?\s*\d{3}\s?\d{3}$"), "IN"),
)
COMPOUND_STREET = re.compile(
    r"[a-zäöüß]+(straße|strasse|str\.|platz|weg|allee|gasse|damm|ufer|ring|markt)\s+\d+[a-z]?\b", re.IGNORECASE
)
STREET_WORDS = re.compile(
    r"\b(street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|place|pl\.?|court|"
    r"ct\.?|parkway|pkwy|highway|hwy|square|sq\.?|terrace|crescent|close|wharf|row|suite|ste\.?|floor|fl\.?|level|"
    r"unit|building|bldg|tower|house|p\.?\s?o\.?\s+box|po box|postfach|stra(ß|ss)e|str\.|platz|weg|allee|ring|gasse|"
    r"rue|bd|chemin|quai|impasse|all[ée]e|marg|nagar|sector|block|phase|cross|main|layout|colony|estate)\b",
    re.IGNORECASE,
)
# A legal-form suffix says "company" for sure; a sector word only when the line is not a job title.
COMPANY_SUFFIX = re.compile(
    r"\b(inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|se|sa|sas|sarl|s\.a\.|plc|llp|lp|pvt\.?|"
    r"pty\.?|corp\.?|corporation|co\.|company|kg|ug|bv|n\.v\.|oy|ab)(?=\W|$)",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    COMPANY_SUFFIX.pattern[: -len(r")(?=\W|$)")]
    + r"|group|holdings|technologies|technology|solutions|systems|labs|partners|associates|bank|university|"
    r"consulting|conseil|analytics|robotics|software|studios?|agency|& co|foods|health|energy|logistics|games|data"
    r"|architects|digital|media|capital|ventures|insurance|pharma|motors|airlines|hospital|institute)(?=\W|$)",
    re.IGNORECASE,
)
TITLE_WORDS = re.compile(
    r"\b(manager|director|directrice|directeur|engineer|engineering|head|vp|svp|evp|vice president|president|"
    r"ceo|cto|cfo|coo|cio|cmo|chief|founder|co-founder|partner|recruiter|recruiting|talent|lead|officer|analyst|"
    r"consultant|specialist|coordinator|designer|developer|architect|scientist|associate|executive|administrator|"
    r"assistant|advisor|adviser|representative|supervisor|principal|professor|lecturer|counsel|attorney|"
    r"geschäftsführer|geschäftsführerin|leiter|leiterin|ingenieur|ingenieurin|referent|referentin|"
    r"responsable|chargée?|chef|gérant|ingénieur|hr|human resources|people|acquisition|sales|marketing|"
    r"operations|product|owner|staff|senior|junior|intern|editor|producer|nurse|physician|accountant|"
    r"controller|buyer|strategist|researcher)\b",
    re.IGNORECASE,
)
HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|miss|prof|mx)\.?\s+", re.IGNORECASE)
POSTNOMINAL = re.compile(
    r"(,?\s+(phd|ph\.d\.|md|m\.d\.|mba|cpa|pe|p\.eng\.?|esq\.?|jr\.?|sr\.?|ii|iii|msc|m\.sc\.|bsc|cfa|pmp|shrm-cp|"
    r"sphr|rn|dds|ca|acca|frcs|dipl\.-ing\.))+\s*$",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*$|^(van|von|der|de|da|di|du|la|le|del|bin|al|ter)$")


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


def _country_of(lines: list[str]) -> str:
    """A region code from a country line or a postcode shape, or ""."""
    for line in lines:
        key = line.lower().strip(" .")
        if key in COUNTRIES:
            return COUNTRIES[key]
    for line in lines:
        for pattern, region in POSTCODE_LINES:
            if pattern.search(line) and "/" not in region and region != "IN":
                return region
    return ""


def _is_address_line(line: str) -> bool:
    if line.lower().strip(" .") in COUNTRIES or COMPOUND_STREET.search(line):
        return True
    if any(pattern.search(line) for pattern, _ in POSTCODE_LINES):
        return True
    if STREET_WORDS.search(line) and re.search(r"\d", line):
        return True
    return bool(re.match(r"^\d+[A-Za-z]?\s+[A-Za-zÀ-ÿ]", line) and STREET_WORDS.search(line))


def _looks_like_name(line: str) -> bool:
    words = HONORIFIC.sub("", POSTNOMINAL.sub("", line)).split()
    if not 2 <= len(words) <= 4 or COMPANY_WORDS.search(line) or TITLE_WORDS.search(line):
        return False
    return all(NAME_WORD.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2


def _clean_name(line: str) -> str:
    return " ".join(HONORIFIC.sub("", POSTNOMINAL.sub("", line)).split())


def _phone_kind(before: str) -> str:
    if FAX_WORDS.search(before):
        return "fax"
    if MOBILE_WORDS.search(before):
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
    lines = [line for line in lines if not SIGN_OFFS.match(line)]
    found: dict[str, str] = {}
    rest_lines: list[str] = []
    for line in lines:
        email, line = _email_in(line)
        if email and "email" not in found:
            found["email"] = email
        website, linkedin, line = _url_in(line)
        if website and "website" not in found:
            found["website"] = website
        if linkedin and "linkedin" not in found:
            found["linkedin"] = linkedin
        if line and not LABEL.match(line):
            rest_lines.append(line)

    country = _country_of(rest_lines)
    phone_region = country or region
    remaining: list[str] = []
    for line in rest_lines:
        consumed_to = 0
        pieces = []
        for match in phonenumbers.PhoneNumberMatcher(line, phone_region):
            kind = _phone_kind(line[consumed_to : match.start])
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
        if consumed_to:
            pieces.append(line[consumed_to:])
            leftover = " ".join(p for p in (" ".join(pieces)).split() if not LABEL.match(p.strip("|·/,")))
            leftover = leftover.strip(" |·/,;:-")
            if leftover and not LABEL.match(leftover) and not re.fullmatch(r"[\W\d]*", leftover):
                remaining.append(leftover)
        else:
            remaining.append(line)

    address_lines = [line for line in remaining if _is_address_line(line)]
    if address_lines:
        # The block runs from the first to the last address-like line, when they are together.
        first, last = remaining.index(address_lines[0]), remaining.index(address_lines[-1])
        block = remaining[first : last + 1]
        if len(block) <= 5 and all(
            _is_address_line(b) or not (TITLE_WORDS.search(b) or COMPANY_WORDS.search(b)) for b in block
        ):
            found["address"] = "\n".join(block)
            remaining = remaining[:first] + remaining[last + 1 :]
        else:
            remaining = [line for line in remaining if line not in address_lines]

    _people_lines(remaining, found)
    return CardFields(**{k: v for k, v in found.items() if k in CardFields.__dataclass_fields__})


def _split_joined(line: str) -> list[str]:
    """ "Jane Doe, Head of Sales", "CTO | Acme Inc.", "Head of Data at Acme": the parts."""
    at = re.match(r"^(.+?)\s+(?:at|@|chez|bei)\s+(.+)$", line)
    if at and TITLE_WORDS.search(at.group(1)):
        return [at.group(1), at.group(2)]
    for separator in (" | ", " · ", " – ", " — ", " - ", ", "):
        if separator not in line:
            continue
        parts = [p.strip() for p in line.split(separator) if p.strip()]
        if len(parts) < 2:
            continue
        if separator == ", " and (POSTNOMINAL.search(line) or COMPANY_SUFFIX.fullmatch(parts[-1])):
            continue  # "Jane Doe, PhD", "Acme, Inc."
        if separator in (" – ", " — ", " - ") and not any(
            _looks_like_name(p) or COMPANY_WORDS.search(p) for p in parts
        ):
            continue  # "Senior Manager - Talent Acquisition" is one title
        return parts
    return [line]


def _people_lines(lines: list[str], found: dict[str, str]) -> None:
    """Name, title and company from the lines nothing else claimed."""
    parts: list[str] = []
    for line in lines:
        parts.extend(_split_joined(line))
    domain = found.get("email", "@").split("@", 1)[1].split(".")[0].lower() if "email" in found else ""
    unclaimed = []
    for part in parts:
        squashed = re.sub(r"[^a-z0-9]", "", part.lower())
        company_like = COMPANY_SUFFIX.search(part) or (domain and squashed.startswith(domain))
        if "name" not in found and _looks_like_name(part):
            found["name"] = _clean_name(part)
        elif "company" not in found and company_like:
            found["company"] = part
        elif "title" not in found and TITLE_WORDS.search(part):
            found["title"] = part
        elif "company" not in found and COMPANY_WORDS.search(part):
            found["company"] = part
        else:
            unclaimed.append(part)
    # One line left and only the company missing: a company name without a tell-tale suffix,
    # when the email's domain agrees with it.
    if "company" not in found and len(unclaimed) == 1 and domain:
        squashed = re.sub(r"[^a-z0-9]", "", unclaimed[0].lower())
        if domain[:4] in squashed:
            found["company"] = unclaimed[0]
