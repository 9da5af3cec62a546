"""The checks before a note goes out: spelling, the specific topic, variation, the right medium."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from followup_tui.kinds import Kind
from followup_tui.writing.drafts import EMAIL_DRAFTS, FILLED_FROM, LETTER_DRAFTS, unfilled

if TYPE_CHECKING:  # loaded when first needed: the dictionary takes a while to read
    from spellchecker import SpellChecker

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*")
# An email is tried only from the start of a run of non-spaces, and without backtracking: "\S+@" tried at
# every position of a 100,000-character word without an @ took minutes (quadratic).
SKIP = re.compile(r"(?<!\S)[^\s@]++@\S+|https?://\S+|www\.\S+|\{[a-z_]+\}")
# Words of a job hunt that the general dictionary lacks.
TRADE_WORDS = {
    "analytics",
    "onboarding",
    "stakeholder",
    "stakeholders",
    "roadmap",
    "roadmaps",
    "dashboards",
    "dashboard",
    "workflow",
    "workflows",
    "email",
    "emails",
    "voicemail",
    "linkedin",
    "startup",
    "startups",
    "fintech",
    "saas",
    "api",
    "apis",
    "backend",
    "frontend",
    "devops",
    "kpi",
    "kpis",
    "hiring",
    "recruiter",
    "teammates",
    "ok",
    "okay",
    "cv",
    "resume",
    "résumé",
    "regards",
    "dbt",
    "hoc",  # ad hoc, ad-hoc
    "etl",
    "ux",
    "ui",
    # British spellings the (American) dictionary lacks
    "summarise",
    "summarising",
    "organise",
    "organised",
    "organising",
    "organisation",
    "organisations",
    "recognise",
    "recognised",
    "prioritise",
    "prioritised",
    "specialise",
    "specialised",
    "realise",
    "realised",
    "analyse",
    "analysed",
    "analysing",
    "optimise",
    "optimised",
    "optimising",
    "favour",
    "favourite",
    "colour",
    "behaviour",
    "centre",
    "programme",
    "programmes",
    "labour",
    "honour",
    "licence",
    "travelled",
    "modelling",
    "enrolment",
    "catalogue",
    "utilise",
    "apologise",
    "emphasise",
    "minimise",
    "maximise",
    "standardise",
}
STOPWORDS = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "your",
    "their",
    "about",
    "into",
    "over",
    "our",
    "how",
    "what",
    "when",
    "which",
    "they",
    "them",
    "have",
    "will",
    "would",
    "could",
    "should",
    "team",
    "you",
    "was",
    "are",
    "its",
    "not",
    "but",
    "can",
    "all",
    "any",
    "her",
    "his",
    "who",
    "why",
    "use",
    "new",
    "out",
    "some",
    "very",
    "more",
    "also",
    "just",
    "like",
}
DEFAULT_SIMILARITY = 0.8


@dataclass(frozen=True)
class Misspelling:
    """A word the dictionary does not know, where it is."""

    word: str
    line: int
    start: int  # character offsets in the line
    end: int


@lru_cache(maxsize=1)
def _dictionary() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker()


def misspellings(text: str, known: set[str]) -> list[Misspelling]:
    """Unknown words, skipping emails, web addresses, placeholders, words with capitals inside a sentence
    (names) and every word in `known` (stored names, companies, titles, the user's own list)."""
    known_lower = {w.lower() for w in known} | TRADE_WORDS
    found: list[Misspelling] = []
    for line_number, line in enumerate(text.split("\n")):
        masked = SKIP.sub(lambda m: " " * len(m.group(0)), line)
        for match in WORD.finditer(masked):
            word = match.group(0).strip("'’")
            lower = word.lower()
            if len(word) < 3 or lower in known_lower or word.isupper():
                continue
            before = masked[max(0, match.start() - 80) : match.start()].rstrip()  # not the whole line, per word
            sentence_start = not before or before[-1] in ".!?:-" or before.endswith(",")
            if word[0].isupper() and not sentence_start:
                continue  # a proper noun mid-sentence
            found.append(Misspelling(word, line_number, match.start(), match.start() + len(word)))
    if not found:
        return []
    unknown = _dictionary().unknown([m.word.lower().replace("’", "'") for m in found])
    return [m for m in found if m.word.lower().replace("’", "'") in unknown]


def suggestions(word: str, limit: int = 6) -> list[str]:
    """Likely corrections, best first, in the word's capitalisation."""
    dictionary = _dictionary()
    candidates = dictionary.candidates(word.lower()) or set()
    ranked = sorted(candidates - {word.lower()}, key=lambda w: -dictionary.word_usage_frequency(w))[:limit]
    return [w.capitalize() if word[0].isupper() else w for w in ranked]


TOPIC_TOKEN = re.compile(r"[^\W_][\w+#]*")


def topic_words(topic: str) -> set[str]:
    """The meaningful tokens of a topic: words of three letters or more that are not filler, and
    acronyms and codes of any length ("SQL", "AI", "Q3", "C#")."""
    words = set()
    for token in TOPIC_TOKEN.findall(topic):
        lower = token.lower()
        acronym = len(token) >= 2 and (token.isupper() or any(ch.isdigit() for ch in token) or "#" in token)
        if lower not in STOPWORDS and (len(token) >= 3 or acronym):
            words.add(lower)
    return words


def topic_problem(text: str, topic: str) -> str:
    """A warning when the note does not name the topic recorded for the person, or none is recorded."""
    if not topic.strip():
        return "No topic is recorded for this person: the method wants each thank-you to name one (e edits the card)."
    words = topic_words(topic)
    if not words:
        return ""
    lower = text.lower()
    present = {w for w in words if re.search(rf"(?<![\w#+]){re.escape(w)}(?![\w#+])", lower)}
    if len(present) * 2 < len(words):
        return f"The note does not mention the topic you discussed: “{topic.strip()}”."
    return ""


def similarity(a: str, b: str) -> float:
    """How alike two notes are, 0 to 1, by words."""
    return SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def shared_passages(a: str, b: str, min_words: int = 6) -> list[str]:
    """Runs of at least `min_words` words the two notes share."""
    wa, wb = a.split(), b.split()
    matcher = SequenceMatcher(None, [w.lower() for w in wa], [w.lower() for w in wb], autojunk=False)
    return [" ".join(wa[m.a : m.a + m.size]) for m in matcher.get_matching_blocks() if m.size >= min_words]


def medium_problem(kind: Kind, preferred: str, email: str, address: str) -> str:
    """A warning when the note's medium is not the person's preferred one, or its address is missing."""
    if kind in EMAIL_DRAFTS:
        if not email:
            return "There is no email address for this person."
        if preferred == "post":
            return "This person prefers postal mail; consider a letter instead of an email."
    if kind in LETTER_DRAFTS:
        if not address:
            return "There is no mailing address for this person: the letter cannot be posted."
        if preferred == "email" and kind is Kind.THANK_YOU_LETTER:
            return "This person prefers email; a thank-you email may reach them sooner."
    return ""


def all_problems(
    text: str,
    kind: Kind,
    topic: str,
    preferred: str,
    email: str,
    address: str,
    known: set[str],
    others: list[tuple[str, str]],
    threshold: float,
    *,
    name: str = "",
    title: str = "",
    company: str = "",
    colleagues: Sequence[str] = (),
) -> list[str]:
    """Every warning for a note, in the order the method cares about (`colleagues`: the other people
    met at the interview, whose names must not stand in for the reader's)."""
    from followup_tui.writing.names import name_problems

    problems = []
    words = misspellings(text, known)
    if words:
        problems.append("Misspelled: " + ", ".join(sorted({m.word for m in words})))
    problems.extend(name_problems(text, name, company, title, colleagues))
    if kind in (Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER):
        topic_warning = topic_problem(text, topic)
        if topic_warning:
            problems.append(topic_warning)
    # The thank-yous of one interview, and its letters: "try to vary each a bit in case recipients compare notes".
    for who, other in others:
        score = similarity(text, other)
        if score >= threshold:
            problems.append(f"{score:.0%} like the note to {who}: vary one of them (they may compare notes).")
    medium = medium_problem(kind, preferred, email, address)
    if medium:
        problems.append(medium)
    problems.extend(placeholder_problems(text))
    return problems


def placeholder_problems(text: str) -> list[str]:
    """One warning per placeholder still in the note, saying where its value comes from."""
    problems = []
    for placeholder in unfilled(text):
        source = FILLED_FROM.get(placeholder.strip("{}"))
        where = f": fill it in here, or in {source}" if source else ": fill it in here"
        problems.append(f"The placeholder {placeholder} is not filled in{where}.")
    return problems
