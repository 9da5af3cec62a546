"""The method: "obtain the correct titles and names". A note names its reader, their company and
title exactly as the card does, and never greets them with another interviewer's name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|good\s+(?:morning|afternoon|evening))\s+"
    r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+)?(?P<who>[^\n,:;!]+)",
    re.IGNORECASE,
)
GENERIC = {"hiring", "manager", "team", "sir", "madam", "all", "colleagues", "there", "everyone"}
CLOSE = 0.75  # difflib ratio from which a different word reads as a misspelling ("Pria" ~ "Priya": 0.89)


def _tokens(text: str) -> list[str]:
    """Words, without a possessive ("Northwind's" -> "Northwind")."""
    words = (POSSESSIVE.sub("", t).strip("'’-") for t in TOKEN.findall(text))
    return [w for w in words if len(w) >= 2]


def _close(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a != b and min(len(a), len(b)) >= 3 and SequenceMatcher(None, a, b).ratio() >= CLOSE


NICKNAME = re.compile(r"[\"“(]([^\"“”()]+)[\"”)]")


def first_name(name: str) -> str:
    """Whom "Dear ..." names: the quoted nickname (Kate in 'Katherine "Kate" Moore'), else the first
    word; a name in capitals re-cased ("RAJ PATEL" is greeted "Raj")."""
    quoted = NICKNAME.search(name)
    words = name.split()
    first = quoted.group(1).strip() if quoted else (words[0] if words else "")
    if name.isupper():
        first = "-".join(part.capitalize() for part in first.split("-"))
    return first


def greeting(text: str) -> str:
    """Whom the note greets ("Priya" in "Dear Priya,"), or ""."""
    for line in text.split("\n"):
        if line.strip():
            if line.lower().startswith("subject:"):
                continue
            found = GREETING.match(line)
            return found.group("who").strip() if found else ""
    return ""


def greeting_problem(text: str, name: str, colleagues: Sequence[str]) -> str:
    """A warning when the greeting misspells the reader's name or uses another interviewer's."""
    who = greeting(text)
    if not who or not name.strip() or "{" in who:
        return ""
    mine = {t.casefold() for t in _tokens(name)}
    said = _tokens(who)
    if any(t.casefold() in mine for t in said):
        return ""
    for other in colleagues:
        theirs = {t.casefold() for t in _tokens(other)} - mine
        if any(t.casefold() in theirs for t in said):
            return f"The greeting “{who}” names {other}, another interviewer: this note is to {name}."
    for word in said:
        for right in _tokens(name):
            if _close(word, right):
                return f"The greeting says “{who}”; the card says {name}."
    if all(t.casefold() in GENERIC for t in said):
        return f"Greet {name} by name: the method asks for the correct name in every note."
    return f"The greeting “{who}” is not {name}'s name on the card."


def misspelled_names(text: str, name: str, company: str, title: str, colleagues: Sequence[str]) -> list[str]:
    """Words of the note that are close to, but not, a word of the card's name, company or title, or
    another interviewer's name ("Northwnd" for Northwind, "Analytcs" for Analytics)."""
    references: list[tuple[str, str]] = []
    for label, value in (("name", name), ("company", company), ("title", title)):
        references.extend((word, label) for word in _tokens(value) if len(word) >= 3)
    for other in colleagues:
        references.extend((word, "name of " + other) for word in _tokens(other) if len(word) >= 3)
    exact = {word.casefold() for word, _ in references}
    problems: list[str] = []
    seen: set[str] = set()
    for word in _tokens(text):
        key = word.casefold()
        if key in exact or key in seen or len(word) < 3:
            continue
        for right, label in references:
            if _close(word, right) and not _known_word(word):
                seen.add(key)
                problems.append(f"“{word}” looks like a misspelling of “{right}” (the {label} on the card).")
                break
    return problems


def colleague_mentions(text: str, name: str, colleagues: Sequence[str]) -> list[str]:
    """Other interviewers named in this person's note (each gets a note of their own)."""
    mine = {t.casefold() for t in _tokens(name)}
    words = {t.casefold() for t in _tokens(text)}
    found = []
    for other in colleagues:
        theirs = [t for t in _tokens(other) if len(t) >= 3 and t.casefold() not in mine]
        if theirs and theirs[0].casefold() in words:
            found.append(f"This note to {name} mentions {other}: check it is the right note (each gets their own).")
    return found


def unknown_card_words(title: str) -> list[str]:
    """Words of a card's title the dictionary does not know: a typo on the card would otherwise be
    copied into every note, and a stored word is not a correct one."""
    return [word for word in _tokens(title) if len(word) >= 3 and not word.isupper() and not _known_word(word)]


def _known_word(word: str) -> bool:
    from followup_tui.writing.checks import TRADE_WORDS, _dictionary

    lower = word.casefold().replace("’", "'")
    return lower in TRADE_WORDS or not _dictionary().unknown([lower])


def name_problems(text: str, name: str, company: str, title: str, colleagues: Sequence[str]) -> list[str]:
    """Every names-and-titles warning for a note to `name`."""
    problems = []
    said = greeting_problem(text, name, colleagues)
    if said:
        problems.append(said)
    problems.extend(misspelled_names(text, name, company, title, colleagues))
    if not said:
        problems.extend(colleague_mentions(text, name, colleagues))
    typos = unknown_card_words(title)
    if typos:
        problems.append(
            f"The title on the card, “{title}”, has a word the dictionary does not know ({', '.join(typos)}): "
            "check the card (e edits it)."
        )
    return problems
