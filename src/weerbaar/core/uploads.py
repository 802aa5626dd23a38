"""Uploaded files (report attachments, case documents): type decided by content, metadata
removed before storage.

Only JPEG, PNG and PDF are accepted. Images are fully decoded and re-encoded, so EXIF, GPS,
XMP, ICC profiles and comments are gone; PDFs are opened with qpdf (pikepdf), refused when
they carry JavaScript or launch actions, and saved again without document information, XMP
metadata, automatic actions, embedded files and forms. Only the cleaned copy is kept.
"""

import io
from dataclasses import dataclass

import pikepdf
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

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


def _clean_image(name: str, data: bytes, kind: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            if kind == "jpeg":
                pixels = image.convert("RGB")
            else:
                alpha = image.mode in ("P", "RGBA", "LA", "PA")
                pixels = image.convert("RGBA" if alpha else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(name, _("the picture is too large.")) from None
    except Exception:  # noqa: BLE001 - any decoder failure means: not a usable picture
        raise _refuse(name, _("this picture is damaged or not what its name says.")) from None
    # A fresh image from the pixels alone: nothing of the original's metadata comes along.
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    clean.save(out, format="JPEG" if kind == "jpeg" else "PNG", quality=90)
    return out.getvalue()


def _has_active_content(pdf: pikepdf.Pdf) -> bool:
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        return True
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") in (
            pikepdf.Name.JavaScript,
            pikepdf.Name.Launch,
        ):
            return True
    return False


def _drop(dictionary, *keys) -> None:
    for key in keys:
        if dictionary is not None and key in dictionary:
            del dictionary[key]


def _strip_pdf(pdf: pikepdf.Pdf) -> None:
    """Remove document information, XMP, automatic actions, embedded files and forms."""
    _drop(pdf.Root, "/Metadata", "/OpenAction", "/AA", "/AcroForm")
    _drop(pdf.Root.get("/Names"), "/EmbeddedFiles")
    for page in pdf.pages:
        _drop(page.obj, "/AA")
    _drop(pdf.trailer, "/Info")


def _clean_pdf(name: str, data: bytes) -> bytes:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise _refuse(name, _("the PDF is protected with a password.")) from None
    except pikepdf.PdfError:
        raise _refuse(name, _("this PDF is damaged or not what its name says.")) from None
    with pdf:
        if _has_active_content(pdf):
            raise _refuse(name, _("the PDF contains scripts or actions; send a PDF without them."))
        _strip_pdf(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()


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
