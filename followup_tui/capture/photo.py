"""A photo of a business card -> its text and fields (pure: no Textual, no database).

A QR code is looked for first (zxing-cpp): a vCard or MeCard in it gives the fields exactly. Otherwise the
printed text is recognised (RapidOCR, whose wheel carries its models: nothing is downloaded), put in reading
order and handed to the card parser. These libraries are the optional `photo` extra; they load only when a
photo is read, so the app and `followup today` start as fast without them.
"""

from __future__ import annotations

import importlib.util
import math
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from followup_tui.capture.card_text import CardTooLong, parse_card
from followup_tui.capture.ocr_lines import Piece, reading_order
from followup_tui.contact import CardFields
from followup_tui.text import clean_text

if TYPE_CHECKING:
    from PIL.Image import Image

    from followup_tui.capture.qr_codes import CodeCard

INSTALL_HINT = "pip install 'followup-tui[photo]'"
# The import names of the extra's packages (pillow-heif is optional within it: HEIC only where it installs).
NEEDED = ("PIL", "numpy", "zxingcpp", "rapidocr_onnxruntime")
MAX_BYTES = 50 * 1024 * 1024
# Recognition works on the image brought to this longest side: a card fills most of a phone's photo, so
# its smallest print is still 15+ px high, and a 12-megapixel photo reads in a third of the time. Smaller
# images are enlarged to it (up to MAX_ENLARGEMENT): at 1300 px the recogniser drops the spaces between
# words of 8-point print ("1200MarketStreet"), at 1600 it keeps them (benchmarks/photo_capture.py).
LONGEST_SIDE = 1600
MAX_ENLARGEMENT = 3.0
DETECT_SIDE = 960  # the longest side of the image the lines are found on (they are read on the larger one)
MIN_SIDE = 32
# Fewer legible characters than this (a card has 60 or more), or a lower mean confidence (upright print
# reads at 0.95 or more, text on its side or upside down below 0.6): the photo is turned and read again.
FEW_CHARACTERS = 20
UPRIGHT_CONFIDENCE = 0.8
# A reading whose lines slope by more than READS_WITHIN degrees is done again on the photo levelled: the
# recogniser reads print at up to about 40° from level, and all of it once levelled (benchmarks/photo_capture.py).
LEVEL_WITHIN = 12.0
READS_WITHIN = 40.0
DARK_PAPER = 110  # a line whose median level (0-255) is below this is light print on a dark card
SHARPEN, SOFTEN = 1.0, 3.0  # the unsharp mask each line is given before it is read (see _LineReader)
MIN_SCORE = 0.5  # pieces read with less confidence are left out (RapidOCR's own default)
SUFFIXES = ".jpg .jpeg .png .webp .heic .heif"

# A word of lower-case letters with a 0 or 1 in it or at its end: "Francisc0", "A1ice" is left (capitals).
LETTERS_WITH_A_DIGIT = re.compile(r"(?<![\w@./-])[A-Za-z][a-z]+[01][a-z]*(?![\w@./-])")

# "j .weber@", "lukas. fischer@", "acme. com", "orbitworks . com": a dot with spaces read beside it, in an
# address (before its @, or after it up to a top-level domain).
LOCAL_DOT_SPACES = re.compile(r"([\w+-]+)(?: +\. *| *\. +)(?=[\w+-]+(?:\.[\w+-]+)*@)")
DOMAIN_DOT_SPACES = re.compile(r"(?<=@)([\w-]+(?:\.[\w-]+)*)(?: +\. *| *\. +)(?=[a-z]{2,}\b)")
LONE_BAR = re.compile(r"(?<=\S) +(?:[Il]|[Il]?\|[Il]?) +(?=\S)")  # "A I B", "A I| B": a bar, read doubled
NUMERAL_TWO = re.compile(r"(?<=\w )(?:Il|lI|ll)(?=\s*(?:\d|,|$))")
DIGITS_WITH_AN_L = re.compile(r"(?<![\w-])(?=[\dl-]*\d)[\dl]+(?:-[\dl]+)+(?![\w-])")
CAPITAL_ZERO = re.compile(r"(?<![\w@./-])[A-Z]0[a-z]+(?![\w@./-])")  # "B0x": an O, after a capital
PO_BOX = re.compile(r"(?<=\bP)0(?=\s*Box\b)|(?<=\bGP)0(?=\s*Box\b)|(?<=\bP\.)0(?=\.\s*Box\b)")
STRASSE = re.compile(r"(?<=[a-zäöü])straBe\b|\bStraBe\b")
NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'-]*")
UMLAUTS = {"u": "ü", "o": "ö", "a": "ä"}
LOOKS_THE_SAME = "cosvwxz"  # letters whose capital is the small letter made larger
PARTICLES = {"van", "von", "vom", "der", "den", "del", "della", "los", "las", "les", "zum", "zur", "ter", "ten"}
PHONE_LABEL_RUN_IN = re.compile(
    r"\b((?:tel|tél|phone|ph|fax|mob|mobile|cell|cel|mobil|handy|ddi|dd|direct|office|[tmfopc])\.?:?)"
    r"(?=[+(]?\d[\d ().-]{6,})",
    re.IGNORECASE,
)

Progress = Callable[[str], None]
# RapidOCR's answer: (four corners, text, score) per piece, or None when it found nothing; and its timings.
Recognised = tuple[list[tuple[list[list[float]], str, float]] | None, object]


class PhotoError(ValueError):
    """A photo that cannot be read, with a message for the user."""


class PhotoSupportMissing(PhotoError):
    """The optional recognition libraries are not installed."""


@dataclass(frozen=True)
class PhotoCard:
    """What a photo gave: the card's fields, the text they came from, and the QR code's kind if one was read."""

    fields: CardFields
    text: str
    code: str = ""  # "vCard", "MeCard" or "web address"; empty when no QR code was read


def support_missing() -> str | None:
    """Why photos cannot be read here (the extra is not installed), or None; imports nothing."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if not missing:
        return None
    return f"Reading photos needs the photo extra, which is not installed here: {INSTALL_HINT}"


def heic_supported() -> bool:
    """Whether HEIC photos (iPhones') can be opened: pillow-heif installed."""
    return importlib.util.find_spec("pillow_heif") is not None


def read_photo(path: Path, region: str = "US", progress: Progress | None = None) -> PhotoCard:
    """The card in a photo file: QR code first, then the printed text."""
    report = progress or (lambda _step: None)
    if problem := support_missing():
        raise PhotoSupportMissing(problem)
    # The recogniser loads (0.6 s, the first time) while the photo is decoded and searched for a QR code.
    # Not a daemon: a QR code's card returns before the load ends, and a process ending in the middle of
    # onnxruntime's start aborted ("terminate called without an active exception", exit code -6).
    loading = threading.Thread(target=warm_up, name="followup-ocr-models")
    loading.start()
    report("Opening the photo")
    image = load_image(path)
    report("Looking for a QR code")
    code = _code_in(image, region)
    if code is not None and code.is_contact:
        return PhotoCard(code.fields, card_as_text(code.fields), code.kind)
    report("Reading the text")
    loading.join()
    text = recognise_text(image, report)
    if not text.strip():
        if code is not None:  # a web address alone is still something
            return PhotoCard(code.fields, card_as_text(code.fields), code.kind)
        raise PhotoError(f"No text was found in {path.name}: take the photo closer, in good light, card filling it.")
    try:
        fields = parse_card(text, region)
    except CardTooLong:
        raise PhotoError(
            f"{path.name} holds more text than a business card ({len(text.splitlines())} lines): "
            "photograph one card at a time."
        ) from None
    if code is not None:
        fields = CardFields(**(fields.as_dict() | {k: v for k, v in code.fields.as_dict().items() if v}))
    return PhotoCard(fields, text, code.kind if code else "")


def load_image(path: Path) -> Image:
    """The photo upright (EXIF orientation), in RGB on white, its longest side at most LONGEST_SIDE."""
    from PIL import Image as PILImage
    from PIL import ImageOps, UnidentifiedImageError
    from PIL.Image import Resampling

    _register_heic()
    name = path.name
    if path.is_dir():
        raise PhotoError(f"{path} is a folder: give the photo's file.")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PhotoError(f"No file at {path}.") from None
    except OSError as error:
        raise PhotoError(f"Cannot read {path}: {error.strerror}.") from None
    if size == 0:
        raise PhotoError(f"{name} is empty (0 bytes): it is not a photo.")
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        raise PhotoError(f"{name} is {size / 1024 / 1024:.0f} MB; photos up to {limit} MB are read.")
    kinds = "JPEG, PNG, WebP" + (" or HEIC" if heic_supported() else "")
    try:
        image = PILImage.open(path)
        scale = LONGEST_SIDE / max(image.size)
        if scale < 1:  # JPEG decodes at 1/2, 1/4 or 1/8 directly: a 12-megapixel photo in a quarter of the time
            image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
        upright = ImageOps.exif_transpose(image)
    except UnidentifiedImageError:
        raise PhotoError(f"{name} is not a photo followup can read ({kinds}).") from None
    except PILImage.DecompressionBombError:
        raise PhotoError(f"{name} has too many pixels to be a photo of a card.") from None
    except (OSError, SyntaxError, ValueError) as error:  # Pillow's word for a damaged or cut-short file
        raise PhotoError(f"{name} could not be read: the file is damaged or incomplete ({error}).") from None
    if min(upright.size) < MIN_SIDE:
        raise PhotoError(f"{name} is {upright.width}×{upright.height} pixels: too small to read a card in.")
    upright = _on_white(upright)
    scale = min(LONGEST_SIDE / max(upright.size), MAX_ENLARGEMENT)
    if scale < 1:
        upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    elif scale > 1:
        upright = upright.resize((round(upright.width * scale), round(upright.height * scale)), Resampling.LANCZOS)
    return upright


def _on_white(image: Image) -> Image:
    """RGB; a transparent background (a PNG of a card) becomes white, not black."""
    from PIL import Image as PILImage

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = PILImage.new("RGBA", rgba.size, "white")
        return PILImage.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def _register_heic() -> None:
    if heic_supported():
        from pillow_heif import register_heif_opener

        register_heif_opener()


def _code_in(image: Image, region: str) -> CodeCard | None:
    """The first QR code in the photo that holds a contact, else one that holds a web address."""
    import zxingcpp

    from followup_tui.capture.qr_codes import card_from_code  # with the vCard reader: loaded when first used

    formats = zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode])
    codes = zxingcpp.read_barcodes(image, formats=formats)
    found = [card for card in (card_from_code(code.text, region) for code in codes) if card is not None]
    return next((card for card in found if card.is_contact), found[0] if found else None)


def recognise_text(image: Image, report: Progress) -> str:
    """The printed text in reading order; a photo taken at a slant, on its side or upside down is turned first.

    The first reading tells which way the lines run (the long sides of the boxes found): a photo whose
    lines slope by more than LEVEL_WITHIN is levelled and read again; one that is level but reads badly
    is turned over; a quarter turn either way is the last resort. The best reading wins."""
    best = _ocr(image)
    slope = _slope(best)
    if _upright(best) and abs(slope) <= READS_WITHIN:
        return _reading(best)
    if abs(slope) > LEVEL_WITHIN:
        report(f"The lines slope by {slope:.0f}°: levelling the photo")
        level = _turned(image, slope)
        turns = [level, level.rotate(180)]
    else:
        turns = [image.rotate(180), image.rotate(90, expand=True), image.rotate(270, expand=True)]
    for number, turned in enumerate(turns):
        if number or abs(slope) <= LEVEL_WITHIN:
            report("Little text read: turning the photo")
        reading = _ocr(turned)
        if _upright(reading):
            best = reading
            break
        if _legible(reading) > _legible(best):
            best = reading
    return _reading(best)


def _turned(image: Image, degrees: float) -> Image:
    """The image turned counter-clockwise; a quarter turn exactly when it is nearly one (no blur from resampling)."""
    from PIL.Image import Resampling

    for quarter in (-90, 90):
        if abs(degrees - quarter) < 3:
            return image.rotate(quarter, expand=True)
    return image.rotate(degrees, Resampling.BICUBIC, expand=True, fillcolor="white")


def _reading(pieces: list[Piece]) -> str:
    return clean_text(tidy(reading_order([piece for piece in pieces if piece.score >= MIN_SCORE])))


def _slope(pieces: list[Piece]) -> float:
    """The direction the lines run, in degrees clockwise from level (-90 to 90), by their boxes' long sides."""
    angles = []
    for piece in pieces:
        (x0, y0), (x1, y1), (x2, y2) = piece.corners[:3]
        # The long side of the box runs along the line, whichever corner the recogniser listed first.
        dx, dy = (x1 - x0, y1 - y0) if piece.width() >= piece.height() else (x2 - x1, y2 - y1)
        angle = math.degrees(math.atan2(dy, dx))
        angles.append((angle + 90) % 180 - 90)
    return median(angles) if angles else 0.0


def _legible(pieces: list[Piece]) -> float:
    """Characters read on level lines, each weighted by the recogniser's confidence.

    Text on its side or upside down scores low: the recogniser reads it as a few unsure letters (the
    recogniser's own 180° classifier is off, so that an upside-down photo shows as one), and lines
    standing on end are not counted at all, as they would come out in the wrong order."""
    return sum(len(p.text.strip()) * p.score for p in pieces if p.height() < 1.5 * p.width())


def _upright(pieces: list[Piece]) -> bool:
    """Enough text read with confidence that the photo needs no turning."""
    level = [p for p in pieces if p.text.strip() and p.height() < 1.5 * p.width()]
    if not level:
        return False
    confidence = sum(p.score for p in level) / len(level)
    return _legible(pieces) >= FEW_CHARACTERS and confidence >= UPRIGHT_CONFIDENCE


def tidy(text: str) -> str:
    """The recogniser's quirks undone: full-width punctuation from its Chinese training, "Street,Suite",
    "Francisc0" (a 0 or 1 among lower-case letters is an o or an l; emails and web addresses are left alone),
    and the repairs of _repaired on each line."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r",(?=[^\W\d_])", ", ", text)
    text = LETTERS_WITH_A_DIGIT.sub(lambda word: word[0].replace("0", "o").replace("1", "l"), text)
    text = "\n".join(_repaired(line) for line in text.split("\n"))
    return _umlauts_from_addresses(text)


def _umlauts_from_addresses(text: str) -> str:
    """ "Anna Muller" on a card whose email is anna.mueller@...: the recogniser lost the ü (it has no ö or ß
    and often drops ü and ä) that the address spells as ue; the word is given its umlaut back."""
    addresses = " ".join(re.findall(r"\S+@\S+|\bwww\.\S+|https?://\S+", text)).lower()
    if not addresses:
        return text

    def restored(word: re.Match[str]) -> str:
        plain = word[0]
        for at, letter in enumerate(plain):
            umlaut = UMLAUTS.get(letter.lower())
            spelled = plain[: at + 1] + "e" + plain[at + 1 :]
            if umlaut and spelled.lower() in addresses and plain.lower() not in addresses:
                return plain[:at] + (umlaut.upper() if letter.isupper() else umlaut) + plain[at + 1 :]
        return plain

    lines = text.split("\n")
    plain_word = re.compile(r"\b[A-Za-z]{3,}\b")
    return "\n".join(line if "@" in line or "www." in line else plain_word.sub(restored, line) for line in lines)


def _repaired(line: str) -> str:
    """One line's misreadings that only one reading makes sense of.

    "j .weber@acme. com": spaces read around an address's dots (an address has none); "Ana Lee I CTO": a bar
    between fields read as a lone I or l (no word on a card is a lone I or l); "Engineer Il": the numeral II;
    "2-l-l Nihonbashi": an l among digits is a 1; "P0 B0x": PO Box; "Hauptstraβe" read "HauptstraBe"; "Fax2125550188": a
    phone label run into its number."""
    if "@" in line:
        line = LOCAL_DOT_SPACES.sub(lambda dot: dot[0] if _is_label(dot[1]) else f"{dot[1]}.", line)
        line = DOMAIN_DOT_SPACES.sub(r"\1.", line)
    line = LONE_BAR.sub(" | ", line)
    line = NUMERAL_TWO.sub("II", line)
    line = DIGITS_WITH_AN_L.sub(lambda group: group[0].replace("l", "1"), line)
    line = STRASSE.sub("straße", line)
    line = CAPITAL_ZERO.sub(lambda word: word[0].replace("0", "o"), line)
    line = PO_BOX.sub("O", line)
    line = _capital_read_small(line)
    return PHONE_LABEL_RUN_IN.sub(r"\1 ", line)


def _capital_read_small(line: str) -> str:
    """ "oliver Bennett", "Priyanka lyer": a capital whose small letter looks the same (O, C, S...) or a
    capital I read as an l, in a line shaped like a name (two or three words, the others capitalised)."""
    words = line.split(" ")
    small = [n for n, word in enumerate(words) if word[:1].islower()]
    if not 2 <= len(words) <= 3 or len(small) != 1 or not all(NAME_WORD.fullmatch(w) for w in words):
        return line
    word = words[small[0]]
    if len(word) < 3 or word.lower() in PARTICLES:
        return line
    if word[0] in LOOKS_THE_SAME:
        words[small[0]] = word[0].upper() + word[1:]
    elif word[0] == "l":  # a small l starts no name: the recogniser reads a capital I so ("lyer" is Iyer)
        words[small[0]] = "I" + word[1:]
    return " ".join(words)


def _is_label(word: str) -> bool:
    """Whether a word before "x. name@" is a label ("E. ana@acme.com"), whose dot is not the address's."""
    from followup_tui.capture.card_text import LABEL

    return bool(LABEL.match(word))


def _ocr(image: Image) -> list[Piece]:
    import numpy

    pixels = numpy.asarray(image)[:, :, ::-1]  # RapidOCR reads arrays as OpenCV's BGR
    result, _elapsed = _engine()(pixels, use_cls=False, text_score=0.0)
    pieces = []
    for box, text, score in result or []:
        corners = tuple((float(x), float(y)) for x, y in box)
        pieces.append(Piece(text, corners, float(score)))
    return pieces


def warm_up() -> None:
    """Load the recogniser and its models now (the app does it while the user picks a photo)."""
    if support_missing() is None:
        _engine()


_LOADING = threading.Lock()  # one load of the models, however many threads ask at once


def _engine() -> Callable[..., Recognised]:
    """The recogniser, loaded on first use."""
    with _LOADING:
        return _load_engine()


@cache
def _load_engine() -> Callable[..., Recognised]:
    """RapidOCR with its bundled models, loaded once (about 0.15 s); its loggers quietened."""
    import logging

    from rapidocr_onnxruntime import RapidOCR

    for name in ("RapidOCR", "OrtInferSession"):
        # Its own handler writes to stderr, which would draw over the app's screen.
        logging.getLogger(name).setLevel(logging.ERROR)
    engine = RapidOCR()
    detector = getattr(engine, "text_det", None)
    if detector is not None and hasattr(detector, "get_preprocess"):
        from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

        # RapidOCR 1.4 finds the lines on the whole 1600-px image (1.4 s on this machine's two cores); at
        # 960 px it finds the same lines in 0.5 s, and still reads each one from the 1600-px image.
        def smaller(_longest: int) -> object:
            return DetPreProcess(DETECT_SIDE, "max", detector.mean, detector.std)

        detector.get_preprocess = smaller
    reader = getattr(engine, "text_rec", None)
    if reader is not None:
        engine.text_rec = _LineReader(reader)
    recognise: Callable[..., Recognised] = engine
    return recognise


class _LineReader:
    """RapidOCR's line reader, given each line as sharp dark print on light paper.

    The recogniser was trained on sharp dark print. White print on a dark card, and print blurred by the
    lens or by JPEG, loses the spaces between words ("JordanBlake", "30StMaryAxe") and misreads letters
    ("lyer"): the gaps between letters fill in. Each line is turned dark on light (a line whose median
    level, its paper's, is dark: print covers well under half of its box) and given an unsharp mask,
    which opens the gaps again. On the photos of benchmarks/photo_capture.py, dark on light alone took the
    dark cards from 89.8% to 91.0% of fields right; with the mask, all 9 names lost so (of 128 cards) came back."""

    def __init__(self, reader: Callable[..., tuple[list[tuple[str, float]], float]]) -> None:
        self.reader = reader

    def __call__(self, crops: list[object], *args: object) -> tuple[list[tuple[str, float]], float]:
        return self.reader([_prepared(crop) for crop in crops], *args)


def _prepared(crop: object) -> object:
    """One line's pixels dark on light and sharpened (unsharp mask: SHARPEN x the detail lost at SOFTEN px)."""
    import cv2
    import numpy

    pixels = numpy.ascontiguousarray(crop)
    if not pixels.size:
        return crop
    if numpy.median(pixels) < DARK_PAPER:
        pixels = 255 - pixels
    soft = cv2.GaussianBlur(pixels, (0, 0), SOFTEN)
    return cv2.addWeighted(pixels, 1 + SHARPEN, soft, -SHARPEN, 0)


def card_as_text(card: CardFields) -> str:
    """A QR code's card as the lines a printed card shows, for the paste box."""
    labelled = (("phone", "Tel: "), ("mobile", "Mobile: "), ("fax", "Fax: "))
    lines = [card.name, card.title, card.company, card.email]
    lines += [f"{label}{getattr(card, name)}" for name, label in labelled if getattr(card, name)]
    lines += [card.website, card.linkedin, card.address]
    return "\n".join(line for line in lines if line)
