"""T3 (part): hostile and awkward uploads, each refused with a Dutch message or cleaned."""

import io
import re
from html import unescape

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from weerbaar.intake import storage
from weerbaar.intake.models import Attachment, Report

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (4.0, 30.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"canary comment")
    return out.getvalue()


def png_with_text() -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Canary Author")
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def pdf(javascript: bool = False, info: bool = True) -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    if info:
        document.docinfo["/Author"] = "Canary Author"
    if javascript:
        action = document.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
        )
        document.Root.OpenAction = action
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def bomb_png() -> bytes:
    out = io.BytesIO()
    Image.new("1", (10000, 10000)).save(out, format="PNG")  # 100 megapixels, tiny file
    return out.getvalue()


def _post(client, *files):
    page = client.get(reverse("intake:report")).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    data = {
        "description": "Foto's van de loods waar 's nachts busjes laden.",
        "started": started,
        "attachments": [SimpleUploadedFile(name, content) for name, content in files],
    }
    return client.post(reverse("intake:report"), data)


def test_photo_and_pdf_are_stored_without_metadata(client):
    response = _post(
        client,
        ("loods.jpg", jpeg_with_gps()),
        ("plattegrond.png", png_with_text()),
        ("brief.pdf", pdf()),
    )
    assert "Dank u wel" in response.content.decode()
    stored = {a.file_name: storage.path_for(a.uuid).read_bytes() for a in Attachment.objects.all()}
    assert set(stored) == {"loods.jpg", "plattegrond.png", "brief.pdf"}
    with Image.open(io.BytesIO(stored["loods.jpg"])) as photo:
        assert not photo.getexif() and "comment" not in photo.info
    with Image.open(io.BytesIO(stored["plattegrond.png"])) as plan:
        assert "Author" not in plan.info
    with pikepdf.open(io.BytesIO(stored["brief.pdf"])) as document:
        assert "/Info" not in document.trailer and "/Metadata" not in document.Root
    for content in stored.values():
        assert b"Canary" not in content and b"canary" not in content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.pdf", pdf(javascript=True), "de pdf bevat scripts of acties"),
        ("foto.pdf", jpeg_with_gps(), "de inhoud van het bestand past niet bij de naam"),
        (
            "tekening.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>",
            "alleen foto's (jpeg, png) en pdf-bestanden",
        ),
        ("foto.heic", b"\x00\x00\x00\x18ftypheic", "foto's in heic-formaat"),
        ("kapot.jpg", jpeg_with_gps()[:200], "deze foto is beschadigd"),
        ("bom.png", bomb_png(), "de foto is te groot"),
        ("groot.pdf", b"%PDF-1.4" + b"0" * (10 * 1024 * 1024), "groter dan 10 mb"),
        ("macro.docx", b"PK\x03\x04 macro", "alleen foto's (jpeg, png) en pdf-bestanden"),
    ],
)
def test_bad_file_is_refused_by_name_and_nothing_is_stored(client, name, content, message):
    response = _post(client, (name, content))
    html = unescape(response.content.decode()).lower()
    assert name.lower() in html and message in html, html[:3000]
    assert "kies uw bestanden opnieuw" in html
    assert not Report.objects.exists() and not list(storage.folder().iterdir())


def test_at_most_five_files(client):
    photo = jpeg_with_gps()
    html = _post(client, *[(f"f{i}.jpg", photo) for i in range(6)]).content.decode()
    assert "U kunt hoogstens 5 bestanden sturen; u koos er 6." in html
    assert not Report.objects.exists()


def test_failed_database_write_leaves_no_file(client, monkeypatch):
    from weerbaar.intake import services

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        _post(client, ("loods.jpg", jpeg_with_gps()))
    assert not Report.objects.exists() and not list(storage.folder().iterdir())


def test_staff_download_is_an_attachment(client, regisseur, medewerker):
    _post(client, ("loods.jpg", jpeg_with_gps()))
    item = Attachment.objects.get()
    client.force_login(medewerker)
    assert client.get(reverse("intake:attachment", args=[item.uuid])).status_code == 404
    client.force_login(regisseur)
    response = client.get(reverse("intake:attachment", args=[item.uuid]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")
