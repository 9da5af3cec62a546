"""Capture or edit an interviewer's business card; a pasted card fills the fields as you type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from followup_tui import contact, validate
from followup_tui.capture.card_places import country_in
from followup_tui.capture.card_text import CardTooLong, parse_card
from followup_tui.capture.photo import PhotoCard, PhotoError, read_photo, support_missing, warm_up
from followup_tui.contact import PERSON_FIELDS, TYPED_CARD_FIELDS, CardFields, Entry, PersonInput
from followup_tui.kinds import Medium
from followup_tui.tui.screens.form import FormScreen, Invalid, Valid, all_valid


class PersonForm(FormScreen[PersonInput]):
    """Paste card, then name, title, company, email, phones, web, address, medium, topic, lead, notes."""

    BINDINGS = [Binding("ctrl+o", "read_photo", "Read a photo…", tooltip="Fill the card from a photo or its QR code")]

    def __init__(
        self,
        current: PersonInput | None = None,
        *,
        company: str = "",
        region: str = "US",
        title: str | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.company = company
        self.phone_region = region
        self.TITLE_TEXT = title or ("Edit card" if current else "Capture a business card")
        self._autofilled: dict[str, str] = {}
        self._photo: PhotoCard | None = None  # the last photo read: its fields stand while its text is in the box
        self.photo_folder = Path.home()

    def compose_fields(self) -> ComposeResult:
        shown = self.current or PersonInput(company=self.company)
        yield from self.area("Paste card", "paste", "")
        for name in PERSON_FIELDS:
            about, value = contact.about(name), getattr(shown, name)
            label = about.form_label or about.label
            if about.entry is Entry.DERIVED:
                continue
            if about.entry is Entry.TEXT:
                yield from self.area(label, name, value)
            elif about.entry is Entry.CHOICE:
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label")
                    yield Select([(m.label, m) for m in Medium], value=value, allow_blank=False, id=name, compact=True)
            elif about.entry is Entry.FLAG:
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label")
                    yield Checkbox(about.hint, value, id=name, compact=True)
            else:
                hint = f"region {self.phone_region}, or +country code" if about.entry is Entry.PHONE else about.hint
                yield from self.field(label, name, value, hint)

    def on_mount(self) -> None:
        self.say(
            "paste", "Paste or type the card as it stands, or ctrl+o to read a photo; the fields below fill themselves."
        )
        if self.current is None:
            self.query_one("#paste", TextArea).focus()

    @on(TextArea.Changed, "#paste")
    def _pasted(self) -> None:
        photo = self._photo
        if photo is not None and self.value("paste") == photo.text:
            card = photo.fields  # a QR code's fields are exact: the text shown is not parsed again
        else:
            try:
                card = parse_card(self.value("paste"), self.phone_region)
            except CardTooLong as problem:
                self.say("paste", str(problem), error=True)
                return
        self.fill(card)
        found = [name for name in TYPED_CARD_FIELDS if getattr(card, name)]
        source = f"From the card's QR code ({photo.code})" if photo and photo.code and card is photo.fields else "Found"
        self.say(
            "paste", f"{source}: {', '.join(found)}. Check them, then ctrl+s." if found else "Nothing recognised yet."
        )

    def action_read_photo(self) -> None:
        """Ask for a photo of the card, then read it off the UI thread."""
        if missing := support_missing():
            self.say("paste", missing, error=True)
            return
        from followup_tui.tui.screens.photo_file import PhotoFileForm

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.photo_folder = path.parent
                self.query_one("#paste", TextArea).loading = True
                self.say("paste", f"Reading {path.name}…")
                self._read_photo(path)

        self.app.push_screen(PhotoFileForm(self.photo_folder), chosen)
        self.run_worker(warm_up, thread=True, group="photo-models")  # the models load while a photo is picked

    @work(thread=True, exclusive=True, group="photo")
    def _read_photo(self, path: Path) -> None:
        """Recognition takes a second or two (more the first time): never on the UI thread."""
        try:
            photo = read_photo(path, self.phone_region, lambda step: self.app.call_from_thread(self._step, path, step))
        except PhotoError as problem:
            self.app.call_from_thread(self._photo_failed, str(problem))
            return
        self.app.call_from_thread(self._photo_read, photo)

    def _step(self, path: Path, step: str) -> None:
        self.say("paste", f"Reading {path.name}: {step}…")

    def _photo_failed(self, problem: str) -> None:
        self.query_one("#paste", TextArea).loading = False
        self.say("paste", problem, error=True)

    def _photo_read(self, photo: PhotoCard) -> None:
        """The recognised text into the paste box (for the user to check the fields against), the fields filled."""
        paste = self.query_one("#paste", TextArea)
        paste.loading = False
        self._photo = photo
        paste.text = photo.text
        self._pasted()  # now, not when the Changed event comes: the same text twice sends none

    def fill(self, card: CardFields) -> None:
        """Put card values into the fields the user has not typed in (or that a paste filled before)."""
        for name in TYPED_CARD_FIELDS:
            value = getattr(card, name)
            widget = self.query_one(f"#{name}")
            current = self.value(name)
            by_hand = current and current != self._autofilled.get(name)
            if by_hand and not (name == "company" and current == self.company):
                continue  # typed by hand: never overwritten
            if not value and name not in self._autofilled:
                continue
            if isinstance(widget, TextArea):
                widget.text = value
            else:
                self.query_one(f"#{name}", Input).value = value
            self._autofilled[name] = value

    def collect(self) -> PersonInput | None:
        values: dict[str, object] = {}
        checked: list[Valid[object] | Invalid] = []
        for name in PERSON_FIELDS:
            entry = contact.about(name).entry
            if entry is Entry.CHOICE:
                values[name] = self.choice(name, Medium)
            elif entry is Entry.FLAG:
                values[name] = self.query_one(f"#{name}", Checkbox).value
            elif entry is not Entry.DERIVED:
                result = self.check(name, self._checker(name))
                checked.append(result)
                if isinstance(result, Invalid):
                    continue
                if entry is Entry.PHONE and isinstance(result.value, validate.Phone):
                    values[name], values[f"{name}_e164"] = result.value.typed, result.value.e164
                else:
                    values[name] = result.value
        if not all_valid(*checked):
            return None
        return PersonInput(**values)  # type: ignore[arg-type]  # keys and types from PERSON_FIELDS' About

    def card_region(self) -> str:
        """The card's own country when its address names one (a London card's 020 number is British),
        else the default region: the same rule the parser reads a pasted card's numbers by."""
        return country_in(self.value("address")) or self.phone_region

    def _checker(self, name: str) -> Callable[[str], object]:
        return lambda v: validate.card_field(name, v, self.card_region())
