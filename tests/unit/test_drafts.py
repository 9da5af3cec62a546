"""Templating, the checks before sending, the letter layout and the files a draft becomes."""

from __future__ import annotations

import email
import email.policy
import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from followup_tui.kinds import Kind
from followup_tui.store.writing_notes import call_outcome
from followup_tui.writing.checks import (
    all_problems,
    medium_problem,
    misspellings,
    placeholder_problems,
    shared_passages,
    similarity,
    suggestions,
    topic_problem,
)
from followup_tui.writing.drafts import (
    CALLED,
    NO_CALL,
    REACHED,
    TEMPLATES,
    VOICEMAIL,
    DraftContext,
    call_scripts,
    email_parts,
    fill_in,
    render,
    split_subject,
    template_problems,
    unfilled,
)
from followup_tui.writing.letters import eml_text, file_stem, layout, pdf_bytes, redate
from followup_tui.writing.profile import Profile

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
TODAY = date(2026, 11, 25)
ME = Profile(
    "Sam Rivera",
    "sam@example.com",
    "+1 503 555 0100",
    "12 Oak Lane\nPortland, OR 97201",
    "Sam Rivera",
    ("six years turning messy data into decisions", "led a team of five through a platform migration"),
)


def context(**overrides) -> DraftContext:
    values = dict(
        kind=Kind.THANK_YOU_EMAIL,
        name="Priya Raman",
        title="Head of Analytics",
        company="Northwind Analytics",
        role="Senior Data Analyst",
        interview_day=date(2026, 11, 24),
        topic="the churn dashboard's refresh time",
        profile=ME,
        email="priya@northwind.example",
        address="500 Market Street\nSan Francisco, CA 94105",
        preferred="email",
    )
    values.update(overrides)
    return DraftContext(**values)


def test_template_fills_every_placeholder_from_person_interview_and_profile():
    text = render(TEMPLATES["thank_you_email"][1], context().values(TODAY))
    subject, body = split_subject(text)
    assert subject == "Thank you for the Senior Data Analyst interview"
    assert body.startswith("Dear Priya,")
    assert "the churn dashboard's refresh time" in body and "Tue 24 Nov" in body
    assert "six years turning messy data into decisions" in body and body.rstrip().endswith("Sam Rivera")
    assert unfilled(text) == []


def test_each_interviewer_gets_a_different_strength():
    first = render("{strength}", context(position=0).values(TODAY))
    second = render("{strength}", context(position=1).values(TODAY))
    assert first != second


def test_an_empty_placeholder_stays_visible():
    text = render(TEMPLATES["thank_you_email"][1], context(topic="", profile=Profile()).values(TODAY))
    assert "{topic}" in text and "{strength}" in text and "{signature}" in text
    assert unfilled(text) == ["{signature}", "{strength}", "{topic}"]


def test_template_problems():
    assert template_problems("Dear {first_name}, {topic}") == []
    assert "Unknown placeholder {favourite_color}" in template_problems("{favourite_color}")[0]
    assert "Braces" in template_problems("Dear {first_name")[0]


def test_call_scripts_state_interest_and_ask_what_else_is_needed():
    call, voicemail = call_scripts(context(kind=Kind.CALL), TODAY)
    assert "remain very interested" in call and "further information" in call
    assert "remain very interested" in voicemail and "+1 503 555 0100" in voicemail


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Thank you for teh interview.", {"teh"}),
        ("I recieve your note and look forward to it.", {"recieve"}),
        ("Thank you for the interview.", set()),
        ("We spoke with Tomasz at Northwind about dashboards.", set()),  # proper nouns mid-sentence
        ("Email me at sam@exmaple.com or visit www.smaple.io.", set()),  # addresses are not words
        ("Dear {first_name}, thanks.", set()),
        ("I would like to summarise my analytics work.", set()),  # British spelling, trade word
    ],
)
def test_spelling(text, flagged):
    assert {m.word for m in misspellings(text, {"Priya"})} == flagged


def test_spelling_knows_stored_names_and_suggests():
    assert misspellings("Kazuhiro thanks you", {"Kazuhiro"}) == []
    assert "receive" in suggestions("recieve")


def test_topic_check():
    assert topic_problem("We talked about the churn dashboard refresh.", "churn dashboard refresh time") == ""
    assert "does not mention" in topic_problem("Thanks for your time.", "churn dashboard refresh time")
    assert "No topic is recorded" in topic_problem("Thanks.", "")


def test_variation_check_measures_and_marks_shared_passages():
    a = (
        "Thank you for meeting with me about the analyst role. I especially enjoyed our conversation "
        "about dashboards and I would welcome the chance to bring that to your team."
    )
    b = a.replace("dashboards", "hiring plans")
    c = "Many thanks for the chat on Monday; your plans for the data platform sound exciting."
    assert similarity(a, b) > 0.9 and similarity(a, c) < 0.3
    assert any("I would welcome the chance to bring that to your team." in p for p in shared_passages(a, b))
    problems = all_problems(a, Kind.THANK_YOU_EMAIL, "dashboards", "email", "x@y.example", "", set(), [("Tom", b)], 0.8)
    assert any("like the note to Tom" in p for p in problems)
    assert not any(
        "like the note" in p
        for p in all_problems(
            a, Kind.THANK_YOU_EMAIL, "dashboards", "email", "x@y.example", "", set(), [("Tom", c)], 0.8
        )
    )


def test_medium_check():
    assert medium_problem(Kind.THANK_YOU_EMAIL, "post", "a@b.example", "").startswith("This person prefers postal")
    assert medium_problem(Kind.THANK_YOU_EMAIL, "email", "", "") == "There is no email address for this person."
    assert "no mailing address" in medium_problem(Kind.LETTER, "email", "a@b.example", "")
    assert medium_problem(Kind.THANK_YOU_EMAIL, "email", "a@b.example", "") == ""
    assert medium_problem(Kind.LETTER, "post", "", "1 Main St") == ""


def test_letter_layout_matches_the_golden_file():
    reached = context(kind=Kind.LETTER, call=REACHED, call_day=TODAY)
    body = render(TEMPLATES["post_call_letter"][1], reached.values(TODAY))
    text = layout(
        ME,
        "Priya Raman",
        "Head of Analytics",
        "Northwind Analytics",
        "500 Market Street\nSan Francisco, CA 94105",
        TODAY,
        body,
    )
    assert text == (GOLDEN / "post_call_letter.txt").read_text(encoding="utf-8")


def test_pdf_opens_and_holds_the_text():
    from pypdf import PdfReader

    text = layout(
        ME,
        "Anna Müller",
        "Geschäftsführerin",
        "Müller & Partner GmbH",
        "Friedrichstraße 100\nBerlin",
        TODAY,
        "Dear Anna,\n\nThank you for the interview.",
    )
    data, replaced = pdf_bytes(text)
    assert data.startswith(b"%PDF") and not replaced
    extracted = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    lines = ("Sam Rivera", "25 November 2026", "Anna Müller", "Friedrichstraße 100", "Thank you for the interview.")
    for line in lines:
        assert line in extracted


def test_eml_is_a_ready_message():
    raw = eml_text(
        ME,
        "Priya Raman",
        "priya@northwind.example",
        "Thank you",
        "Dear Priya,\n\nThanks.",
        datetime(2026, 11, 25, 9, 30),
    )
    message = email.message_from_string(raw)
    assert message["To"] == "Priya Raman <priya@northwind.example>" and message["Subject"] == "Thank you"
    assert "Dear Priya," in message.get_payload()


def test_file_stem_is_safe():
    assert file_stem("Jo/../Smith", "Acme: Inc", TODAY) == "2026-11-25 Jo_.._Smith - Acme_ Inc"


def test_a_letter_has_one_closing_whoever_brings_it():
    plain = layout(ME, "Priya Raman", "", "Northwind", "1 Main St", TODAY, "Dear Priya,\n\nThank you.")
    assert plain.count("Yours sincerely,") == 1 and plain.rstrip().endswith("Yours sincerely,\n\n\nSam Rivera")
    own = replace(ME, signature="Best regards,\nSam Rivera")
    signed = layout(own, "Priya Raman", "", "Northwind", "1 Main St", TODAY, "Dear Priya,\n\nThank you.")
    assert "Yours sincerely" not in signed and signed.count("Best regards,") == 1
    closed = layout(
        ME, "Priya Raman", "", "Northwind", "1 Main St", TODAY, "Dear Priya,\n\nThank you.\n\nKind regards,\nSam"
    )
    assert "Yours sincerely" not in closed and closed.rstrip().endswith("Kind regards,\nSam")


@pytest.mark.parametrize(
    ("call", "day", "says", "never"),
    [
        (NO_CALL, None, "Thank you again for your time at our interview on Tue 24 Nov.", ("phone", "voicemail")),
        (
            REACHED,
            date(2026, 11, 25),
            "both at our interview on Tue 24 Nov and on the phone on Wed 25 Nov.",
            ("voicemail",),
        ),
        (VOICEMAIL, date(2026, 11, 25), "I left you a voicemail on Wed 25 Nov", ("on the phone",)),
        (CALLED, date(2026, 11, 25), "I followed up by phone on Wed 25 Nov", ("on the phone", "voicemail")),
    ],
)
def test_the_letter_after_the_call_says_what_happened(call, day, says, never):
    body = render(TEMPLATES["post_call_letter"][1], context(kind=Kind.LETTER, call=call, call_day=day).values(TODAY))
    assert says in body and not any(word in body for word in never) and unfilled(body) == []


def test_call_outcome_is_read_from_the_line_the_outcome_key_wrote():
    assert call_outcome("Left a voicemail, Mon 23 Nov") == VOICEMAIL
    assert call_outcome("Ask about the team\nNo answer, Fri 20 Nov\nReached them, Mon 23 Nov") == REACHED
    assert call_outcome("No answer, Fri 20 Nov\nLeft a voicemail, Mon 23 Nov") == VOICEMAIL
    assert call_outcome("") == CALLED  # ticked without saying how it went


def test_a_letter_is_redated_to_the_day_it_goes_out():
    drafted = layout(
        ME,
        "Priya Raman",
        "",
        "Northwind",
        "1 Main St",
        date(2026, 11, 20),
        "Dear Priya,\n\nOn 20 November 2026 we met.",
    )
    sent = redate(drafted, TODAY)
    assert "\n\n25 November 2026\n\n" in sent and "On 20 November 2026 we met." in sent  # only the date line


def test_unfilled_placeholders_are_named_with_where_to_fill_them():
    problems = placeholder_problems("Dear {first_name},\n\nWhat I bring: {strength}.\n\n{signature}")
    assert problems == [
        "The placeholder {first_name} is not filled in: fill it in here, or in the person's card (e).",
        "The placeholder {signature} is not filled in: fill it in here, or in your profile (p).",
        "The placeholder {strength} is not filled in: fill it in here, or in your profile's strengths (p).",
    ]


def test_a_saved_draft_takes_what_can_be_filled_now_and_keeps_the_rest():
    text, filled = fill_in("Dear Priya,\n\nMine: {strength}. {nonsense}\n\n{signature}", context().values(TODAY))
    assert text == "Dear Priya,\n\nMine: six years turning messy data into decisions. {nonsense}\n\nSam Rivera"
    assert filled == ["{signature}", "{strength}"]


def test_an_email_without_a_subject_line_gets_one_that_fits():
    assert email_parts(Kind.THANK_YOU_EMAIL, "Analyst", "Dear Ana,\n\nThanks.") == (
        "Thank you for the Analyst interview",
        "Dear Ana,\n\nThanks.",
    )
    assert email_parts(Kind.WEEKLY_EMAIL, "", "Subject: Checking in\n\nDear Ana,") == ("Checking in", "Dear Ana,")
    assert email_parts(Kind.CALL, "", "Hi")[0] == "Following up on the position"


def test_eml_quotes_a_name_with_a_comma_and_ends_lines_with_crlf():
    raw = eml_text(
        ME, "Zoë O'Brien, Jr.", "zoe@example.org", "Thank you", "Dear Zoë,\n\nThanks.\n", datetime(2026, 11, 25)
    )
    message = email.message_from_string(raw, policy=email.policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == ["zoe@example.org"]
    assert message["To"].addresses[0].display_name == "Zoë O'Brien, Jr."
    assert "\r\n" in raw and "\n" not in raw.replace("\r\n", "")


def test_an_all_capitals_name_is_greeted_with_capitals_where_a_name_has_them():
    # A card stored before the parser re-cased capitals still greets "Dear Raj", never "Dear RAJ".
    body = render(TEMPLATES["thank_you_email"][1], context(name="RAJ PATEL").values(TODAY))
    assert "Dear Raj," in body and "RAJ" not in body


def test_a_quoted_nickname_is_the_name_the_greeting_uses():
    body = render(TEMPLATES["thank_you_email"][1], context(name='Katherine "Kate" Moore').values(TODAY))
    assert "Dear Kate," in body
