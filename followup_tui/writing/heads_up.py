"""The heads-up to a reference: who may call them about which job, and what to stress."""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.writing.drafts import render
from followup_tui.writing.profile import Profile, Reference

TEMPLATE = "reference_heads_up"  # its name in writing.drafts.TEMPLATES (editable under m)


@dataclass(frozen=True)
class Interviewer:
    """Someone met at the interview, as a heads-up names them."""

    name: str
    title: str = ""
    is_lead: bool = False
    topic: str = ""


def _joined(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def who_may_call(people: list[Interviewer], company: str) -> str:
    """The lead interviewer with their title ("Priya Shah (Head of Analytics)"), else someone from the company."""
    if not people:
        return f"someone from {company}" if company else ""
    lead = next((p for p in people if p.is_lead), people[0])
    return f"{lead.name} ({lead.title})" if lead.title else lead.name


def stress(people: list[Interviewer], profile: Profile) -> str:
    """What the reference should speak to: what the interview turned on (the topics on the cards), else
    the user's strengths; "" when neither is known (the draft then shows {stress} and where to fill it)."""
    topics = list(dict.fromkeys(p.topic.strip().rstrip(".") for p in people if p.topic.strip()))
    if topics:
        return f"anything about my work on {_joined(topics)}, which the interview turned on"
    if profile.strengths:
        return f"what you have seen of my strengths: {_joined([s.rstrip('.') for s in profile.strengths[:2]])}"
    return ""


def heads_up(
    template: str, reference: Reference, company: str, role: str, people: list[Interviewer], profile: Profile
) -> str:
    """The heads-up to one reference, from `template` (an empty placeholder stays visible)."""
    values = {
        "reference_name": reference.name,
        "reference_first_name": reference.first_name,
        "relationship": reference.relationship,
        "company": company,
        "role": role,
        "who_may_call": who_may_call(people, company),
        "stress": stress(people, profile),
        "my_name": profile.name,
        "my_email": profile.email,
        "my_phone": profile.phone,
        "signature": profile.signature or profile.name,
    }
    return render(template, values)
