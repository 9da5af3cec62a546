"""Draft notes from templates with named placeholders; an empty placeholder stays visible."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from followup_tui.dates import show_date
from followup_tui.kinds import Kind
from followup_tui.writing.names import first_name
from followup_tui.writing.profile import Profile

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLACEHOLDERS = (
    "name",
    "first_name",
    "title",
    "company",
    "role",
    "interview_date",
    "topic",
    "strength",
    "strengths",
    "my_name",
    "my_email",
    "my_phone",
    "my_address",
    "signature",
    "today",
    "since_we_met",
    "thanks",
    "on_topic",
    "why_me",
    "closing",
    "interest",
    "further",
    "reference_name",
    "reference_first_name",
    "relationship",
    "who_may_call",
    "stress",
)
# Where the user fills in what a placeholder needs, for the check that names an unfilled one.
FILLED_FROM = {
    "name": "the person's card (e)",
    "first_name": "the person's card (e)",
    "title": "the person's card (e)",
    "company": "the interview (e)",
    "role": "the interview (e)",
    "topic": "the person's card (e)",
    "on_topic": "the person's card (e)",
    "strength": "your profile's strengths (p)",
    "strengths": "your profile's strengths (p)",
    "my_name": "your profile (p)",
    "my_email": "your profile (p)",
    "my_phone": "your profile (p)",
    "my_address": "your profile (p)",
    "signature": "your profile (p)",
    "reference_name": "your profile's references (p)",
    "reference_first_name": "your profile's references (p)",
    "relationship": "your profile's references (p)",
    "who_may_call": "the interview's people (c)",
    "stress": "the topics on the cards (e) or your profile's strengths (p)",
}

TEMPLATES: dict[str, tuple[str, str]] = {
    "thank_you_email": (
        "Thank-you email",
        "Subject: Thank you for the {role} interview\n\n"
        "Dear {first_name},\n\n"
        "{thanks} {on_topic}\n\n"
        "{why_me}\n\n"
        "{closing}\n\n"
        "{signature}",
    ),
    "thank_you_letter": (
        "Thank-you letter",
        "Dear {first_name},\n\n{thanks} {on_topic}\n\n{why_me}\n\n{closing}",
    ),
    "post_call_letter": (
        "Letter after the call",
        "Dear {first_name},\n\n{since_we_met} {interest}:\n\n{strengths}\n\n{further}",
    ),
    "weekly_email": (
        "Weekly check-in email",
        "Subject: Following up on the {role} position\n\n"
        "Dear {first_name},\n\n"
        "I hope your week is going well. I wanted to follow up on the {role} position at {company}; "
        "I remain very interested, and I would be happy to provide anything else you need.\n\n"
        "{signature}",
    ),
    "weekly_letter": (
        "Weekly check-in letter",
        "Dear {first_name},\n\n"
        "I hope this finds you well. I am writing to follow up on the {role} position at {company}; "
        "I remain very interested, and I would be glad to provide anything else you need.",
    ),
    # The method: "alert your references ... that they may be getting a phone call from the employer".
    "reference_heads_up": (
        "Heads-up to a reference",
        "Subject: A heads-up: {company} may call you\n\n"
        "Hi {reference_first_name},\n\n"
        "I have just interviewed for the {role} position at {company}, and I gave your name as a reference: "
        "{who_may_call} may get in touch with you in the next few weeks.\n\n"
        "If they do, what would help most is {stress}.\n\n"
        "Thank you so much for vouching for me.\n\n"
        "{signature}",
    ),
}
TEMPLATE_FOR = {
    Kind.THANK_YOU_EMAIL: "thank_you_email",
    Kind.THANK_YOU_LETTER: "thank_you_letter",
    Kind.LETTER: "post_call_letter",
    Kind.WEEKLY_EMAIL: "weekly_email",
    Kind.WEEKLY_LETTER: "weekly_letter",
    Kind.DECISION: "weekly_email",
    Kind.NEXT_STEP: "weekly_email",
}
EMAIL_DRAFTS = {Kind.THANK_YOU_EMAIL, Kind.WEEKLY_EMAIL, Kind.DECISION, Kind.NEXT_STEP}
LETTER_DRAFTS = {Kind.THANK_YOU_LETTER, Kind.LETTER, Kind.WEEKLY_LETTER}
CALL_DRAFTS = {Kind.CALL, Kind.WEEKLY_CALL}
# The follow-up call as the letter after it tells it: not made yet, or how it went.
NO_CALL, REACHED, VOICEMAIL, CALLED = "", "reached", "voicemail", "called"  # CALLED: ticked, outcome not said
EMAILED = "emailed"  # no answer by phone; followed up by email instead


# The thank-you's sentences in four wordings; interviewer n of an interview gets wording n (mod 4).
THANKS = (
    "Thank you for your time and your interest in meeting with me{when} about {role}{at}.",
    "I appreciated you taking the time{when} to talk with me, and your interest in my background for {role}.",
    "Thank you for making time for me{when}; your interest in how I would approach {role} meant a lot.",
    "Many thanks for your time{when} and for the interest you showed in my experience for {role}{at}.",
)
ON_TOPIC = (
    "I especially enjoyed our conversation about {topic}.",
    "Our discussion of {topic} has stayed with me since.",
    "I keep coming back to what you said about {topic}.",
    "Talking through {topic} with you was a highlight of the day.",
)
WHY_ME = (
    "It confirmed how well my experience fits what the team needs: {strength}.",
    "I am confident I am the right person for it: {strength}.",
    "That is exactly where I can help {team}: {strength}.",
    "It made me more certain I could contribute from day one: {strength}.",
)
CLOSING = (
    "Please let me know if there is anything else I can send you.",
    "I look forward to hearing about the next steps.",
    "If any questions come up, I would be glad to answer them.",
    "Thank you again; I hope we speak soon.",
)

# The letter's sentences, likewise: the lead's letter follows the call, the others' the interview alone,
# and each person's letter is worded by their place in the interview, its strengths in another order.
SINCE_WE_MET = (
    "Thank you again for your time at {interview}.",
    "Thank you once more for meeting with me at {interview}.",
    "I am grateful for the time you gave me at {interview}.",
    "Thank you again for the conversation at {interview}.",
)
INTEREST = (
    "I remain very interested in the {role} position at {company}, and I would like to summarise what I would bring",
    "I am still very keen on the {role} position at {company}; in brief, here is what I would bring",
    "My interest in the {role} position at {company} has only grown, and I would like to set out what I would bring",
    "I wanted to say in writing how much the {role} position at {company} appeals to me, and what I would bring",
)
FURTHER = (
    "If there is any further information I can provide, I would be glad to.",
    "Should you need anything further from me, I would be happy to provide it.",
    "Please let me know if any further information would help; I would be glad to send it.",
    "If I can provide anything further, I would welcome the chance.",
)


@dataclass(frozen=True)
class DraftContext:
    """Everything a draft draws on: the person, the interview, the user."""

    kind: Kind
    name: str
    title: str
    company: str
    role: str
    interview_day: date
    topic: str
    profile: Profile
    position: int = 0  # which interviewer this is, so each gets a different strength
    email: str = ""
    address: str = ""
    preferred: str = "email"
    phone: str = ""
    call: str = NO_CALL  # the follow-up call to this person: NO_CALL, REACHED, VOICEMAIL or CALLED
    call_day: date | None = None

    def values(self, today: date) -> dict[str, str]:
        """Placeholder values; empty ones stay visible as {name} in the draft."""
        strengths = self.profile.strengths
        return {
            "name": self.name,
            "first_name": first_name(self.name),
            "title": self.title,
            "company": self.company,
            "role": self.role or "",
            "interview_date": show_date(self.interview_day, today) if self.interview_day else "",
            "topic": self.topic.rstrip("."),
            "strength": strengths[self.position % len(strengths)].rstrip(".") if strengths else "",
            "strengths": "\n".join(f"- {s.rstrip('.')}" for s in self.strengths_in_turn()),
            "my_name": self.profile.name,
            "my_email": self.profile.email,
            "my_phone": self.profile.phone,
            "my_address": self.profile.address,
            "signature": self.profile.signature or self.profile.name,
            "today": show_date(today, today),
            "since_we_met": self.since_we_met(today),
            **self.thank_you_phrases(today),
            **self.letter_phrases(),
        }

    def strengths_in_turn(self) -> list[str]:
        """The profile's strengths, starting from this person's own (their place in the interview), so
        two letters of one interview list the same points in a different order."""
        strengths = list(self.profile.strengths)
        if not strengths:
            return []
        start = self.position % len(strengths)
        return strengths[start:] + strengths[:start]

    def letter_phrases(self) -> dict[str, str]:
        """The letter's sentences, worded by this person's place in the interview (an empty role or
        company stays visible as its placeholder, for the user to fill in)."""
        pick = self.position % len(INTEREST)
        return {
            "interest": INTEREST[pick].format(role=self.role or "{role}", company=self.company or "{company}"),
            "further": FURTHER[pick],
        }

    def thank_you_phrases(self, today: date) -> dict[str, str]:
        """The thank-you's sentences, worded differently for each interviewer of an interview (by their
        place in it), so that two notes people may compare differ by more than the names. Each thanks
        them for their time and interest and says why you are the right person, as the method asks."""
        when = f" on {show_date(self.interview_day, today)}" if self.interview_day else ""
        role = f"the {self.role} role" if self.role else "the role"
        at = f" at {self.company}" if self.company else ""
        topic = self.topic.rstrip(".") or "{topic}"
        strengths = self.profile.strengths
        strength = strengths[self.position % len(strengths)].rstrip(".") if strengths else "{strength}"
        team = self.company or "your team"
        pick = self.position % len(THANKS)
        return {
            "thanks": THANKS[pick].format(when=when, role=role, at=at),
            "on_topic": ON_TOPIC[pick].format(topic=topic),
            "why_me": WHY_ME[pick].format(strength=strength, team=team),
            "closing": CLOSING[pick],
        }

    def since_we_met(self, today: date) -> str:
        """The letter's thanks, saying only what happened: the interview, then the call as it went."""
        interview = "our interview"
        if self.interview_day:
            interview += f" on {show_date(self.interview_day, today)}"
        on = f" on {show_date(self.call_day, today)}" if self.call_day else ""
        if self.call == REACHED:
            return f"Thank you again for your time, both at {interview} and on the phone{on}."
        if self.call == VOICEMAIL:
            return (
                f"Thank you again for your time at {interview}. I left you a voicemail{on}, "
                "and I wanted to follow up in writing as well."
            )
        if self.call == EMAILED:
            return (
                f"Thank you again for your time at {interview}. I followed up by email{on}, "
                "and I wanted to write to you as well."
            )
        if self.call == CALLED:
            return (
                f"Thank you again for your time at {interview}. I followed up by phone{on}, "
                "and I wanted to write to you as well."
            )
        return SINCE_WE_MET[self.position % len(SINCE_WE_MET)].format(interview=interview)


def render(template: str, values: dict[str, str]) -> str:
    """Fill named placeholders; an unknown or empty one is left as {name} for the user to fill."""

    def fill(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return PLACEHOLDER.sub(fill, template)


def fill_in(text: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """A saved draft with the placeholders that can be filled now filled, and which ones were (the
    text the user wrote is left as it is)."""
    before = set(unfilled(text))
    filled = render(text, values)
    return filled, sorted(before - set(unfilled(filled)))


def template_problems(template: str) -> list[str]:
    """Why a template cannot be used: unbalanced braces or unknown placeholder names."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        return [f"Braces do not match ({error})"]
    return [f"Unknown placeholder {{{n}}}; known: {', '.join(PLACEHOLDERS)}" for n in names if n not in PLACEHOLDERS]


def unfilled(text: str) -> list[str]:
    """The placeholders still in a draft."""
    return sorted({f"{{{m.group(1)}}}" for m in PLACEHOLDER.finditer(text)})


def split_subject(text: str) -> tuple[str, str]:
    """An email draft's subject line and body."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), rest.lstrip("\n")
    return "", text


def email_template(kind: Kind) -> str:
    """The template of an email for an item: its own, a thank-you for a thank-you letter, else a check-in."""
    if kind in EMAIL_DRAFTS:
        return TEMPLATE_FOR[kind]
    return "thank_you_email" if kind is Kind.THANK_YOU_LETTER else "weekly_email"


def default_subject(kind: Kind, role: str) -> str:
    """The subject of an email whose draft has no "Subject:" line."""
    the = f"the {role}" if role else "the"
    if kind in (Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER):
        return f"Thank you for {the} interview"
    return f"Following up on {the} position"


def email_parts(kind: Kind, role: str, text: str) -> tuple[str, str]:
    """An email draft as (subject, body): its own "Subject:" line, else a subject that fits the note."""
    subject, body = split_subject(text)
    return subject or default_subject(kind, role), body.strip()


def call_scripts(context: DraftContext, today: date) -> tuple[str, str]:
    """A short call script and a voicemail script: continued interest, anything further needed."""
    v = context.values(today)
    who = v["first_name"] or "there"
    me = v["my_name"] or "{my_name}"
    role = v["role"] or "the"
    call = (
        f"Hello {who}, this is {me}. We met on {v['interview_date']} about the {role} role at {v['company']}.\n"
        f"- Thank them again; mention {v['topic'] or 'what you discussed'}.\n"
        f"- Say you remain very interested in the position.\n"
        f"- Ask: is there any further information I can provide?\n"
        f"- Ask where they are in the process and when a decision is expected.\n"
        f"- One strength to mention: {v['strength'] or '(add strengths to your profile, key p)'}."
    )
    voicemail = (
        f"Hello {who}, this is {me}, following up on my interview for the {role} position at "
        f"{v['company']}. I remain very interested and would be glad to provide any further "
        f"information you need. You can reach me at {v['my_phone'] or '{my_phone}'}. Thank you, and have a good day."
    )
    return call, voicemail
