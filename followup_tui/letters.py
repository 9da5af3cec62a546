"""Letters laid out for the post, and the files a draft becomes: .txt, .pdf, .eml."""

from __future__ import annotations

import re
from datetime import date
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime

from followup_tui.profile import Profile

CLOSING = "Yours sincerely,"


def layout(profile: Profile, name: str, title: str, company: str, address: str, today: date, body: str) -> str:
    """A business letter: sender block, date, recipient block, the body (salutation included), closing."""
    sender = [profile.name, *profile.address.split("\n"), profile.phone, profile.email]
    recipient = [name, title, company, *address.split("\n")]
    date_line = f"{today.day} {today.strftime('%B %Y')}"
    signature = profile.signature or profile.name or "{my_name}"
    parts = [
        "\n".join(line for line in sender if line.strip()) or "{my_name}\n{my_address}",
        date_line,
        "\n".join(line for line in recipient if line.strip()),
        body.strip(),
        f"{CLOSING}\n\n\n{signature}",
    ]
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


def eml_text(profile: Profile, to_name: str, to_email: str, subject: str, body: str, now: datetime) -> str:
    """An .eml file a mail client opens as a ready-to-send message."""
    message = EmailMessage()
    message["From"] = f"{profile.name} <{profile.email}>" if profile.email else profile.name
    message["To"] = f"{to_name} <{to_email}>" if to_email else to_name
    message["Subject"] = subject
    message["Date"] = format_datetime(now.astimezone())
    message["X-Unsent"] = "1"  # Outlook and Apple Mail open it as a draft
    message.set_content(body)
    return message.as_string()
