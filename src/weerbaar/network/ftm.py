"""The network as FollowTheMoney entities (the format of OpenAleph and the RIEC/OSINT
world), for handing it over: what the reader was shown when they opened the network, no more.

Subjects become ``Person``, ``Company`` (with a KvK number) or ``Organization``, ``Address``
and ``Vehicle``; relations the edge schemata that say what they are (``Directorship``,
``Employment``, ``Family``, ``Ownership``), the rest ``UnknownLink`` with the relation's
wording as its role; a case ``Project`` with its subjects as ``ProjectParticipant``. The
graph comes from ``selectors.start``, so need-to-know is already applied and compartments
(Bibob files, police information) are never in it; a BSN never either (only its keyed hash is
kept). One entity per line, as ``ftm`` and OpenAleph read them."""

import json

from weerbaar.subjects.constants import RelationKind
from weerbaar.subjects.models import Subject
from weerbaar.subjects.selectors import subjects_for_export

# Relation kind -> (schema, property of the from-end, of the to-end, the from-end's kinds,
# the to-end's kinds), where the kind says more than "linked" and both ends fit the
# properties' ranges in FtM; "company" is an organisation with a KvK number (an FtM asset).
PARTY, FIRM = ("person", "company", "organisation"), ("company", "organisation")
EDGES = {
    RelationKind.DIRECTS: ("Directorship", "director", "organization", PARTY, FIRM),
    RelationKind.WORKS_AT: ("Employment", "employee", "employer", ("person",), FIRM),
    RelationKind.FAMILY_OF: ("Family", "person", "relative", ("person",), ("person",)),
    RelationKind.OWNS: ("Ownership", "owner", "asset", PARTY, ("company", "vehicle")),
    RelationKind.VEHICLE_OWNER: ("Ownership", "owner", "asset", PARTY, ("vehicle",)),
}
# The relations that say where a person or organisation lives or is registered.
AT = (RelationKind.LIVES_AT, RelationKind.REGISTERED_AT)


def _entity(entity_id: str, schema: str, **properties) -> dict:
    cleaned = {k: [str(v) for v in vs if v not in (None, "")] for k, vs in properties.items()}
    kept = {k: v for k, v in cleaned.items() if v}
    return {"id": entity_id, "schema": schema, "properties": kept}


def _subject(subject: Subject) -> dict:
    key = str(subject.uuid)
    if subject.kind == "person":
        person = subject.person
        return _entity(
            key, "Person",
            name=[subject.label],
            firstName=[person.given_names or person.initials],
            lastName=[" ".join(filter(None, [person.prefix, person.surname]))],
            birthDate=[person.birth_date.isoformat() if person.birth_date else None],
        )  # fmt: skip
    if subject.kind == "organisation":
        organisation = subject.organisation
        kvk = organisation.kvk_number
        return _entity(
            key, "Company" if kvk else "Organization",
            name=[organisation.name], registrationNumber=[kvk],
            jurisdiction=["nl" if kvk else None],
        )  # fmt: skip
    if subject.kind == "address":
        address = subject.address
        number = f"{address.house_number}{address.house_letter}"
        addition = f"-{address.house_number_addition}" if address.house_number_addition else ""
        return _entity(
            key, "Address",
            full=[address.display], street=[f"{address.street} {number}{addition}"],
            postalCode=[address.postcode], city=[address.place], country=["nl"],
        )  # fmt: skip
    vehicle = subject.vehicle
    return _entity(key, "Vehicle", name=[vehicle.formatted_plate],
                   registrationNumber=[vehicle.formatted_plate], country=["nl"])  # fmt: skip


def _interval(edge: dict) -> dict:
    source = " · ".join(filter(None, [edge["source_text"], edge["grade"]]))
    return {"startDate": [edge["from"]], "endDate": [edge["until"]], "summary": [source]}


def _relation(edge: dict, kinds: dict[str, str]) -> dict:
    schema = EDGES.get(edge["kind"])
    if schema and kinds[edge["source"]] in schema[3] and kinds[edge["target"]] in schema[4]:
        name, one, other, _sources, _targets = schema
        said = "relationship" if name == "Family" else "role"  # Family has no role
        return _entity(
            edge["id"], name, **{one: [edge["source"]], other: [edge["target"]]},
            **{said: [edge["label"]]}, **_interval(edge),
        )  # fmt: skip
    return _entity(
        edge["id"], "UnknownLink", subject=[edge["source"]], object=[edge["target"]],
        role=[edge["label"]], **_interval(edge),
    )  # fmt: skip


def _project(record: dict, case) -> dict:
    return _entity(
        record["id"].split(":", 1)[1], "Project",
        name=[f"{case.reference} {case.case_type.name}"],
        startDate=[case.opened_on.isoformat()],
        endDate=[case.closed_on.isoformat() if case.closed_on else None],
        status=[case.status],
    )  # fmt: skip


def _participant(project: str, edge: dict, kind: str) -> dict:
    """A person or organisation takes part in the case; an address or vehicle is tied to it."""
    key, role = f"{project}:{edge['target']}", [edge["label"]]
    if kind in PARTY:
        return _entity(key, "ProjectParticipant", project=[project], participant=[edge["target"]],
                       role=role)  # fmt: skip
    return _entity(key, "UnknownLink", subject=[project], object=[edge["target"]], role=role)


def _kind(subject: Subject) -> str:
    if subject.kind == "organisation" and subject.organisation.kvk_number:
        return "company"
    return subject.kind


def entities(graph, *, user, record: dict, case=None) -> list[dict]:
    """The FtM entities of ``graph`` (from ``selectors.start`` for ``user``); ``record`` is
    the node it started from, ``case`` the case when it started from one."""
    ids = [n["id"] for n in graph.nodes.values() if n["kind"] not in ("signal", "case")]
    # the graph's subjects again, as the reader may see them: fails closed
    subjects = list(subjects_for_export(user=user, uuids=ids))
    found = {str(s.uuid): _subject(s) for s in subjects}
    kinds = {str(s.uuid): _kind(s) for s in subjects}
    project = _project(record, case) if case is not None else None
    links = []
    for edge in graph.edges.values():
        if edge["kind"] == "record":
            if project and edge["target"] in found:
                links.append(_participant(project["id"], edge, kinds[edge["target"]]))
            continue
        if edge["source"] not in found or edge["target"] not in found:
            continue
        links.append(_relation(edge, kinds))
        if edge["kind"] in AT and kinds[edge["target"]] == "address":
            at = found[edge["source"]]["properties"].setdefault("addressEntity", [])
            if edge["target"] not in at:
                at.append(edge["target"])
    return [*([project] if project else []), *found.values(), *links]


def as_lines(found: list[dict]) -> bytes:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in found).encode()
