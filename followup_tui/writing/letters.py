"""Letters laid out for the post, and the files a draft becomes: .txt, .pdf, .eml."""

from __future__ import annotations

import re
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from followup_tui.dates import MONTHS
from followup_tui.writing.profile import Profile

CLOSING = "Yours sincerely,"
# A line that closes a letter, "Best regards," or "Yours sincerely,": a signature or a body that already
# has one must not get a second. Thanks count only with the comma ("Thank you." ends a sentence).
CLOSING_LINE = re.compile(
    r"((yours( very)?( sincerely| faithfully| truly)?|(very )?(sincerely|truly|faithfully|respectfully)( yours)?"
    r"|(with )?(best|kind|kindest|warm|warmest) (regards|wishes)|regards|best|cheers|cordially|all the best)[,.!]?)"
    r"|((many thanks|thanks( again)?|thank you( again)?|with (thanks|gratitude|appreciation)),)",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"^\d{1,2} (" + "|".join(m.title() for m in MONTHS) + r") \d{4}$", re.MULTILINE)


def date_line(day: date) -> str:
    """A letter's date, "25 November 2026" (the same in every locale)."""
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"


def redate(text: str, day: date) -> str:
    """The letter dated `day`: a letter's date is the day it goes out, not the day it was drafted."""
    return DATE_LINE.sub(date_line(day), text, count=1)


def has_closing(text: str) -> bool:
    """Whether one of the last lines of `text` closes a letter."""
    tail = [line.strip() for line in text.strip().split("\n") if line.strip()][-3:]
    return any(CLOSING_LINE.fullmatch(line) for line in tail)


def layout(profile: Profile, name: str, title: str, company: str, address: str, today: date, body: str) -> str:
    """A business letter: sender block, date, recipient block, the body (salutation included), one closing."""
    sender = [profile.name, *profile.address.split("\n"), profile.phone, profile.email]
    recipient = [name, title, company, *address.split("\n")]
    signature = (profile.signature or profile.name or "{my_name}").strip()
    parts = [
        "\n".join(line for line in sender if line.strip()) or "{my_name}\n{my_address}",
        date_line(today),
        "\n".join(line for line in recipient if line.strip()),
        body.strip(),
    ]
    if not has_closing(body):
        first = signature.split("\n", 1)[0].strip()
        # A signature that brings its own closing ("Best regards,\nSam") is used as the user wrote it.
        parts.append(signature if CLOSING_LINE.fullmatch(first) else f"{CLOSING}\n\n\n{signature}")
    return "\n\n".join(parts) + "\n"


def file_stem(name: str, company: str, today: date) -> str:
    """A safe file name: 2026-11-25 Priya Raman - Northwind Analytics."""
    raw = f"{today.isoformat()} {name} - {company}".strip(" -")
    return re.sub(r"[^\w .,&'-]+", "_", raw)[:120]


def pdf_bytes(text: str) -> tuple[bytes, bool]:
    """The letter as a printable A4/Letter-safe PDF, and whether characters had to be replaced.

    The PDF core fonts cover Latin-1; other characters become "?" (the .txt beside it keeps them).
    """
    from fpdf import FPDF

    safe = text.encode("latin-1", "replace").decode("latin-1")
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in safe.split("\n"):
        if paragraph:
            pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5.5)
    return bytes(pdf.output()), safe != text


def _mailbox(name: str, address: str) -> Address | str:
    # Address quotes a name such as "O'Brien, Jr." that would otherwise read as two recipients.
    if not address:
        return name.replace("\n", " ")
    user, _, domain = address.partition("@")
    return Address(display_name=name.replace("\n", " "), username=user, domain=domain)


def eml_text(profile: Profile, to_name: str, to_email: str, subject: str, body: str, now: datetime) -> str:
    """An .eml file (RFC 5322, CRLF line ends) a mail client opens as a ready-to-send message."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _mailbox(profile.name, profile.email)
    message["To"] = _mailbox(to_name, to_email)
    message["Subject"] = subject.replace("\n", " ")
    message["Date"] = format_datetime(now.astimezone())
    message["X-Unsent"] = "1"  # Outlook and Apple Mail open it as a draft
    message.set_content(body, cte="quoted-printable")  # readable in the file, safe on any mail path
    return message.as_string()


def mailto_link(address: str, subject: str, body: str) -> str:
    """A mailto: link with subject and body (RFC 6068: every reserved character percent-encoded)."""
    from urllib.parse import quote

    return f"mailto:{quote(address)}?subject={quote(subject, safe='')}&body={quote(body.rstrip(), safe='')}"
