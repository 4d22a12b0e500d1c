"""Bulletin covers and one-page PDFs drawn on the fly with Pillow (no PDF library needed)."""

import io

from PIL import Image, ImageDraw

from catalog.demo import images

COVER_SIZE = (620, 877)  # A4 proportions


def cover(title, subtitle, lines):
    picture = Image.new("RGB", COVER_SIZE, (250, 248, 240))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, COVER_SIZE[0], 170), fill=(31, 111, 67))
    draw.text(
        (36, 40), images.displayable("BẢN TIN KHUYẾN CÔNG"), font=images.font(40), fill="white"
    )
    draw.text((36, 104), images.displayable(subtitle), font=images.font(26), fill="white")
    draw.text((36, 210), images.displayable(title), font=images.font(24), fill=(29, 42, 35))
    y = 270
    for line in lines:
        draw.text((36, y), images.displayable(f"• {line}"), font=images.font(20), fill=(60, 60, 60))
        y += 36
    draw.text(
        (36, COVER_SIZE[1] - 60),
        images.displayable(images.SAMPLE_MARK),
        font=images.font(22),
        fill=(161, 42, 29),
    )
    return picture


def png_bytes(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "PDF", resolution=72.0, title="Ban tin khuyen cong")
    return buffer.getvalue()
