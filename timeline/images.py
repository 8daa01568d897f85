"""Event images: checked, stripped of their metadata, stored with resized copies.

An upload is opened by Pillow, not trusted by its name or content type: only
JPEG, PNG and WebP pass, within a byte and a pixel limit. It is then drawn
again from its pixels (turned upright first), which leaves EXIF, GPS and any
other metadata behind, and saved through Django's storage API with one copy
per width in WIDTHS that is narrower than the image, for `srcset`. Which
storage that is (the file system, an S3 bucket) is configuration: nothing here
asks for a path on disk, only names the storage understands.
"""

from __future__ import annotations

import io
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
WIDTHS = (480, 960, 1600)
MAX_PIXELS = 40_000_000  # a decompression bomb stops here, long before memory does


def variant_name(name: str, width: int) -> str:
    """Where the copy `width` pixels wide of the image stored as `name` is."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w{path.suffix}"))


def check(upload) -> Image.Image:
    """The upload as an image, or a ValidationError saying what is wrong with it."""
    limit = settings.TIMELINE_MAX_IMAGE_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The image is %(size)s MB; the limit is %(limit)s MB."),
            code="image_too_large",
            params={"size": round(upload.size / 1e6, 1), "limit": round(limit / 1e6, 1)},
        )
    upload.seek(0)
    try:
        image = Image.open(upload)
        if image.format not in FORMATS:
            raise ValidationError(
                _("Upload a JPEG, PNG or WebP image, not %(format)s."),
                code="image_type",
                params={"format": image.format or _("this file")},
            )
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."), code="image_too_large")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image."), code="not_an_image") from None
    return image


def _encode(image: Image.Image, format: str) -> bytes:
    out = io.BytesIO()
    if format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
    else:
        # No exif=, no pnginfo=: Pillow writes only the pixels.
        image.save(out, format, optimize=True)
    return out.getvalue()


def attach(event, upload, *, alt: str, caption: str = "", credit: str = "") -> None:
    """Give `event` the uploaded image, clean and resized; replaces any image it had."""
    image = check(upload)
    format = image.format
    image = ImageOps.exif_transpose(image)
    # Redrawn from its pixels: nothing of the original file but the picture remains.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if clean.width > WIDTHS[-1]:
        clean.thumbnail((WIDTHS[-1], WIDTHS[-1] * 10))
    stem = PurePosixPath(getattr(upload, "name", "") or "image").stem[:60] or "image"
    # A name no other upload has, whatever the storage does with a taken one (S3 storage
    # overwrites by default). It ends in hex, and copies' names end in "w" after the width,
    # so no image's name can be another image's copy.
    stem = f"{stem}-{secrets.token_hex(4)}"
    detach(event)
    event.image.save(f"{stem}.{FORMATS[format]}", ContentFile(_encode(clean, format)), save=False)
    widths = []
    for width in WIDTHS:
        if width >= clean.width:
            break
        copy = clean.copy()
        copy.thumbnail((width, clean.height))
        name = variant_name(event.image.name, width)
        event.image.storage.save(name, ContentFile(_encode(copy, format)))
        widths.append(width)
    event.image_widths = [*widths, clean.width]
    # Stored, so no page opens the file to learn them when it loads the event.
    event.image_width, event.image_height = clean.width, clean.height
    event.image_alt, event.image_caption, event.image_credit = alt, caption, credit
    event.save()


def detach(event) -> None:
    """Remove the event's image files (not the event's fields: the caller saves)."""
    if not event.image:
        return
    storage, name = event.image.storage, event.image.name
    for width in event.image_widths[:-1]:
        storage.delete(variant_name(name, width))
    storage.delete(name)
    event.image_widths = []
