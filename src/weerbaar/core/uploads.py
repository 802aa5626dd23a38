"""Uploaded files (report attachments, case documents): type decided by content, metadata
removed before storage.

Only JPEG, PNG and PDF are accepted. Images of more than MAX_PIXELS are refused by the size
in their header, before anything is decoded; the others are fully decoded and re-encoded, so
EXIF, GPS, XMP, ICC profiles and comments are gone. PDFs are opened with qpdf (pikepdf),
refused when they carry scripts or actions that leave the document, and saved again without
links to the web, document information, XMP metadata, automatic actions, embedded files and
forms (the choice per action kind is in ``core.pdf_clean``). Only the cleaned copy is kept.
"""

import io
from dataclasses import dataclass

import pikepdf
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from weerbaar.core import pdf_clean

MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
EXTENSIONS = {"jpeg": {".jpg", ".jpeg"}, "png": {".png"}, "pdf": {".pdf"}}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}


@dataclass
class CleanFile:
    name: str
    content_type: str
    data: bytes


def _kind(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def _refuse(name: str, reason: str) -> ValidationError:
    return ValidationError(_("“%(name)s”: %(reason)s") % {"name": name, "reason": reason})


class _TooLarge(Exception):
    """A picture whose header already says it has more pixels than we decode."""


def _decode(data: bytes, kind: str) -> Image.Image:
    """The pixels of the picture, refused before decoding when the header names more than
    MAX_PIXELS: Pillow raises only above twice its limit and merely warns below that, and a
    small file can name 80 megapixels, more than a gigabyte once decoded and converted."""
    with Image.open(io.BytesIO(data)) as probe:
        if probe.width * probe.height > MAX_PIXELS:
            raise _TooLarge
        probe.verify()
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        if kind == "jpeg":
            return image.convert("RGB")
        alpha = image.mode in ("P", "RGBA", "LA", "PA")
        return image.convert("RGBA" if alpha else "RGB")


def _clean_image(name: str, data: bytes, kind: str) -> bytes:
    try:
        pixels = _decode(data, kind)
    except (_TooLarge, Image.DecompressionBombError):
        raise _refuse(name, _("the picture is too large.")) from None
    except Exception:  # noqa: BLE001 - any decoder failure means: not a usable picture
        raise _refuse(name, _("this picture is damaged or not what its name says.")) from None
    # A fresh image from the pixels alone: nothing of the original's metadata comes along.
    # Pasted rather than rebuilt from tobytes(), which would hold a third copy of the pixels.
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    del pixels
    out = io.BytesIO()
    clean.save(out, format="JPEG" if kind == "jpeg" else "PNG", quality=90)
    return out.getvalue()


def _clean_pdf(name: str, data: bytes) -> bytes:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise _refuse(name, _("the PDF is protected with a password.")) from None
    except pikepdf.PdfError:
        raise _refuse(name, _("this PDF is damaged or not what its name says.")) from None
    with pdf:
        try:
            pdf_clean.clean(pdf)
        except pdf_clean.ActiveContent:
            raise _refuse(
                name, _("the PDF contains scripts or actions; send a PDF without them.")
            ) from None
        except pdf_clean.TooComplex:
            raise _refuse(
                name,
                _("this PDF is too complex to check; print it to a new PDF and send that."),
            ) from None
        return pdf_clean.save(pdf)


def clean_upload(upload) -> CleanFile:
    """The cleaned file, or ValidationError naming the file and the problem."""
    name = (upload.name or "bestand").replace("/", "_").replace("\\", "_")[-120:]
    if upload.size > MAX_BYTES:
        raise _refuse(name, _("the file is larger than 10 MB."))
    data = upload.read(MAX_BYTES + 1)
    if name.lower().endswith((".heic", ".heif")):
        raise _refuse(
            name,
            _(
                "photos in HEIC format are not accepted. On an iPhone, choose "
                "Settings > Camera > Formats > Most Compatible, or send a screenshot."
            ),
        )
    kind = _kind(data[:16])
    if kind is None:
        raise _refuse(name, _("only photos (JPEG, PNG) and PDF files are accepted."))
    if not name.lower().endswith(tuple(EXTENSIONS[kind])):
        raise _refuse(name, _("the content of the file does not match its name."))
    clean = _clean_pdf(name, data) if kind == "pdf" else _clean_image(name, data, kind)
    return CleanFile(name=name, content_type=CONTENT_TYPES[kind], data=clean)
