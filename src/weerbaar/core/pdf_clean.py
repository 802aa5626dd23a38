"""What a PDF upload may keep: no active content, no way out of the document, no metadata.

Every dictionary in the file is visited, those written inline inside another object as well
as the indirect objects, so an action inside an annotation, an outline item or an /AA entry
is seen wherever it sits. Per action kind (ISO 32000, 12.6.4) the choice is:

- **Refused** (the caller answers with a Dutch message): actions that run code or reach
  outside the document on their own or on one click: JavaScript, a Rendition with a script,
  Launch, SubmitForm, ImportData, GoToR, GoToE, RichMediaExecute; any /JS entry; document
  scripts under /Names /JavaScript. An ordinary letter or report has none of these, and
  refusing tells the sender plainly instead of handing staff a silently altered file. GoToR
  is refused rather than stripped because a link to a network path (\\\\host\\share) makes
  Windows send the reader's credentials to that host.
- **Stripped**, the document kept: every other action, above all URI. Web links are common in
  ordinary PDFs, so refusing them would turn away many honest files; but a click on one tells
  its owner that, and when, the file is read (a beacon), so the action is removed and the
  link's text stays. The same for Named, Hide, Sound, Movie, SetOCGState, a Rendition
  without a script, Thread, Trans and the like: removed, not judged one by one.
- **Kept**: GoTo within the document and /Dest, so a table of contents (outline) and links
  to another page keep working. A GoTo loses its /Next chain of further actions.

Removed as well: automatic actions (/AA everywhere, /OpenAction), forms (/AcroForm, with XFA),
embedded files (/EF everywhere, /Names /EmbeddedFiles), document information (/Info), every
XMP stream (/Metadata of the catalog, pages and images), /PieceInfo (editor's private data),
article threads (their information names an author), and the author and dates of
annotations (/T, /M, /CreationDate); an annotation's own text stays.
"""

import io
import warnings
from dataclasses import dataclass

import pikepdf

REFUSED_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/GoToR",
        "/GoToE",
        "/RichMediaExecute",
    }
)
KEPT_ACTIONS = frozenset({"/GoTo"})
STRIPPED_ACTIONS = frozenset(
    {
        "/URI",
        "/Named",
        "/Hide",
        "/Sound",
        "/Movie",
        "/SetOCGState",
        "/Rendition",
        "/Thread",
        "/Trans",
        "/GoTo3DView",
        "/GoToDp",
        "/ResetForm",
    }
)
ACTIONS = REFUSED_ACTIONS | KEPT_ACTIONS | STRIPPED_ACTIONS
DROPPED_EVERYWHERE = frozenset({"/AA", "/Metadata", "/PieceInfo", "/EF"})
DROPPED_FROM_ANNOTATIONS = frozenset({"/T", "/M", "/CreationDate"})
DROPPED_FROM_CATALOG = ("/OpenAction", "/AcroForm", "/Threads", "/URI")
# Far above an ordinary document (a 300-page report holds a few thousand dictionaries), far
# below what a 10 MB file of tiny objects can hold (millions: minutes of work; this many is
# a few seconds).
MAX_DICTIONARIES = 100_000
_CONTAINERS = (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.stream)
_WALKED = (*_CONTAINERS, pikepdf.ObjectType.array)


class ActiveContent(Exception):
    """The PDF holds scripts or actions that are refused, not stripped."""


class TooComplex(Exception):
    """The PDF has more dictionaries than are checked in reasonable time."""


@dataclass
class Node:
    """A dictionary or stream of the file, its keys and its action kind (None if no action)
    read once: every question to pikepdf is a call into qpdf."""

    obj: pikepdf.Object
    keys: set[str]
    action: str | None


def _type(obj) -> pikepdf.ObjectType | None:
    # Numbers, booleans and null come back as Python values, not pikepdf objects; the type
    # code is several times faster to ask than isinstance on pikepdf's classes.
    return obj._type_code if isinstance(obj, pikepdf.Object) else None


def _action_kind(obj, keys: set[str]) -> str | None:
    kind = obj.get("/S") if "/S" in keys else None
    return str(kind) if isinstance(kind, pikepdf.Name) and str(kind) in ACTIONS else None


def _is_stripped(obj) -> bool:
    return _type(obj) in _CONTAINERS and _action_kind(obj, set(obj.keys())) in STRIPPED_ACTIONS


def _nodes(pdf: pikepdf.Pdf) -> list[Node]:
    """Every dictionary and stream of ``pdf``, each once, inline ones included.

    Indirect objects come from the object table, and from them only inline children are
    followed: nothing is visited twice and a reference cycle cannot loop."""
    found, stack = [], [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        kind = _type(obj)
        if kind in _CONTAINERS:
            keys = set(obj.keys())
            found.append(Node(obj, keys, _action_kind(obj, keys)))
            if len(found) > MAX_DICTIONARIES:
                raise TooComplex
            children = [obj[key] for key in keys]
        elif kind == pikepdf.ObjectType.array:
            children = list(obj)
        else:
            continue
        stack.extend(c for c in children if _type(c) in _WALKED and not c.is_indirect)
    return found


def _drop(dictionary, *keys) -> None:
    for key in keys:
        if dictionary is not None and key in dictionary:
            del dictionary[key]


def check_active_content(pdf: pikepdf.Pdf, nodes: list[Node]) -> None:
    """Raise ActiveContent when anything in ``nodes`` (the whole file) is refused."""
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        raise ActiveContent
    for node in nodes:
        if "/JS" in node.keys or node.action in REFUSED_ACTIONS:
            raise ActiveContent


def _unlink_actions(nodes: list[Node]) -> None:
    """Remove the references to stripped actions, then empty the actions themselves, so an
    action also reached from somewhere unforeseen does nothing."""
    for node in nodes:
        if "/A" in node.keys and _is_stripped(node.obj["/A"]):
            del node.obj["/A"]
        if node.action in KEPT_ACTIONS:
            _drop(node.obj, "/Next")
    for node in nodes:
        if node.action in STRIPPED_ACTIONS:
            _drop(node.obj, *node.keys)


def strip(pdf: pikepdf.Pdf, nodes: list[Node]) -> None:
    """Remove stripped actions, automatic actions, forms, embedded files and metadata."""
    _unlink_actions(nodes)
    for node in nodes:
        _drop(node.obj, *(node.keys & DROPPED_EVERYWHERE))
        annotation = "/Rect" in node.keys and "/Subtype" in node.keys
        if annotation or node.obj.get("/Type") == pikepdf.Name.Annot:
            _drop(node.obj, *(node.keys & DROPPED_FROM_ANNOTATIONS))
    _drop(pdf.Root, *DROPPED_FROM_CATALOG)
    _drop(pdf.Root.get("/Names"), "/EmbeddedFiles", "/JavaScript")
    for page in pdf.pages:
        _drop(page.obj, "/B")  # the page's beads of the article threads dropped above
    _drop(pdf.trailer, "/Info")


def clean(pdf: pikepdf.Pdf) -> None:
    """Refuse (ActiveContent, TooComplex) or clean ``pdf`` in place, as described above."""
    nodes = _nodes(pdf)
    check_active_content(pdf, nodes)
    strip(pdf, nodes)


def save(pdf: pikepdf.Pdf) -> bytes:
    """The cleaned file, rewritten whole: unreachable objects and earlier revisions (an
    incremental update can hide old text) are not written."""
    out = io.BytesIO()
    # Forms are removed on purpose; their widgets stay on the page and still show what was
    # filled in, so pikepdf's warning that they lost their form is noise here.
    with warnings.catch_warnings(action="ignore", category=pikepdf.PageCopyWarning):
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
