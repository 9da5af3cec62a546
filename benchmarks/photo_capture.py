"""Capture from a photo: `python benchmarks/photo_capture.py [--quick] [-v]` (needs the photo extra).

1. Speed: a 12-megapixel JPEG of a card to filled fields, in a fresh process, first use included (importing
   the recogniser and loading its models), then a second photo in the same process.
2. Accuracy: the text cards of tests/data/cards.json and cards_holdout.json printed and photographed
   (tests/card_images.py: several fonts and sizes, light and dark, turned up to 8°, some blurred, some
   noisy), each read as `followup capture PHOTO` reads it, plus cards whose QR code holds a vCard or MeCard.
   A field is right when it equals the card set's expected value. "vs typed" compares with what the parser
   gives the typed text instead: it isolates the recogniser from the parser.

Measured (issue 14, Nov 2026): 98.0% of fields right (name 96%, title 96%, company 97%, email 100%, phones
99-100%, address 92%; it was 92.0% before each line was read dark on light and sharpened, with the
misreadings undone in capture/photo.py `tidy`, and print kept on the card). What is left is mostly accents:
RapidOCR 1.4's model has no ö, ß, ñ, ã, ł and often reads é, á, í, ü as plain letters.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.card_accuracy import FIELDS, SETS  # noqa: E402
from followup_tui.capture.card_text import parse_card  # noqa: E402
from followup_tui.capture.photo import read_photo  # noqa: E402
from followup_tui.capture.vcards import write_vcards  # noqa: E402
from followup_tui.contact import CardFields  # noqa: E402
from tests.card_images import Look, card_photo, draw_card, fonts  # noqa: E402

SPEED_TARGET = 2.0  # seconds, issue 14
FIRST_USE = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from followup_tui.capture.photo import read_photo
card = read_photo(Path(sys.argv[1]))
first = time.perf_counter() - start
start = time.perf_counter()
read_photo(Path(sys.argv[2]))
print(first, time.perf_counter() - start, card.fields.name)
"""


def twelve_megapixels(text: str, seed: int) -> Image.Image:
    """A 4000 × 3000 photo with the card filling about 60% of its width, turned 3°, with sensor noise."""
    card = draw_card(text, Look(size=34))
    card = card.resize((2400, round(2400 * card.height / card.width)), Image.Resampling.LANCZOS)
    table = (120, 104, 88)
    canvas = Image.new("RGB", (4000, 3000), table)
    turned = card.rotate(3, expand=True, fillcolor=table, resample=Image.Resampling.BICUBIC)
    canvas.paste(turned, ((4000 - turned.width) // 2, (3000 - turned.height) // 2))
    noise = Image.effect_noise(canvas.size, 6 + seed).convert("RGB")
    return ImageChops.add(canvas, noise, scale=1.0, offset=-128)


def speed(runs: int) -> None:
    cards = json.loads(SETS["test set"].read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "first.jpg", Path(folder) / "second.jpg"
        twelve_megapixels(cards[0]["text"], 0).save(first, quality=90)
        twelve_megapixels(cards[2]["text"], 1).save(second, quality=90)
        cold, warm = [], []
        for _ in range(runs):
            done = subprocess.run([sys.executable, "-c", FIRST_USE, str(first), str(second)], capture_output=True)
            if done.returncode:
                raise SystemExit(done.stderr.decode())
            a, b, name = done.stdout.decode().split(maxsplit=2)
            cold.append(float(a))
            warm.append(float(b))
    print("\n12-megapixel JPEG (4000 × 3000) to filled fields")
    print(
        f"  first photo, first use included: median {statistics.median(cold):.2f} s, best {min(cold):.2f} s "
        f"over {runs} fresh processes (target <= {SPEED_TARGET:.0f} s: "
        f"{'pass' if statistics.median(cold) <= SPEED_TARGET else 'FAIL'})"
    )
    print(f"  a second photo, models loaded:  median {statistics.median(warm):.2f} s")
    print(f"  (the card read as {name.strip()!r})")


def looks(count: int) -> list[Look]:
    """Varied prints and photos, in a fixed order."""
    faces = fonts()
    styles = []
    for n in range(count):
        styles.append(
            Look(
                font=faces[n % len(faces)],
                size=(28, 32, 36, 40)[n % 4],
                dark=n % 3 == 2,
                angle=(0, 3, -5, 8, -2, 6, -8)[n % 7],
                blur=(0, 0, 0.8, 0, 1.2)[n % 5],
                noise=(0, 10, 0, 15, 5, 0)[n % 6],
            )
        )
    return styles


def qr_cards() -> list[tuple[str, str, CardFields, str]]:
    """(printed text, QR payload, expected fields, kind) for cards carrying a code."""
    ana = CardFields(
        "Ana Silva",
        title="Product Lead",
        company="Brightwave Labs",
        email="ana.silva@brightwave.example",
        mobile="+44 7911 123456",
        mobile_e164="+447911123456",
        website="https://brightwave.example",
    )
    raj = CardFields(
        "Raj Patel",
        title="Hiring Manager, Analytics",
        company="Acme Corp",
        email="raj.patel@acme.example",
        phone="+1 415 555 0188",
        phone_e164="+14155550188",
        address="1 Market St\nSan Francisco CA 94105",
    )
    kate = CardFields(
        "Katherine Moore",
        company="Northwind GmbH",
        email="k.moore@northwind.example",
        phone="+49 30 901820",
        phone_e164="+4930901820",
    )
    mecard = r"MECARD:N:Moore,Katherine;ORG:Northwind GmbH;TEL:+49 30 901820;EMAIL:k.moore@northwind.example;;"
    return [
        ("Ana Silva\nProduct Lead\nBrightwave Labs", write_vcards([ana]), ana, "vCard 3.0"),
        ("RAJ PATEL\nAcme Corp", write_vcards([raj]), raj, "vCard 3.0"),
        ("Katherine Moore\nNorthwind", mecard, kate, "MeCard"),
    ]


def accuracy(quick: bool, verbose: bool) -> None:
    cards = []
    for label, path in SETS.items():
        cards += [(label, card) for card in json.loads(path.read_text(encoding="utf-8"))]
    if quick:
        cards = cards[::4]
    styles = looks(len(cards))
    table = {field: [0, 0] for field in FIELDS}  # right vs expected, same as typed
    misses: list[str] = []
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for number, ((label, card), look) in enumerate(zip(cards, styles, strict=True)):
            path = Path(folder) / f"card{number}.jpg"
            card_photo(card["text"], look, seed=number).save(path, quality=88)
            start = time.perf_counter()
            got = read_photo(path, card["region"]).fields.as_dict()
            times.append(time.perf_counter() - start)
            typed = parse_card(card["text"], card["region"]).as_dict()
            for field in FIELDS:
                want = card["expect"].get(field, "")
                table[field][0] += got[field] == want
                table[field][1] += got[field] == typed[field]
                if verbose and got[field] != want:
                    misses.append(
                        f"{label} card {number} ({look.describe()}) {field}: want {want!r} got {got[field]!r}"
                    )
        total = len(cards)
        print(f"\nPhotos of {total} text cards ({', '.join(SETS)}), each in its own print and photo")
        print(f"{'field':<12} {'right':>6} {'accuracy':>9} {'vs typed':>9}")
        for field, (right, same) in table.items():
            print(f"{field:<12} {right:>6} {right / total:>8.0%} {same / total:>8.0%}")
        right = sum(r for r, _ in table.values())
        same = sum(s for _, s in table.values())
        cells = total * len(FIELDS)
        print(f"{'all fields':<12} {right:>6} {right / cells:>8.1%} {same / cells:>8.1%}   (target >= 92% right)")
        print(f"reading time per photo: median {statistics.median(times):.2f} s, slowest {max(times):.2f} s")
        for line in misses:
            print("  " + line)

        qr_right = qr_total = 0
        for number, (printed, payload, expected, kind) in enumerate(qr_cards()):
            path = Path(folder) / f"qr{number}.jpg"
            card_photo(printed, looks(number + 1)[-1], qr_payload=payload, seed=number).save(path, quality=88)
            got = read_photo(path).fields.as_dict()
            want = expected.as_dict()
            right = sum(got[f] == want[f] for f in FIELDS)
            qr_right += right
            qr_total += len(FIELDS)
            wrong = [f for f in FIELDS if got[f] != want[f]]
            print(f"QR {kind:<10} {right}/{len(FIELDS)} fields right" + (f"; wrong: {wrong}" if wrong else ""))
        print(f"QR codes: {qr_right}/{qr_total} fields right ({qr_right / qr_total:.0%}; target 100%)")


def main() -> None:
    quick = "--quick" in sys.argv
    speed(2 if quick else 5)
    accuracy(quick, "-v" in sys.argv)


if __name__ == "__main__":
    main()
