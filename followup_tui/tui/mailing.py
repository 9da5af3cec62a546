"""Sending a draft by email from the app: through the mail program, else as an .eml file or the clipboard."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.content import Content

from followup_tui import clock
from followup_tui.files import write_private
from followup_tui.text import clean_line
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.mail_fallback import COPY, EML, MailFallbackScreen
from followup_tui.writing.drafts import DraftContext, email_parts, unfilled
from followup_tui.writing.letters import eml_text, file_stem, mailto_link


@dataclass(frozen=True)
class Email:
    """One email ready to go: who it is for, the subject and the body (signature included)."""

    context: DraftContext
    subject: str
    body: str

    @property
    def link(self) -> str:
        return mailto_link(self.context.email, self.subject, self.body)


def send_email(app: App, context: DraftContext, text: str, letters_dir: Path) -> None:
    """Hand the email written in `text` to the mail program; asks first while a placeholder is unfilled."""
    subject, body = email_parts(context.kind, context.role, text)
    email = Email(context, subject, body)
    left = unfilled(f"{subject}\n{body}")
    if not left:
        _hand_off(app, email, letters_dir)
        return
    question = Content.assemble(
        ("Mail it anyway?\n\n", "bold"), f"Not filled in yet: {', '.join(left)}. w opens the draft to finish it."
    )
    app.push_screen(
        ConfirmScreen(question, confirm_label="Mail"), lambda yes: _hand_off(app, email, letters_dir) if yes else None
    )


def _hand_off(app: App, email: Email, letters_dir: Path) -> None:
    def work() -> None:
        from followup_tui import mail_client

        try:
            taken = mail_client.open_mailto(email.link)
        except Exception:  # noqa: BLE001  # whatever went wrong, the user still gets the other two ways
            taken = False
        app.call_from_thread(_handed, app, email, letters_dir, taken)

    app.run_worker(work, thread=True, group="mail", description="handing the email to your mail program")


def _handed(app: App, email: Email, letters_dir: Path, taken: bool) -> None:
    if taken:
        app.notify("Opened in your mail program: send it from there, then mark it sent here.")
        return

    def chosen(choice: str | None) -> None:
        if choice == EML:
            save_eml(app, email, letters_dir)
        elif choice == COPY:
            app.copy_to_clipboard(email.body)
            app.notify(
                f"Copied the email. To: {clean_line(email.context.email)}\nSubject: {clean_line(email.subject)}",
                markup=False,
                timeout=15,
            )

    app.push_screen(MailFallbackScreen(clean_line(email.context.email)), chosen)


def save_eml(app: App, email: Email, letters_dir: Path) -> Path | None:
    """Write the email as an .eml file into the letters folder and say where; None if it could not be."""
    ctx = email.context
    target = letters_dir / f"{file_stem(ctx.name or 'email', ctx.company, clock.today())}.eml"
    try:
        letters_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(target, eml_text(ctx.profile, ctx.name, ctx.email, email.subject, email.body, clock.now()))
    except OSError as error:
        app.notify(f"Cannot write into {letters_dir}: {error.strerror}", severity="error", markup=False)
        return None
    app.notify(f"Saved {target}\nOpen it with your mail program to send it.", markup=False, timeout=15)
    return target
