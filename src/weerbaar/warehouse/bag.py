"""The BAG 2.0 extract (LV XML, IMBAG v20200601) read as a stream of small records.

The official delivery nests zips (BAGNLDL zip → per-type zips → per-municipality XML parts);
an extract may also come unpacked. Every XML part is parsed with ``iterparse`` and each
element is dropped once read, so memory stays constant whatever the size: the joining of
addresses, streets, places and buildings happens in DuckDB, not in Python.

Only current occurrences (voorkomens without an end of validity) are kept; ended ones are
counted and reported, never silently dropped.

A delivery is untrusted input: a zip of a megabyte can unpack to gigabytes. What one part may
make the parser hold or write is capped (DeliveryRefused), far above the real national
extract, where the longest text is a building's outline (tens of kilobytes), an object has a
few dozen elements, a part some ten thousand objects (tens of megabytes) and an inner zip
about two gigabytes.
"""

import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from weerbaar.core import geo

MB = 1024 * 1024
MAX_TEXT_BYTES = 4 * MB  # bytes read without an element starting or ending
MAX_ELEMENTS_PER_OBJECT = 10_000
MAX_PART_BYTES = 1024 * MB  # one XML part, unpacked
MAX_INNER_ZIP_BYTES = 16 * 1024 * MB  # one zip inside the delivery, spooled to disk

KINDS = {
    "Nummeraanduiding": "num",
    "OpenbareRuimte": "opr",
    "Woonplaats": "wpl",
    "Verblijfsobject": "vbo",
    "Pand": "pnd",
}


class DeliveryRefused(ValueError):
    """The delivery goes past a cap no BAG extract comes near; nothing of it is loaded."""


def _size_text(limit: int) -> str:
    return f"{limit // (1024 * MB)} GB" if limit >= 1024 * MB else f"{limit // MB} MB"


def _too_large(name: str, limit: int) -> DeliveryRefused:
    return DeliveryRefused(
        _("%(name)s: larger than %(limit)s unpacked") % {"name": name, "limit": _size_text(limit)}
    )


class _CappedStream:
    """A part's bytes as the parser reads them, counted. Refuses a part that unpacks past
    MAX_PART_BYTES, and more than MAX_TEXT_BYTES read without an element starting or ending:
    text, which the parser joins in memory, or a tag or comment it must hold whole."""

    def __init__(self, stream, name: str):
        self.stream, self.name, self.position, self.mark = stream, name, 0, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.position += len(data)
        if self.position > MAX_PART_BYTES:
            raise _too_large(self.name, MAX_PART_BYTES)
        if self.position - self.mark > MAX_TEXT_BYTES:
            raise DeliveryRefused(
                _("%(name)s: more than %(limit)s of text without an element")
                % {"name": self.name, "limit": _size_text(MAX_TEXT_BYTES)}
            )
        return data

    def element_seen(self) -> None:
        self.mark = self.position


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _texts(element) -> dict[str, list[str]]:
    """Every descendant's text by local tag name (geometry skipped)."""
    found: dict[str, list[str]] = {}
    for child in element.iter():
        name = _local(child.tag)
        if name in ("posList", "pos"):
            continue
        if child.text and child.text.strip():
            found.setdefault(name, []).append(child.text.strip())
    return found


def _geometry(element) -> tuple[list[float], int] | None:
    """The numbers of an object's first ``pos`` or ``posList`` (a point, or a polygon's
    exterior ring, which GML writes before any interior one) and their dimension."""
    dimension = 2
    for child in element.iter():
        declared = child.get("srsDimension")
        if declared and declared.isdigit() and int(declared) in (2, 3):
            dimension = int(declared)
        if _local(child.tag) in ("pos", "posList") and child.text:
            values = geo.numbers(child.text)
            return (values, dimension) if values else None
    return None


def _position(geometry) -> dict:
    """The object's RD point; WGS84 is added for all objects at once after staging
    (``geo.add_wgs84``), far faster than one transformation per object."""
    found = geometry and geo.point(*geometry)
    return {"x": round(found[0], 3), "y": round(found[1], 3)} if found else {"x": None, "y": None}


def _footprint(geometry) -> dict:
    found = geometry and geo.outline(*geometry)
    return found or dict.fromkeys(("west", "south", "east", "north", "outline"))


def _record(kind: str, t: dict[str, list[str]], geometry=None) -> dict:
    first = lambda name: (t.get(name) or [""])[0]  # noqa: E731
    if kind == "num":
        return {
            "id": first("identificatie"),
            "postcode": first("postcode"),
            "huisnummer": first("huisnummer"),
            "huisletter": first("huisletter"),
            "toevoeging": first("huisnummertoevoeging"),
            "opr": first("OpenbareRuimteRef"),
            "wpl": first("WoonplaatsRef"),
            "begin": first("beginGeldigheid"),
        }
    if kind == "opr":
        return {"id": first("identificatie"), "naam": first("naam"), "wpl": first("WoonplaatsRef")}
    if kind == "wpl":
        return {"id": first("identificatie"), "naam": first("naam")}
    if kind == "pnd":
        return {
            "id": first("identificatie"),
            "bouwjaar": first("oorspronkelijkBouwjaar"),
            **_footprint(geometry),
        }
    return {
        "id": first("identificatie"),
        "num": first("NummeraanduidingRef"),
        "gebruiksdoel": ",".join(t.get("gebruiksdoel", [])),
        "oppervlakte": first("oppervlakte"),
        "pnd": first("PandRef"),
        "status": first("status"),
        "begin": first("beginGeldigheid"),
        **_position(geometry),
    }


def parse_xml(stream, part: str = "XML") -> Iterator[tuple[str, dict | None]]:
    """(kind, record) per object; record None for an ended (historic) occurrence.

    Every element is dropped from its parent once read: clearing an object alone would leave
    the empty wrappers around it (``stand``, ``bagObject``) in the tree, a few hundred bytes
    per object, so memory would grow with the size of an XML part. What stays in memory is
    capped (see the module docstring); ``part`` names the part in a refusal."""
    capped = _CappedStream(stream, part)
    # defusedxml: no entity expansion, no external entities, no DTD retrieval.
    open_elements, inside, elements = [], 0, 0
    for event, element in iterparse(capped, events=("start", "end")):
        capped.element_seen()
        name = _local(element.tag)
        if event == "start":
            open_elements.append(element)
            inside += name in KINDS
            elements = elements + 1 if inside else 0
            if elements > MAX_ELEMENTS_PER_OBJECT:
                raise DeliveryRefused(
                    _("%(part)s: an object has more than %(limit)s elements")
                    % {"part": part, "limit": MAX_ELEMENTS_PER_OBJECT}
                )
            continue
        open_elements.pop()
        if name in KINDS:
            inside -= 1
            texts = _texts(element)
            if texts.get("eindGeldigheid"):
                yield KINDS[name], None
            else:
                drawn = KINDS[name] in ("vbo", "pnd")
                geometry = _geometry(element) if drawn else None
                yield KINDS[name], _record(KINDS[name], texts, geometry)
        if not inside and open_elements:
            open_elements[-1].remove(element)  # read: nothing below it is needed any more


def _window(lo: float, hi: float, inner: Callable[[], float]) -> Callable[[], float]:
    return lambda: lo + (hi - lo) * min(1.0, inner())


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def xml_parts(path: Path) -> Iterator[tuple[str, object, Callable[[], float]]]:
    """(name, binary stream, share done) of every XML part below ``path``: a folder, an XML
    file, or a (nested) zip. Inner zips are spooled to a temporary file, never held in
    memory. The share done (0 to 1) is measured in bytes of the delivery as it lies on disk,
    so a progress bar moves evenly through zipped and unpacked extracts alike."""
    path = Path(path)
    if path.is_dir():
        children = sorted(path.iterdir())
        sizes = [_size(child) for child in children]
        total, before = sum(sizes) or 1, 0
        for child, size in zip(children, sizes, strict=True):
            lo, before = before / total, before + size
            for name, stream, inner in xml_parts(child):
                yield name, stream, _window(lo, before / total, inner)
    elif path.suffix.lower() == ".xml":
        if not path.name.startswith("Leveringsdocument"):
            size = path.stat().st_size or 1
            with path.open("rb") as stream:
                yield path.name, stream, lambda: stream.tell() / size
    elif path.suffix.lower() == ".zip":
        with path.open("rb") as raw, zipfile.ZipFile(raw) as archive:
            size = path.stat().st_size or 1
            yield from _zip_parts(archive, raw, size, lambda f: min(1.0, f))


def _zip_parts(
    archive: zipfile.ZipFile, fp, total: int, to_whole: Callable[[float], float]
) -> Iterator[tuple[str, object, Callable[[], float]]]:
    """The parts of one archive read from ``fp``; ``to_whole`` maps the share of this
    archive's bytes read to the share of the whole delivery."""
    for info in archive.infolist():
        name = info.filename.rsplit("/", 1)[-1]
        if name.startswith("._") or "__MACOSX" in info.filename:
            continue  # resource forks of archives packed on a Mac
        if name.lower().endswith(".xml") and not name.startswith("Leveringsdocument"):
            if info.file_size > MAX_PART_BYTES:
                raise _too_large(name, MAX_PART_BYTES)  # as declared: no need to unpack it
            with archive.open(info) as stream:
                yield name, stream, lambda: to_whole(fp.tell() / total)
        elif name.lower().endswith(".zip"):
            lo = info.header_offset / total
            hi = (info.header_offset + info.compress_size) / total
            with archive.open(info) as inner, tempfile.TemporaryFile() as spool:
                _spool(inner, spool, name)
                size = spool.tell() or 1
                spool.seek(0)
                with zipfile.ZipFile(spool) as nested:
                    yield from _zip_parts(
                        nested, spool, size, lambda f, lo=lo, hi=hi: to_whole(lo + (hi - lo) * f)
                    )


def _spool(inner, spool, name: str) -> None:
    """Copy an inner zip to disk, refused past MAX_INNER_ZIP_BYTES (the size it declares may
    lie, so the bytes are counted)."""
    copied = 0
    while chunk := inner.read(MB):
        copied += len(chunk)
        if copied > MAX_INNER_ZIP_BYTES:
            raise _too_large(name, MAX_INNER_ZIP_BYTES)
        spool.write(chunk)


def records(path: Path) -> Iterator[tuple[str, str, dict | None, Callable[[], float]]]:
    """(part name, kind, record, share done) for every object in the extract at ``path``."""
    for name, stream, done in xml_parts(path):
        for kind, record in parse_xml(stream, name):
            yield name, kind, record, done
