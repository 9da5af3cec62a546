"""The method: "obtain the correct titles and names" and name the topic you discussed, checked in
every draft against the cards."""

from __future__ import annotations

from followup_tui.kinds import Kind
from followup_tui.writing.checks import all_problems, topic_problem
from followup_tui.writing.names import greeting, name_problems

PRIYA = dict(name="Priya Raman", company="Northwind Analytics", title="Head of Analytics")
TEAM = ["Tom Becker", "Priya Raman"]


def problems(text: str, **card) -> list[str]:
    card = {**PRIYA, **card}
    colleagues = [n for n in TEAM if n != card["name"]]
    return name_problems(text, card["name"], card["company"], card["title"], colleagues)


def test_correct_names_the_greeting_must_be_the_readers_name_spelled_as_on_the_card():
    assert problems("Dear Priya,\n\nThank you.") == []
    assert problems("Dear Ms. Raman,\n\nThank you.") == []
    assert problems("Dear Priya Raman,\n\nThank you.") == []
    assert "the card says Priya Raman" in problems("Dear Pria,\n\nThank you.")[0]
    assert "names Tom Becker, another interviewer" in problems("Dear Tom,\n\nThank you.")[0]
    assert "Greet Priya Raman by name" in problems("Dear Hiring Manager,\n\nThank you.")[0]


def test_correct_names_a_subject_line_comes_before_the_greeting():
    assert greeting("Subject: Thank you\n\nDear Priya,\n") == "Priya"
    assert problems("Subject: Thanks\n\nDear Pria,\n")


def test_correct_names_the_company_and_title_are_spelled_as_on_the_card():
    found = problems("Dear Priya,\n\nThank you for the time at Northwnd Analytics as Head of Analytcs.")
    assert any("“Northwnd” looks like a misspelling of “Northwind”" in p for p in found)
    assert any("“Analytcs” looks like a misspelling of “Analytics”" in p for p in found)
    # Real words near a card word are not flagged: "analysis" is not a typo of "Analytics".
    assert problems("Dear Priya,\n\nI enjoyed the analysis of Northwind's churn.") == []


def test_correct_names_another_interviewers_name_in_someones_note_is_flagged():
    found = problems("Dear Priya,\n\nIt was a pleasure; please thank Tom for the tour.")
    assert any("mentions Tom Becker" in p for p in found)


def test_correct_names_a_typo_stored_on_the_card_is_still_a_typo():
    found = problems("Dear Priya,\n\nThank you.", title="Head of Analytcs")
    assert any("title on the card" in p and "Analytcs" in p for p in found)


def test_correct_names_run_with_the_other_checks_of_every_note():
    found = all_problems(
        "Dear Pria,\n\nThank you for our talk about dashboards.\n\nSam",
        Kind.THANK_YOU_EMAIL,
        "dashboards",
        "email",
        "p@northwind.example",
        "",
        set(),
        [],
        0.8,
        name="Priya Raman",
        title="Head of Analytics",
        company="Northwind Analytics",
        colleagues=["Tom Becker"],
    )
    assert any("the card says Priya Raman" in p for p in found)


def test_the_topic_check_counts_acronyms_and_short_words():
    assert "does not mention" in topic_problem("Thank you for your time.", "SQL")
    assert topic_problem("I enjoyed our talk about SQL tuning.", "SQL") == ""
    assert "does not mention" in topic_problem("I liked the NoSQL part.", "SQL")  # a whole word, not a substring
    assert topic_problem("Our chat on AI ethics was great.", "AI ethics") == ""
    assert "does not mention" in topic_problem("Thanks again.", "Q3 roadmap")
    assert topic_problem("Thanks for walking me through the Q3 roadmap.", "Q3 roadmap") == ""


def test_the_thank_you_for_two_interviewers_differs_by_more_than_names():
    from datetime import date

    from followup_tui.writing.checks import similarity
    from followup_tui.writing.drafts import TEMPLATES, DraftContext, render
    from followup_tui.writing.profile import Profile

    me = Profile(name="Sam Rivera", strengths=["six years of SQL", "dashboards people use"])
    day = date(2026, 11, 24)

    def draft(name: str, position: int) -> str:
        context = DraftContext(
            Kind.THANK_YOU_EMAIL, name, "Lead", "Bluefin", "Analyst", day, "robot fleet data", me, position
        )
        return render(TEMPLATES["thank_you_email"][1], context.values(day))

    first, second = draft("Dana Whitfield", 0), draft("Marcus Lee", 1)
    assert similarity(first, second) < 0.5  # was 0.87 with one wording for everyone
    for text in (first, second):
        # The method's thank-you: their time and interest, the topic, why you are the right person.
        assert "time" in text and "interest" in text and "robot fleet data" in text
        assert "six years of SQL" in text or "dashboards people use" in text
