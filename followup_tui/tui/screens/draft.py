"""Write one follow-up: a draft from the template, checked as you type, then sent and kept."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TextArea

from followup_tui import clock
from followup_tui.files import write_private
from followup_tui.kinds import State
from followup_tui.store import writing_notes
from followup_tui.store.errors import StoreError
from followup_tui.text import clean, title_part
from followup_tui.tui.mailing import Email, save_eml, send_email
from followup_tui.tui.screens.compare import CompareScreen
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.suggest import SuggestScreen
from followup_tui.tui.widgets.draft_editor import DraftEditor
from followup_tui.tui.widgets.footer import KeyFooter
from followup_tui.writing.checks import all_problems
from followup_tui.writing.drafts import EMAIL_DRAFTS, LETTER_DRAFTS, email_parts, fill_in, render
from followup_tui.writing.letters import file_stem, layout, pdf_bytes, redate


class DraftScreen(Screen[bool]):
    """The draft for one action; dismisses True when it was marked sent."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        # The editor owns ctrl+d/k/y (delete, kill line, redo): these keys avoid them.
        Binding("ctrl+t", "send", "Sent", tooltip="Mark sent: ticks the item and keeps the text"),
        Binding("ctrl+l", "suggest", "Spelling", tooltip="Suggestions for the misspelled word at the cursor"),
        Binding("ctrl+b", "compare", "Compare", tooltip="Side by side with the most similar note to a colleague"),
        Binding("ctrl+g", "mail", "Mail", tooltip="Send this text from your mail program (or save it as .eml)"),
        Binding("f2", "copy", "Copy", tooltip="Copy the whole note to the clipboard"),
        Binding("ctrl+o", "write_files", "Files", tooltip="Write the letter (.txt and .pdf) or the email (.eml)"),
        Binding(
            "ctrl+e", "editor", "Editor", priority=True, tooltip="Edit in your $EDITOR (End still goes to the line end)"
        ),
        Binding("ctrl+r", "reset", "Template", tooltip="Start again from the template"),
        Binding("escape", "close", "Close", tooltip="Close, keeping the draft"),
    ]
    FOOTER_FIRST = ("save", "send", "close", "suggest", "mail")  # when not every key fits

    def __init__(self, action_id: int, letters_dir: Path) -> None:
        super().__init__()
        self.action_id = action_id
        self.letters_dir = letters_dir
        self.data = writing_notes.draft_data(action_id)
        self.problems: list[str] = []
        self.filled: list[str] = []  # placeholders of the saved draft filled in on opening

    @property
    def sent(self) -> bool:
        return self.data.state is State.DONE and bool(self.data.sent_text)

    def _initial_text(self) -> str:
        if not self.data.draft:
            return self._from_template()
        if self.sent:
            return self.data.draft  # what went out stays as it went
        # Not sent yet: what was missing when it was drafted (the profile, a topic) comes in now.
        text, self.filled = fill_in(self.data.draft, self.data.context.values(clock.today()))
        return self._dated(text)

    def _dated(self, text: str) -> str:
        """A letter carries the day it is sent, not the day it was drafted."""
        return redate(text, clock.today()) if self.data.context.kind in LETTER_DRAFTS else text

    def _outgoing(self) -> str:
        """The editor's text as it goes out today (a letter's date moved to today, shown in the editor too)."""
        text = self._dated(self.editor.text)
        if text != self.editor.text:
            self.editor.replace(text, self.editor.document.start, self.editor.document.end)
        return text

    def _from_template(self) -> str:
        ctx = self.data.context
        body = render(self.data.template, ctx.values(clock.today()))
        if ctx.kind in LETTER_DRAFTS:
            return layout(ctx.profile, ctx.name, ctx.title, ctx.company, ctx.address, clock.today(), body)
        return body

    def compose(self) -> ComposeResult:
        ctx = self.data.context
        medium = "email" if ctx.kind in EMAIL_DRAFTS else "letter by post"
        heading = Content.assemble(
            (medium.capitalize(), "bold $accent"),
            " to ",
            (title_part(ctx.name) or "the lead interviewer", "bold"),
            f" · {title_part(ctx.company)}",
            f" · {title_part(ctx.role)}" if ctx.role else "",
        )
        if self.data.state is State.DONE and self.data.sent_text:
            heading += Content.assemble(("   already sent; marking again updates the kept text", "$text-muted"))
        with Vertical(id="draft-box"):
            yield Static(heading, id="draft-heading")
            yield DraftEditor(self._initial_text(), self.data.known_words, id="draft-editor")
            yield Static(id="draft-problems")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#draft-editor").border_title = "Draft"
        self.query_one(DraftEditor).focus()
        self._check()
        if self.filled:
            self.notify(f"Filled in from your profile and the card: {', '.join(self.filled)}.", markup=False)

    @property
    def editor(self) -> DraftEditor:
        return self.query_one(DraftEditor)

    @on(TextArea.Changed, "#draft-editor")
    def _check(self) -> None:
        ctx = self.data.context
        self.problems = all_problems(
            self.editor.text,
            ctx.kind,
            ctx.topic,
            ctx.preferred,
            ctx.email,
            ctx.address,
            self.editor.known_words,
            self.data.others,
            self.data.threshold,
            name=ctx.name,
            title=ctx.title,
            company=ctx.company,
            colleagues=self.data.colleagues,
        )
        panel = self.query_one("#draft-problems", Static)
        if self.problems:
            parts: list = []
            for problem in self.problems:
                parts.extend([("! ", "$warning bold"), (problem, "$warning"), "\n"])
            panel.update(Content.assemble(*parts[:-1]))
        else:
            panel.update(
                Content.assemble(("✓ No problems found: spelling, topic, variation and medium checked.", "$success"))
            )

    def action_save(self) -> None:
        """Keep the draft with its action."""
        try:
            writing_notes.save_draft(self.action_id, self.editor.text)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify("Draft saved.")

    def action_close(self) -> None:
        """Close, keeping the draft."""
        try:
            writing_notes.save_draft(self.action_id, self.editor.text)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
        self.dismiss(False)

    def action_send(self) -> None:
        """Mark sent (ticks the item, keeps the text); asks first when a check still complains."""

        def go(yes: bool | None) -> None:
            if not yes:
                return
            try:
                writing_notes.mark_sent(self.action_id, self._outgoing(), clock.today())
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify("Marked sent; the text is kept on the person's history.")
            self.dismiss(True)

        if not self.problems:
            go(True)
            return
        question = Content.assemble(
            ("Mark sent anyway?\n\n", "bold"), *[part for p in self.problems for part in (("• " + p), "\n")]
        )
        self.app.push_screen(ConfirmScreen(question, confirm_label="Mark sent"), go)

    def action_suggest(self) -> None:
        """Offer corrections for the misspelled word at the cursor."""
        word = self.editor.word_at_cursor()
        if word is None:
            self.notify("No misspelled words.")
            return

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            if answer == SuggestScreen.ADD:
                try:
                    writing_notes.add_word(word.word)
                except StoreError as error:
                    self.notify(str(error), severity="error", markup=False)
                    return
                self.editor.relearn(word.word)
                self._check()
                self.notify(f"“{word.word}” added to your word list.", markup=False)
            else:
                self.editor.replace_word(word, answer)

        self.app.push_screen(SuggestScreen(word.word), chosen)

    def action_compare(self) -> None:
        """Show this note beside the most similar note to a colleague."""
        if not self.data.others:
            self.notify("No other thank-you for this interview to compare with yet.")
            return
        from followup_tui.writing.checks import similarity

        who, other = max(self.data.others, key=lambda pair: similarity(self.editor.text, pair[1]))
        self.app.push_screen(CompareScreen(self.data.context.name, self.editor.text, who, other))

    def action_mail(self) -> None:
        """Send the text as it stands from the mail program; with none, offer an .eml file or the clipboard."""
        ctx = self.data.context
        if ctx.kind not in EMAIL_DRAFTS or not ctx.email:
            self.notify("This is not an email, or there is no email address for this person.", severity="warning")
            return
        send_email(self.app, ctx, self.editor.text, self.letters_dir)

    def action_copy(self) -> None:
        """Copy the note."""
        self.app.copy_to_clipboard(self.editor.text)
        self.notify("Copied the note to the clipboard.")

    def action_write_files(self) -> None:
        """Write the letter as .txt and .pdf, or the email as .eml, into the letters folder."""
        ctx = self.data.context
        if ctx.kind in EMAIL_DRAFTS:
            save_eml(self.app, Email(ctx, *email_parts(ctx.kind, ctx.role, self.editor.text)), self.letters_dir)
            return
        letter = self._outgoing()
        stem = file_stem(ctx.name or "letter", ctx.company, clock.today())
        try:
            self.letters_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            text_file = self.letters_dir / f"{stem}.txt"
            write_private(text_file, letter)
            data, replaced = pdf_bytes(letter)
            pdf_file = self.letters_dir / f"{stem}.pdf"
            pdf_file.write_bytes(data)
            pdf_file.chmod(0o600)
        except OSError as error:
            self.notify(f"Cannot write into {self.letters_dir}: {error.strerror}", severity="error", markup=False)
            return
        note = " (characters outside Latin-1 became ? in the PDF; the .txt keeps them)" if replaced else ""
        self.notify(f"Letter ready to print: {pdf_file}\nand {text_file.name}{note}", markup=False, timeout=12)

    def action_editor(self) -> None:
        """Edit the draft in $EDITOR (the app suspends, then resumes with the edited text)."""
        import shlex
        import subprocess
        import tempfile

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.NamedTemporaryFile("w+", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write(self.editor.text)
            path = Path(handle.name)
        try:
            with self.app.suspend():
                result = subprocess.run([*shlex.split(editor), str(path)])
            if result.returncode == 0:
                self.editor.text = clean(path.read_text(encoding="utf-8", errors="replace"))
            else:
                self.notify(
                    f"{editor} exited with {result.returncode}; the draft is unchanged.",
                    severity="warning",
                    markup=False,
                )
        except (OSError, ValueError) as error:
            self.notify(f"Could not run {editor}: {error}", severity="error", markup=False)
        except SuspendNotSupported:  # e.g. under textual serve: there is no terminal to hand over
            self.notify("This terminal cannot hand over to another editor; edit the draft here.", severity="warning")
        finally:
            path.unlink(missing_ok=True)

    def action_reset(self) -> None:
        """Replace the draft with a fresh one from the template (ctrl+z undoes)."""
        self.editor.replace(self._from_template(), self.editor.document.start, self.editor.document.end)
