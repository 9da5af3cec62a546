"""Capture from a photo: the real recogniser (RapidOCR) and QR reader (zxing-cpp) on card photos made here."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from followup_tui.capture.card_text import parse_card
from followup_tui.capture.photo import LONGEST_SIDE, PhotoError, load_image, read_photo
from followup_tui.capture.vcards import read_vcards
from tests.card_images import Look, card_photo, draw_card, fonts

# Fields compared between a photo's reading and the typed card: phones by number, not by spacing.
COMPARED = ("name", "title", "company", "email", "phone_e164", "mobile_e164", "website", "linkedin", "address")

US_CARD = """Maria Lopez
Senior Recruiter
Acme Corp
maria.lopez@acme.com
+1 (415) 555-0134
1200 Market Street, Suite 400
San Francisco, CA 94103"""

UK_CARD = """Oliver Hughes
Head of Engineering
Brightwave Labs Ltd
oliver.hughes@brightwave.co.uk
T: 020 7946 0958
M: 07700 900461
www.brightwave.co.uk"""


def typed(text: str, region: str = "US") -> dict[str, str]:
    fields = parse_card(text, region).as_dict()
    return {name: fields[name] for name in COMPARED}


def read(path: Path, region: str = "US") -> dict[str, str]:
    fields = read_photo(path, region).fields.as_dict()
    return {name: fields[name] for name in COMPARED}


def save(image: Image.Image, path: Path, **options) -> Path:
    image.save(path, **options)
    return path


@pytest.mark.parametrize(
    ("text", "region", "look"),
    [
        (US_CARD, "US", Look()),
        (US_CARD, "US", Look(font=fonts()[-1], size=30, dark=True, angle=4, noise=12)),
        (UK_CARD, "GB", Look(font=fonts()[1 % len(fonts())], size=38, angle=-6, blur=1.0)),
    ],
    ids=["light", "dark-turned-noisy", "serif-blurred"],
)
def test_a_card_photo_gives_the_fields_of_its_typed_text(tmp_path, text, region, look):
    expected = typed(text, region)
    assert expected["name"] and expected["email"] and expected["phone_e164"]  # the card has something to read
    photo = save(card_photo(text, look), tmp_path / "card.png")
    got = read(photo, region)
    if look.noise:
        # Dark, turned and noisy at once: the recogniser has been seen to drop one field of this card
        # on a loaded machine (the email, once in CI), so one miss is allowed here; the name and the
        # phone, what a capture is for, must be right. benchmarks/photo_capture.py measures accuracy.
        missed = [name for name in expected if got[name] != expected[name]]
        assert len(missed) <= 1 and got["name"] == expected["name"] and got["phone_e164"] == expected["phone_e164"]
    else:
        assert got == expected


WHITE_ON_NAVY = """Jordan Ellis
Senior Recruiter
Maple Leaf Digital Inc.
100 King Street West, Suite 5600
Toronto, ON M5X 1C9
jordan.ellis@mapleleafdigital.ca"""


def test_white_print_on_a_dark_card_keeps_the_spaces_between_its_words(tmp_path):
    # The recogniser, trained on dark print, read this card's first line as "JordanEllis" (no name).
    photo = save(card_photo(WHITE_ON_NAVY, Look(size=28, dark=True, angle=-5)), tmp_path / "card.jpg")
    got = read(photo, "CA")
    assert (got["name"], got["title"]) == ("Jordan Ellis", "Senior Recruiter")
    assert got["address"] == "100 King Street West, Suite 5600\nToronto, ON M5X 1C9"


def test_a_one_line_card_printed_on_two_lines_gives_every_field(tmp_path):
    # Print that would run off the card is set smaller and broken at its bullets (tests/card_images.py).
    text = "Ana Silva • Product Lead • Brightwave Labs • ana@brightwave.io • +1 650 555 0134"
    assert draw_card(text).size == draw_card("Ana Silva").size
    photo = save(card_photo(text, Look(size=36, angle=-3)), tmp_path / "card.png")
    assert read(photo) == typed(text)


def test_the_recognised_text_comes_back_in_reading_order(tmp_path):
    photo = save(card_photo(US_CARD, Look(angle=8)), tmp_path / "card.png")
    assert read_photo(photo).text.splitlines() == US_CARD.splitlines()


VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Silva;Ana;;;\r\nFN:Ana Silva\r\nTITLE:Product Lead\r\nORG:Brightwave Labs\r\n"
    "EMAIL;TYPE=INTERNET:ana.silva@brightwave.example\r\nTEL;TYPE=CELL:+1 617 555 0188\r\n"
    "URL:https://brightwave.example\r\nEND:VCARD\r\n"
)


def test_a_vcard_in_the_qr_code_fills_the_fields_exactly_and_wins_over_the_printed_text(tmp_path):
    # The printed card is older: another title and no email. The code is what the card's owner keeps current.
    printed = "Ana Silva\nProduct Manager\nBrightwave Labs\n+1 617 555 0100"
    photo = save(card_photo(printed, Look(angle=-3), qr_payload=VCARD), tmp_path / "card.jpg", quality=92)
    card = read_photo(photo)
    assert card.code == "vCard"
    assert card.fields == read_vcards(VCARD.encode())[0]
    assert (card.fields.title, card.fields.mobile_e164) == ("Product Lead", "+16175550188")
    assert "Product Lead" in card.text.splitlines()  # the paste box shows what the fields came from


def test_a_mecard_in_the_qr_code_fills_the_fields_exactly(tmp_path):
    mecard = (
        r"MECARD:N:Lopez,Maria;ORG:Acme\, Inc.;TEL:+14155550134;EMAIL:maria@acme.example;URL:https://acme.example;;"
    )
    photo = save(card_photo("Maria Lopez\nAcme", Look(dark=True), qr_payload=mecard), tmp_path / "card.png")
    card = read_photo(photo)
    assert card.code == "MeCard"
    fields = card.fields
    assert (fields.name, fields.company, fields.email, fields.phone_e164, fields.website) == (
        "Maria Lopez",
        "Acme, Inc.",
        "maria@acme.example",
        "+14155550134",
        "https://acme.example",
    )


def test_a_qr_code_with_only_a_web_address_fills_the_website_and_the_text_the_rest(tmp_path):
    photo = save(card_photo(US_CARD, qr_payload="https://acme.example/maria"), tmp_path / "card.png")
    card = read_photo(photo)
    assert card.code == "web address"
    assert read(photo) == typed(US_CARD) | {"website": "https://acme.example/maria"}


def test_a_jpeg_turned_by_its_exif_orientation_is_read_upright(tmp_path):
    # A phone held upright stores the pixels on their side and says so in EXIF (orientation 6: turn 90° right).
    pixels = card_photo(US_CARD).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = save(pixels, tmp_path / "phone.jpg", exif=exif, quality=92)
    upright = load_image(photo)
    assert upright.width > upright.height
    steps: list[str] = []
    fields = read_photo(photo, progress=steps.append).fields.as_dict()
    assert {name: fields[name] for name in COMPARED} == typed(US_CARD)
    assert not [step for step in steps if "turn" in step or "level" in step]  # no second reading was needed


@pytest.mark.parametrize("angle", [90, -90, 180, 50])
def test_a_photo_on_its_side_upside_down_or_askew_is_turned_and_read(tmp_path, angle):
    photo = save(card_photo(US_CARD, Look(angle=angle)), tmp_path / "card.png")
    assert read(photo) == typed(US_CARD)


def test_a_large_photo_is_shrunk_before_reading(tmp_path):
    twelve_megapixels = card_photo(US_CARD, Look(angle=3, photo_scale=3.2, noise=6))
    assert twelve_megapixels.width * twelve_megapixels.height > 10_000_000
    photo = save(twelve_megapixels, tmp_path / "big.jpg", quality=90)
    assert max(load_image(photo).size) == LONGEST_SIDE
    assert read(photo) == typed(US_CARD)


def test_a_transparent_png_is_read_on_white(tmp_path):
    # A card exported from a design tool: dark text on a transparent background (transparent black pixels).
    ink = draw_card(US_CARD).convert("L").point(lambda level: 255 if level < 128 else 0)
    card = Image.new("RGBA", ink.size, (0, 0, 0, 0))
    card.paste((20, 20, 20, 255), mask=ink)
    photo = save(card, tmp_path / "card.png")
    assert read(photo)["email"] == "maria.lopez@acme.com"


def _cut_short_jpeg() -> bytes:
    whole = io.BytesIO()
    card_photo(US_CARD).save(whole, format="JPEG")
    return whole.getvalue()[: len(whole.getvalue()) // 2]  # a download or copy stopped half-way


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "card.jpg is empty (0 bytes)"),
        (b"Maria Lopez\nmaria@acme.com\n", "card.jpg is not a photo followup can read (JPEG, PNG, WebP"),
        (_cut_short_jpeg(), "card.jpg could not be read: the file is damaged or incomplete"),
    ],
    ids=["empty-file", "text-file", "cut-short-jpeg"],
)
def test_a_file_that_is_no_photo_gets_a_clear_message(tmp_path, content, message):
    path = tmp_path / "card.jpg"
    path.write_bytes(content)
    with pytest.raises(PhotoError, match=re.escape(message)):
        read_photo(path)


def test_a_blank_photo_says_no_text_was_found(tmp_path):
    photo = save(Image.new("RGB", (1200, 800), (250, 248, 240)), tmp_path / "blank.png")
    with pytest.raises(PhotoError, match="No text was found in blank.png"):
        read_photo(photo)


def test_a_missing_file_a_folder_and_a_tiny_image_get_clear_messages(tmp_path):
    with pytest.raises(PhotoError, match="No file at"):
        read_photo(tmp_path / "nothing.png")
    with pytest.raises(PhotoError, match="is a folder"):
        read_photo(tmp_path)
    with pytest.raises(PhotoError, match="too small"):
        read_photo(save(Image.new("RGB", (20, 12), "white"), tmp_path / "tiny.png"))


SLOW_LOAD_THEN_EXIT = """
import sys, time
from pathlib import Path
import rapidocr_onnxruntime
from followup_tui.capture.photo import read_photo

class SlowDisk(rapidocr_onnxruntime.RapidOCR):
    def __init__(self):
        time.sleep(1.0)  # the models on a slow disk: the QR code is read long before they load
        super().__init__()
        print("models loaded", flush=True)

rapidocr_onnxruntime.RapidOCR = SlowDisk
print(read_photo(Path(sys.argv[1])).code, flush=True)
"""


def test_a_process_that_read_a_qr_code_ends_only_once_the_models_have_loaded(tmp_path):
    # A QR code's card comes back before the recogniser has loaded; a process that then ended in the
    # middle of onnxruntime's start aborted (exit code -6, seen on `followup capture` of a MeCard).
    mecard = "MECARD:N:Okafor,Helen;ORG:Cedar & Stone;TEL:+1 312 555 0147;;"
    photo = save(card_photo("Helen Okafor", qr_payload=mecard), tmp_path / "card.png")
    done = subprocess.run([sys.executable, "-c", SLOW_LOAD_THEN_EXIT, str(photo)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["MeCard", "models loaded"]
