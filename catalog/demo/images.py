"""Sample pictures drawn with Pillow at load time, so no binary files live in the repository.

Each picture is a flat colour for the product group, a simple motif (woven strips for
handicrafts, grains for food, a gear for machinery, bricks for other products), the name
and a "sample data" mark. Drawing is deterministic: the same name gives the same picture.
"""

import functools
import io
import random
import textwrap
import unicodedata

from PIL import Image, ImageDraw, ImageFont

PHOTO_SIZE = (1200, 800)
LOGO_SIZE = (400, 400)

# Base colour per top-level group (RGB).
GROUP_COLOURS = {
    "handicraft": (141, 85, 36),
    "food": (46, 125, 50),
    "machinery": (55, 89, 122),
    "other": (123, 63, 97),
}
LEGAL_FORM_COLOURS = {
    "enterprise": (21, 101, 192),
    "cooperative": (46, 125, 50),
    "household": (191, 96, 24),
    "craft_village": (121, 85, 72),
}
TRADEMARK_KIND_COLOURS = {
    "ordinary": (69, 90, 100),
    "collective": (173, 20, 87),
    "certification": (0, 121, 107),
    "geographical": (198, 40, 40),
}
SAMPLE_MARK = "DỮ LIỆU MẪU"

# Fonts with Vietnamese glyphs that Pillow can find by name on common systems; Pillow's own
# default font only covers ASCII, so without one of these the text is drawn without marks.
FONT_CANDIDATES = (
    "DejaVuSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "FreeSansBold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
)
_VIETNAMESE_PROBE = "ăâđêôơưạảãắặếữỹĂĐƯỞ"
_MISSING_PROBE = "\U0010fffd"  # a private-use code point no font draws


def _covers_vietnamese(font):
    """Whether the font draws every probe letter with a real glyph rather than its
    "missing glyph" box."""
    missing = font.getmask(_MISSING_PROBE)
    missing = (missing.size, bytes(missing))
    for char in _VIETNAMESE_PROBE:
        mask = font.getmask(char)
        if mask.size == (0, 0) or (mask.size, bytes(mask)) == missing:
            return False
    return True


@functools.cache
def _font_file():
    """The first installed font that covers Vietnamese, or None."""
    for name in FONT_CANDIDATES:
        try:
            font = ImageFont.truetype(name, 24)
        except OSError:
            continue
        if _covers_vietnamese(font):
            return name
    return None


@functools.cache
def font(size):
    """A font of the given pixel size: a Vietnamese-capable one if installed, else Pillow's
    scalable default font (Pillow >= 10.1)."""
    name = _font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def strip_marks(text):
    """The text without diacritics, keeping case ("Mỳ Chũ" -> "My Chu"), for fonts that only
    draw ASCII. Unlike catalog.base.text.fold it keeps capitals and the y/i spelling, because it
    is shown, not compared."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def displayable(text):
    """The text as it can be drawn with the available font."""
    text = unicodedata.normalize("NFC", text)
    return text if _font_file() else strip_marks(text)


def _shade(colour, factor):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def _wrap(draw, text, fnt, width):
    """Lines of text no wider than width pixels."""
    for chars in range(40, 8, -2):
        lines = textwrap.wrap(text, chars)
        if all(draw.textlength(line, font=fnt) <= width for line in lines):
            return lines
    return textwrap.wrap(text, 8)


def _motif(draw, group, size, colour, rng):
    w, h = size
    light = _shade(colour, 1.35)
    dark = _shade(colour, 0.75)
    if group == "handicraft":  # woven strips, like a bamboo basket
        step = 60
        for i, x in enumerate(range(0, w + step, step)):
            draw.rectangle([x, 0, x + step // 2 - 4, h], fill=light if i % 2 else dark)
        for j, y in enumerate(range(0, h, step)):
            for i, x in enumerate(range(0, w + step, step)):
                if (i + j) % 2:
                    draw.rectangle([x - 4, y, x + step // 2, y + step // 2], fill=colour)
    elif group == "food":  # scattered grains and fruits
        for _ in range(90):
            x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(12, 48)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([light, dark]))
    elif group == "machinery":  # a large gear and a smaller one
        for cx, cy, radius in ((w * 0.78, h * 0.35, 230), (w * 0.18, h * 0.78, 140)):
            teeth = 12
            for k in range(teeth):
                draw.regular_polygon((cx, cy, radius), 4, rotation=k * 360 / teeth / 2, fill=light)
            draw.ellipse(
                [cx - radius * 0.8, cy - radius * 0.8, cx + radius * 0.8, cy + radius * 0.8],
                fill=dark,
            )
            draw.ellipse(
                [cx - radius * 0.3, cy - radius * 0.3, cx + radius * 0.3, cy + radius * 0.3],
                fill=colour,
            )
    else:  # bricks
        bh, bw = 50, 140
        for row, y in enumerate(range(0, h, bh)):
            offset = (bw // 2) * (row % 2)
            for x in range(-offset, w, bw):
                draw.rectangle(
                    [x + 3, y + 3, x + bw - 3, y + bh - 3], fill=rng.choice([light, dark])
                )


def _to_bytes(image, kind):
    buffer = io.BytesIO()
    if kind == "png":
        image.save(buffer, "PNG")
    else:
        image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def photo(title, subtitle, group, seed):
    """A 1200x800 JPEG standing in for a product or workshop photo."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    colour = _shade(GROUP_COLOURS.get(group, GROUP_COLOURS["other"]), rng.uniform(0.85, 1.15))
    image = Image.new("RGB", PHOTO_SIZE, colour)
    draw = ImageDraw.Draw(image)
    _motif(draw, group, PHOTO_SIZE, colour, rng)

    # A plain panel, as high as the text, keeps the text readable over the motif.
    w, h = PHOTO_SIZE
    title_font, small_font = font(58), font(32)
    lines = _wrap(draw, displayable(title), title_font, w - 220)[:2]
    top = h - 90 - 70 * len(lines) - 80
    draw.rounded_rectangle([80, top, w - 80, h - 70], radius=24, fill=(255, 255, 255))
    y = top + 25
    for line in lines:
        draw.text((110, y), line, font=title_font, fill=(33, 33, 33))
        y += 70
    draw.text((110, y + 10), displayable(subtitle)[:70], font=small_font, fill=(90, 90, 90))
    mark = displayable(SAMPLE_MARK)
    draw.rounded_rectangle([w - 330, 40, w - 40, 100], radius=12, fill=(183, 28, 28))
    draw.text((w - 185, 70), mark, font=font(30), fill=(255, 255, 255), anchor="mm")
    return _to_bytes(image, "jpeg")


def initials(name, limit=3):
    """Up to `limit` capital initials of the significant words of a name."""
    words = [w for w in displayable(name).split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words[:limit]) or "?"


def logo(short_name, colour, seed):
    """A 400x400 PNG emblem: a disc of the given colour with the initials and the short name."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    colour = _shade(colour, rng.uniform(0.85, 1.15))
    image = Image.new("RGB", LOGO_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    w, h = LOGO_SIZE
    draw.ellipse([20, 20, w - 20, h - 20], fill=colour)
    draw.ellipse([48, 48, w - 48, h - 48], outline=(255, 255, 255), width=6)
    draw.text(
        (w / 2, h / 2 - 20), initials(short_name), font=font(100), fill=(255, 255, 255), anchor="mm"
    )
    label_font = font(28)
    lines = _wrap(draw, displayable(short_name), label_font, w - 180)
    if len(lines) > 2:
        lines = [lines[0], lines[1] + ("…" if _font_file() else "...")]
    for number, line in enumerate(lines):
        draw.text(
            (w / 2, h / 2 + 65 + 34 * number),
            line,
            font=label_font,
            fill=(255, 255, 255),
            anchor="mm",
        )
    return _to_bytes(image, "png")
