"""Who is on a card: name, title and company from the lines no email, phone or address claimed.

A legal form ("Ltd", "GmbH") or the email's domain says "company" for sure; a sector word ("Labs",
"Bank") only when no surer company line exists, so that "Hiring Manager, Analytics" above "Acme Corp"
is a title with its department, not a company. Names are recognised with their honorifics, degrees,
quoted nicknames and all-capitals spellings; nameparser re-cases "RAJ PATEL" and "SEAN MCDONALD".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

COMPANY_SUFFIX = re.compile(
    r"\b(inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|gmbh|mbh|ag|se|sa|s\.a\.|sas|sarl|s\.a\.r\.l\.|plc|llp|"
    r"lp|pvt\.?|pty\.?|corp\.?|corporation|co\.|company|kg|ug|e\.v\.|bv|b\.v\.|nv|n\.v\.|oy|oyj|ab|as|a/s|asa|"
    r"aps|srl|s\.r\.l\.|spa|s\.p\.a\.|s\.l\.|sl|ltda\.?|s\.a\. de c\.v\.|kk|k\.k\.|pte\.?|sdn\.? bhd\.?|bhd|"
    r"zrt|sp\. z o\.o\.|bvba|ohg|gbr|oü|pllc|p\.c\.)(?=\W|$)",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    COMPANY_SUFFIX.pattern[: -len(r")(?=\W|$)")]
    + r"|group|holdings|technologies|technology|tech|solutions|systems|labs|partners|associates|bank|university|"
    r"universität|université|universidad|college|school|academy|institute|hospital|clinic|foundation|trust|"
    r"consulting|consultancy|conseil|analytics|robotics|software|studios?|agency|& co|foods|health|healthcare|"
    r"energy|logistics|games|data|architects|digital|media|capital|ventures|insurance|pharma|pharmaceuticals|"
    r"therapeutics|biosciences|motors|airlines|industries|international|global|networks|telecom|"
    r"communications|electronics|automotive|aerospace|manufacturing|retail|markets|brewing|hotels|realty|"
    r"properties|legal|law|works|collective|cooperative|publishing|press|finance|financial|payments|cloud|"
    r"security|mobility|materials|chemicals|textiles|freight|shipping|maschinenbau|werke|verlag|versicherung|"
    r"logiciels|informatique|ingeniería|tecnologia|tecnología|soluciones|sistemas)(?=\W|$)",
    re.IGNORECASE,
)
TITLE_WORDS = re.compile(
    r"\b(manager|managing|director|directora?|directrice|directeur|diretora?|direttore|direttrice|engineer|"
    r"engineering|head|vp|svp|evp|avp|vice president|president|ceo|cto|cfo|coo|cio|cmo|cpo|chro|chief|founder|"
    r"co-founder|cofounder|partner|recruiter|recruiting|recruitment|sourcer|talent|talents|lead|officer|analyst|"
    r"analista|consultant|consultora?|specialist|coordinator|designer|developer|desarrollador(a)?|architect|"
    r"scientist|associate|executive|administrator|assistant|advisor|adviser|adviseur|representative|supervisor|"
    r"principal|professor|lecturer|counsel|attorney|lawyer|solicitor|geschäftsführer|geschäftsführerin|leiter|"
    r"leiterin|ingenieur|ingenieurin|referent|referentin|entwickler|entwicklerin|berater|beraterin|"
    r"personalreferent(in)?|responsable|responsabile|chargée?|chef|cheffe|gérante?|ingénieure?|ingeniera?|"
    r"gerente|jefe|jefa|hr|hrbp|human resources|people|acquisition|sales|marketing|operations|product|owner|staff|"
    r"senior|sr\.|junior|jr\.|intern|editor|producer|nurse|physician|accountant|controller|buyer|strategist|"
    r"researcher|generalist|business partner|programmer|devops|sre|writer|trainer|teacher|dean|chair|secretary|"
    r"treasurer|agent|broker|technician|pharmacist|surgeon|auditor|economist|statistician|coach|evangelist|"
    r"advocate|curator|librarian|planner|inspector|clerk|receptionist|hiring|vice|general manager|gm|"
    r"specjalist(a|ka)|kierownik|kierowniczka|dyrektor|menedżer|rekrutacji|selección|recrutamento|"
    r"recrutement|recrutamiento|reclutamiento)\b"
    # German titles are compounds: "Teamleiter", "Softwareentwicklerin", "Personalberater".
    r"|\w(leiter|leiterin|entwickler|entwicklerin|berater|beraterin|manager|managerin|referent|referentin)\b"
    r"|\b(recruiter|designer|analyst|consultant|developer|engineer|architekt|spezialist|assistent|koordinator)in\b",
    re.IGNORECASE,
)
HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|miss|prof|mx|sir|dame|herr|frau|mme|mlle|m|sr|sra|srta)\.?\s+", re.IGNORECASE)
POSTNOMINAL = re.compile(
    r"(,?\s+(phd|ph\.d\.|md|m\.d\.|mba|cpa|pe|p\.eng\.?|esq\.?|jr\.?|sr\.?|ii|iii|iv|msc|m\.sc\.|bsc|b\.sc\.|ma|"
    r"m\.a\.|cfa|pmp|shrm-cp|shrm-scp|sphr|phr|cipd|fcipd|mcipd|rn|dds|ca|acca|aca|fca|frcs|dipl\.-ing\.|llm|"
    r"ll\.m\.|jd|j\.d\.|cissp|cppm|pcc|mcc|ceng|miet|faia|aia|leed ap))+\s*$",
    re.IGNORECASE,
)
DEPARTMENT_WORDS = re.compile(
    r"\b(department|dept\.?|team|division|group|unit|office|practice|abteilung|bereich|service|équipe|"
    r"direction|departamento)\b|&|\band\b",
    re.IGNORECASE,
)
NICKNAME = re.compile(r"\s[\"“”'‘’(][A-Za-zÀ-ÖØ-öø-ÿ.-]+[\"“”'‘’)](?=\s)")
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "dos", "das", "bin"}
PARTICLES |= {"binti", "al", "el", "ter", "ten", "y", "e", "zu", "st.", "mac", "ibn"}
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*$")
FIELD_LABEL = re.compile(r"^([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ &/.-]{0,38}?)\s*:\s*(\S.*)$")
NAME_LABELS = {"name", "full name", "contact", "contact person", "attn", "attention", "nom", "nombre"}
NAME_LABELS |= {"ansprechpartner", "ansprechpartnerin", "interviewer", "your interviewer", "met", "who"}
TITLE_LABELS = {"title", "job title", "position", "role", "poste", "fonction", "funktion", "cargo", "designation"}
COMPANY_LABELS = {"company", "organisation", "organization", "org", "employer", "firm", "firma", "unternehmen"}
COMPANY_LABELS |= {"société", "entreprise", "empresa", "agency"}
ADDRESS_LABELS = {"address", "addr", "adresse", "anschrift", "dirección", "office address", "mailing address"}


@dataclass
class Part:
    """A piece of a line that may be the name, the title or the company; `line` groups a line's pieces."""

    text: str
    line: int
    tail: bool = False  # the part after a title's comma: a department, unless no company line exists


def labelled(line: str) -> tuple[str, str]:
    """("name" | "title" | "company" | "address" | the title in "Recruiter: Maria Lopez", the value)
    for a labelled line; ("", line) for any other."""
    found = FIELD_LABEL.match(line)
    if not found:
        return "", line
    label, value = found.group(1).strip().casefold(), found.group(2).strip()
    for kind, labels in (("name", NAME_LABELS), ("title", TITLE_LABELS), ("company", COMPANY_LABELS)):
        if label in labels:
            return kind, value
    if label in ADDRESS_LABELS:
        return "address", value
    if TITLE_WORDS.search(label) and looks_like_name(value):
        return found.group(1).strip(), value
    return "", line


def _name_words(line: str) -> list[str]:
    core = HONORIFIC.sub("", POSTNOMINAL.sub("", line).strip(" ,"))
    return NICKNAME.sub("", f" {core} ").split()


def looks_like_name(line: str) -> bool:
    """Two to five capitalised words (particles aside), with no company or title word."""
    words = _name_words(line)
    if not 2 <= len(words) <= 5 or COMPANY_WORDS.search(line) or TITLE_WORDS.search(line):
        return False
    named = [w for w in words if w.casefold() not in PARTICLES]
    return len(named) >= 2 and all(NAME_WORD.match(w) for w in named) and not all(len(w) <= 2 for w in named)


def clean_name(line: str) -> str:
    """The name as the card has it, without honorifics or degrees; all capitals re-cased."""
    name = " ".join(HONORIFIC.sub("", POSTNOMINAL.sub("", line).strip(" ,")).split())
    letters = [ch for ch in name if ch.isalpha()]
    return recased(name) if letters and all(ch.isupper() for ch in letters) else name


def recased(name: str) -> str:
    """ "SEAN MCDONALD" -> "Sean McDonald", "ANA DE LA CRUZ" -> "Ana de la Cruz", word by word, so that
    a quoted nickname stays where the card has it."""
    from nameparser import HumanName  # 45 ms, only for a name in capitals

    parsed = HumanName(name)
    parsed.capitalize(force=True)
    pieces = {p.casefold(): p for piece in parsed.as_dict().values() if piece for p in str(piece).split()}
    words = []
    for word in name.split():
        bare = word.strip("\"“”'‘’()")
        better = pieces.get(bare.casefold()) or "-".join(w.capitalize() for w in bare.split("-"))
        words.append(word.replace(bare, better))
    return " ".join(words)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def split_parts(lines: list[tuple[str, int]], company_elsewhere: bool) -> list[Part]:
    """ "Jane Doe, Head of Sales", "Head of Data at Acme", "Ana Silva - Recruiter": the parts of each line.
    A comma after a title keeps the rest in the title ("Vice President, Talent") unless it is surely a
    company, or a company-like word with no other company line."""
    parts: list[Part] = []
    for text, number in lines:
        at = re.match(r"^(.+?)\s+(?:at|@|chez|bei|en)\s+(.+)$", text)
        if at and TITLE_WORDS.search(at.group(1)):
            parts += [Part(at.group(1), number), Part(at.group(2), number)]
            continue
        parts += [Part(p, number, tail) for p, tail in _split_line(text, company_elsewhere)]
    return parts


def _split_line(text: str, company_elsewhere: bool) -> list[tuple[str, bool]]:
    for separator in (" – ", " — ", " - ", ", "):
        pieces = [p.strip() for p in text.split(separator) if p.strip()]
        if len(pieces) < 2:
            continue
        if separator == ", ":
            if POSTNOMINAL.search(text) or COMPANY_SUFFIX.fullmatch(pieces[-1]):
                return [(text, False)]  # "Jane Doe, PhD", "Acme, Inc."
            if looks_like_name(pieces[0]):
                return [(pieces[0], False), (", ".join(pieces[1:]), False)]
            rest = ", ".join(pieces[1:])
            if TITLE_WORDS.search(pieces[0]) and not COMPANY_SUFFIX.search(rest):
                if COMPANY_WORDS.search(rest) and not TITLE_WORDS.search(rest) and not company_elsewhere:
                    return [(pieces[0], False), (rest, True)]  # "Director, Bluefin Robotics": no other company
                return [(text, False)]
            return [(pieces[0], False), (rest, False)] if COMPANY_SUFFIX.search(rest) else [(text, False)]
        if not any(looks_like_name(p) or COMPANY_WORDS.search(p) for p in pieces):
            continue  # "Senior Manager - Talent Acquisition" is one title
        return [(p, False) for p in pieces]
    return [(text, False)]


def is_company_line(text: str, domain: str) -> bool:
    """A line that is surely a company: a legal form, or the email's domain in its letters."""
    squashed = re.sub(r"[^a-z0-9]", "", _ascii(text))
    return bool(COMPANY_SUFFIX.search(text) or (domain and len(domain) >= 3 and squashed.startswith(domain)))


def _departmental(text: str) -> bool:
    return bool(DEPARTMENT_WORDS.search(text) or COMPANY_WORDS.search(text) or TITLE_WORDS.search(text))


def _name_score(part: Part, local: str) -> int:
    """Names whose words are in the email's local part first ("ana.silva@" is Ana Silva's)."""
    return sum(1 for w in _name_words(part.text) if len(w) > 1 and _ascii(w.strip(".")) in local)


def people(lines: list[tuple[str, int]], found: dict[str, str], forced: dict[str, str]) -> None:
    """Name, title and company from the lines nothing else claimed, into `found`."""
    email = found.get("email", "")
    local, _, host = email.partition("@")
    domain = host.split(".")[0].casefold() if host else ""
    company_elsewhere = "company" in forced or any(
        is_company_line(t, domain) or (COMPANY_WORDS.search(t) and not TITLE_WORDS.search(t)) for t, _ in lines
    )
    parts = split_parts(lines, company_elsewhere)
    found.update(forced)
    names = [p for p in parts if looks_like_name(p.text) and not is_company_line(p.text, domain)]
    if "name" not in found and names:
        best = max(names, key=lambda p: _name_score(p, _ascii(local)))
        found["name"] = clean_name(best.text)
        parts.remove(best)
    if "company" not in found:
        sure = [p for p in parts if is_company_line(p.text, domain) and not p.tail]
        likely = [p for p in parts if COMPANY_WORDS.search(p.text) and not TITLE_WORDS.search(p.text)]
        if sure or likely:
            chosen = (sure or likely)[0]
            found["company"] = chosen.text
            parts.remove(chosen)
    title_at = -1
    for index, part in enumerate(parts):
        if TITLE_WORDS.search(part.text) and not is_company_line(part.text, domain):
            found.setdefault("title", part.text)
            title_at = index
            break
    unclaimed = [p for i, p in enumerate(parts) if i != title_at and not looks_like_name(p.text)]
    if "company" not in found and len(unclaimed) == 1 and domain and domain[:4] in _ascii(unclaimed[0].text):
        found["company"] = unclaimed[0].text  # a company without a tell-tale word, named like the email's domain
        return
    # A department on the title's line, or on the line right under it: "Senior Analyst | Data & Insights".
    if title_at >= 0 and "title" not in forced and title_at + 1 < len(parts):
        title, after = parts[title_at], parts[title_at + 1]
        departmental = after.line == title.line or (after.line == title.line + 1 and _departmental(after.text))
        plain = not COMPANY_SUFFIX.search(after.text)  # the name is found: "Risk Modeling" is no second name
        if departmental and plain and found.get("company") and found.get("name"):
            found["title"] = f"{found['title']}, {after.text}"
