"""Photos of business cards made with Pillow, for the photo tests and benchmarks/photo_capture.py.

A card is drawn at print size (a 3.5 × 2 inch card at 300 dpi), then "photographed": laid on a table
background, turned a little, blurred and given sensor noise, as a phone's photo of it would be.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

CARD_SIZE = (1050, 600)
MARGIN = 60  # px from the card's edge to its print
MIN_SIZE = 24  # px: 6 pt at 300 dpi, the smallest print a card is set in
# Where a long line may be broken: at a bullet, bar or middle dot between its fields.
SEPARATOR = re.compile(r" [•|·] ")
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
# DejaVu comes with the machine (Debian's fonts-dejavu-core); where it is missing, Pillow's own font is used.
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansCondensed.ttf", "DejaVuSansMono.ttf")


def font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font by file name, or Pillow's built-in one at that size."""
    path = FONT_FOLDER / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def fonts() -> list[str]:
    """The font files this machine has (at least the built-in one, named "")."""
    return [name for name in FONT_FILES if (FONT_FOLDER / name).is_file()] or [""]


@dataclass(frozen=True)
class Look:
    """How a card is printed and photographed."""

    font: str = "DejaVuSans.ttf"
    size: int = 34  # points at 300 dpi: 34 px is an 8 pt line, as on most cards
    dark: bool = False
    angle: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    photo_scale: float = 1.0  # > 1: a phone's photo, with the card filling about half of it

    def describe(self) -> str:
        """A short label for benchmark tables."""
        parts = [Path(self.font).stem or "built-in", f"{self.size}px", "dark" if self.dark else "light"]
        parts += [f"{self.angle:+.0f}°"] if self.angle else []
        parts += [f"blur {self.blur}"] if self.blur else []
        parts += [f"noise {self.noise:.0f}"] if self.noise else []
        return " ".join(parts)


def draw_card(text: str, look: Look = Look(), qr_payload: str | None = None) -> Image.Image:
    """The card printed flat: its lines left-aligned, the first (the name) larger; a QR code on the right.

    Print that would run off the card is laid out as a designer would: set smaller, down to MIN_SIZE,
    then a line too long even so is broken at one of its separators ("Ana Silva • Product Lead • ...")."""
    ink, paper = ("white", (28, 34, 48)) if look.dark else ((20, 20, 20), (250, 248, 240))
    card = Image.new("RGB", CARD_SIZE, paper)
    draw = ImageDraw.Draw(card)
    size, lines = _fitted(text.split("\n"), look)
    step = int(size * 1.45)
    big = int(size * 1.35)
    height = big + step * (len(lines) - 1)
    y = max(MARGIN // 2, (CARD_SIZE[1] - height) // 2)
    for number, line in enumerate(lines):
        line_size = big if number == 0 else size
        draw.text((MARGIN, y), line, fill=ink, font=font(look.font, line_size))
        y += int(line_size * 1.45)
    if qr_payload:
        import segno

        code = segno.make(qr_payload, error="m")
        scale = max(2, 300 // code.symbol_size(border=2)[0])
        png = io.BytesIO()
        code.save(png, kind="png", scale=scale, border=2)
        qr = Image.open(png).convert("RGB")
        card.paste(qr, (CARD_SIZE[0] - qr.width - 40, CARD_SIZE[1] - qr.height - 40))
    return card


def _fitted(lines: list[str], look: Look) -> tuple[int, list[str]]:
    """The print size and lines that fit on the card: look.size if they fit, else smaller, else broken."""
    size = look.size
    while size > MIN_SIZE and not _fits(lines, look.font, size):
        size -= 2
    if _fits(lines, look.font, size):
        return size, lines
    broken: list[str] = []
    for number, line in enumerate(lines):
        face = font(look.font, int(size * 1.35) if number == 0 and not broken else size)
        parts = SEPARATOR.split(line)
        current = parts[0]
        for part in parts[1:]:
            joined = SEPARATOR.search(line)
            mark = joined[0] if joined else " "
            if face.getlength(current + mark + part) > CARD_SIZE[0] - 2 * MARGIN:
                broken.append(current)  # the separator at a break is left out, as in print
                current = part
            else:
                current += mark + part
        broken.append(current)
    return size, broken


def _fits(lines: list[str], face: str, size: int) -> bool:
    big = int(size * 1.35)
    widest = max(font(face, big if n == 0 else size).getlength(line) for n, line in enumerate(lines))
    tall = big + int(size * 1.45) * (len(lines) - 1)
    return widest <= CARD_SIZE[0] - 2 * MARGIN and tall <= CARD_SIZE[1] - MARGIN


def photograph(card: Image.Image, look: Look = Look(), seed: int = 0) -> Image.Image:
    """The card as a photo: on a table, turned by look.angle, blurred, with noise."""
    table = (120, 104, 88)
    width, height = int(card.width * 1.25 * look.photo_scale), int(card.height * 1.3 * look.photo_scale)
    if look.photo_scale != 1.0:
        card = card.resize((int(card.width * look.photo_scale), int(card.height * look.photo_scale)))
    turned = card.rotate(look.angle, expand=True, fillcolor=table, resample=Image.Resampling.BICUBIC)
    photo = Image.new("RGB", (max(width, turned.width + 20), max(height, turned.height + 20)), table)
    photo.paste(turned, ((photo.width - turned.width) // 2, (photo.height - turned.height) // 2))
    if look.blur:
        photo = photo.filter(ImageFilter.GaussianBlur(look.blur))
    if look.noise:
        photo = _noisy(photo, look.noise, seed)
    return photo


def _noisy(image: Image.Image, amount: float, seed: int) -> Image.Image:
    """Gaussian sensor noise of standard deviation `amount` (in 0-255 levels), different for each seed."""
    from PIL import ImageChops

    noise = Image.effect_noise((image.width + 8, image.height), amount).convert("RGB")  # centred on 128
    shift = random.Random(seed).randint(0, 8)
    noise = noise.crop((shift, 0, shift + image.width, image.height))
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def card_photo(text: str, look: Look = Look(), qr_payload: str | None = None, seed: int = 0) -> Image.Image:
    """A photo of a card with this text, printed and photographed as `look` says."""
    return photograph(draw_card(text, look, qr_payload), look, seed)
