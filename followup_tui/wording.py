"""How actions and statuses read, in the app and in the shell."""

from __future__ import annotations

from followup_tui.kinds import Kind, Status

ENCOURAGEMENT = (
    "Not this one, and that's okay: there is a better job waiting, and they have missed "
    "out on hiring the best person for it. Dust yourself off and keep looking."
)


def action_label(kind: Kind, person: str = "", title: str = "", seq: int = 0) -> str:
    """The checklist wording of an action."""
    who = person or "the lead interviewer"
    match kind:
        case Kind.CARD:
            return f"Get {person}'s business card" if person else "Get their business card"
        case Kind.THANK_YOU_EMAIL:
            return f"Send a thank-you email to {who}"
        case Kind.THANK_YOU_LETTER:
            return f"Send a thank-you letter to {who}"
        case Kind.REFERENCES:
            # `person` is who to alert: the profile's references still to tell (store.lite).
            return f"Alert your references: {person or 'they may get a call'}"
        case Kind.CALL:
            return f"Call {who} to follow up (voicemail counts)"
        case Kind.LETTER:
            return f"Post {who} a letter: your strongest points"
        case Kind.WEEKLY_EMAIL:
            return f"Weekly follow-up #{seq}: email {who}"
        case Kind.WEEKLY_LETTER:
            return f"Weekly follow-up #{seq}: post {who} a letter"
        case Kind.WEEKLY_CALL:
            return f"Weekly follow-up #{seq}: call {who}"
        case Kind.DECISION:
            return f"No word yet? Follow up with {who}"
        case Kind.NEXT_STEP:
            return f"Heard about the next step? Follow up with {who}"
        case _:
            return title or "Custom action"


WAY_TO_REACH = "a way to reach them"


def card_gaps(name: str, title: str, email: str, phone: str, address: str) -> tuple[str, ...]:
    """What a business card still lacks, as the method asks of one ("name, title, email, phone number
    and mailing address"): a name, a title and a way to reach the person (an email, a phone or mobile,
    or a mailing address). Empty once the card is complete: then its item ticks itself."""
    gaps = [what for what, value in (("name", name), ("title", title)) if not value.strip()]
    if not (email.strip() or phone.strip() or address.strip()):
        gaps.append(WAY_TO_REACH)
    return tuple(gaps)


def missing_detail(
    kind: Kind, email: str, phone: str, address: str, has_person: bool, name: str = "", title: str = ""
) -> str:
    """What is missing to do the action, e.g. "no mailing address on file", or for a business card
    what it still lacks, e.g. "title, a way to reach them missing"."""
    if kind is Kind.CARD and has_person:
        gaps = card_gaps(name, title, email, phone, address)
        return f"{', '.join(gaps)} missing" if gaps else ""
    if kind is Kind.REFERENCES:
        return "" if has_person else NO_REFERENCES
    if kind in (Kind.CARD, Kind.CUSTOM):
        return ""
    if not has_person:
        return "no interviewer on file"
    if kind in (Kind.THANK_YOU_LETTER, Kind.LETTER, Kind.WEEKLY_LETTER) and not address:
        return "no mailing address on file"
    if kind in (Kind.THANK_YOU_EMAIL, Kind.WEEKLY_EMAIL) and not email:
        return "no email on file"
    if kind in (Kind.CALL, Kind.WEEKLY_CALL) and not phone:
        return "no phone on file"
    return ""


# The lines an action's note gets, each with its date ("No answer, Tue 24 Nov"): written by
# store.commands, read back by the drafts, the review and the stats.
DROPPED_NOTE = "Dropped"  # a dropped letter ("Dropped, Wed 25 Nov: she asked for email only")
NO_ANSWER_NOTE = "No answer"  # each unanswered try of a call
REACHED_NOTE = "Reached them"
VOICEMAIL_NOTE = "Left a voicemail"
NO_REFERENCES = "add your references to your profile (p)"


def no_address_question(person: str) -> str:
    """Asked before a letter to someone with no mailing address on file is marked posted."""
    who = person or "this person"
    return f"There is no mailing address on file for {who}. Was the letter posted anyway?"


def status_note(status: Status) -> str:
    """A line shown when an interview moves to `status`, or ""."""
    if status in (Status.REJECTED, Status.FILLED):
        return ENCOURAGEMENT
    if status is Status.OFFER:
        return "An offer! Open follow-ups are paused; keep your other searches going until you accept."
    return ""
