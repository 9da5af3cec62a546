"""`followup capture PHOTO` through the installed command, on yesterday's database: photos and QR codes made
here with Pillow and segno, read by the real recogniser."""

from __future__ import annotations

import json

from daytwo_files import read_rows

from followup_tui import cli
from followup_tui.capture import photo
from followup_tui.capture.card_text import parse_card
from tests.card_images import Look, card_photo

CARD = """Maria Lopez
Senior Recruiter
Acme Corp
maria.lopez@acme.com
+1 (415) 555-0134
1200 Market Street, Suite 400
San Francisco, CA 94103"""
MECARD = r"MECARD:N:Okafor,Helen;ORG:Cedar & Stone Architects;TEL:+1 312 555 0147;EMAIL:helen@cedarstone.example;;"


def test_capture_reads_a_card_photo_prints_json_and_saves_to_an_interview(yesterday_db, followup, tmp_path):
    picture = tmp_path / "card.png"
    card_photo(CARD, Look(font="DejaVuSerif.ttf", angle=5, noise=8)).save(picture)
    ran = followup(yesterday_db, "capture", str(picture), "--json")
    assert ran.code == 0, ran.err
    typed = parse_card(CARD).as_dict()
    shown = json.loads(ran.out)
    assert {k: shown[k] for k in ("name", "title", "company", "email", "phone_e164", "address")} == {
        k: typed[k] for k in ("name", "title", "company", "email", "phone_e164", "address")
    }
    ran = followup(yesterday_db, "capture", str(picture), "--save", "--interview", "1")
    assert ran.code == 0, ran.err
    assert "Read from the photo's text; check the fields against it:\n  Maria Lopez\n" in ran.out
    assert ran.err == "added: Maria Lopez -> interview 1\n"
    rows = read_rows(
        yesterday_db,
        "SELECT c.email, c.phone_e164 FROM contact c JOIN meeting m ON m.contact_id = c.id "
        "WHERE m.interview_id = 1 AND c.name = 'Maria Lopez'",
    )
    assert rows == [("maria.lopez@acme.com", "+14155550134")]


def test_capture_of_a_card_with_a_mecard_qr_code_fills_the_fields_exactly(yesterday_db, followup, tmp_path):
    picture = tmp_path / "card.jpg"
    card_photo("Helen Okafor\nCedar & Stone", Look(dark=True), qr_payload=MECARD).save(picture, quality=90)
    ran = followup(yesterday_db, "capture", str(picture))
    assert ran.code == 0, ran.err
    assert ran.out.splitlines() == [
        "Name:     Helen Okafor",
        "Company:  Cedar & Stone Architects",
        "Email:    helen@cedarstone.example",
        "Phone:    +1 312 555 0147",
        "",
        "Read from the card's QR code (MeCard).",
    ]


def test_capture_of_a_file_that_is_no_photo_says_so(yesterday_db, followup, tmp_path):
    notes = tmp_path / "notes.jpg"
    notes.write_text("Maria Lopez, Acme\n", encoding="utf-8")
    ran = followup(yesterday_db, "capture", str(notes))
    assert (ran.code, ran.out) == (1, "")
    assert ran.err == "followup: notes.jpg is not a photo followup can read (JPEG, PNG, WebP or HEIC).\n"
    blank = tmp_path / "blank.png"
    card_photo("").save(blank)
    ran = followup(yesterday_db, "capture", str(blank))
    assert ran.code == 1
    assert ran.err.startswith("followup: No text was found in blank.png")


def test_without_the_photo_extra_capture_says_how_to_add_it(yesterday_db, monkeypatch, capsys, tmp_path):
    # As on a base install: one of the extra's packages cannot be found.
    monkeypatch.setattr(photo, "NEEDED", (*photo.NEEDED, "rapidocr_not_installed"))
    picture = tmp_path / "card.png"
    card_photo(CARD).save(picture)
    assert cli.main(["--db", str(yesterday_db), "capture", str(picture)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "followup: Reading photos needs the photo extra, which is not installed here: "
        "pip install 'followup-tui[photo]'\n"
    )
