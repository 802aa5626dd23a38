"""The network app's reads: its public API. The graph of subjects and their relations, as far
as the reader may see both ends of each relation (a hidden subject is absent, not greyed, and
no count includes it), started from a subject, a signal or a case, expanded node by node and
searched for the shortest path between two subjects. The compartments (Bibob, police
information) hold no relations and never appear."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.urls import reverse

from weerbaar.accounts.lookup import parse_uuid, refuse
from weerbaar.cases.selectors import case_file_get, case_files_visible_to
from weerbaar.signals.selectors import signal_get, signals_visible_to
from weerbaar.subjects.models import Relation, Subject
from weerbaar.subjects.selectors import may_search_subjects, subject_get, subjects_visible_to

# The most relations one expansion adds: a registry address with hundreds of registered
# persons is opened in steps through the filters, not drawn at once.
EXPAND_LIMIT = 150
# How far the shortest path searches, and how many subjects one level may hold.
PATH_DEPTH = 6
PATH_FRONTIER = 20_000
# Source grades a filter keeps; a relation from a registry (no grade) is kept by every one.
GRADE_FILTERS = {"A": "A", "AB": "AB", "ABC": "ABC"}


class PathTooWide(Exception):
    """The search reached more subjects than it may hold before the two sides met."""


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    grade: str = ""

    def q(self) -> Q:
        """The condition on relations; a relation holds in the period when it overlaps it."""
        found = Q()
        if self.kinds:
            found &= Q(kind__in=self.kinds)
        if self.since:
            found &= Q(valid_until__isnull=True) | Q(valid_until__gte=self.since)
        if self.until:
            found &= Q(valid_from__isnull=True) | Q(valid_from__lte=self.until)
        if self.grade in GRADE_FILTERS:
            found &= Q(source_grade="") | Q(source_grade__in=list(GRADE_FILTERS[self.grade]))
        return found


@dataclass
class Graph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[str, dict] = field(default_factory=dict)
    # Relations of an expanded node left out by EXPAND_LIMIT, per node id.
    more: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "nodes": list(self.nodes.values()),
            "edges": list(self.edges.values()),
            "more": self.more,
        }


def may_use(user) -> bool:
    return may_search_subjects(user)


def _node(subject: Subject) -> dict:
    return {
        "id": str(subject.uuid),
        "label": subject.label,
        "kind": subject.kind,
        "kind_label": str(subject.get_kind_display()),
        "url": reverse("subjects:detail", args=[subject.uuid]),
    }


def _edge(relation: Relation) -> dict:
    return {
        "id": str(relation.uuid),
        "source": str(relation.from_subject.uuid),
        "target": str(relation.to_subject.uuid),
        "kind": relation.kind,
        "label": str(relation.get_kind_display()),
        "reverse": relation.reverse_label,
        "from": relation.valid_from.isoformat() if relation.valid_from else "",
        "until": relation.valid_until.isoformat() if relation.valid_until else "",
        "source_text": relation.source,
        "grade": relation.grading,
    }


def _visible_ids(user, ids) -> set[int]:
    """Which of the subject ids ``user`` may see: one query on those ids, so need-to-know
    costs as much as the neighbourhood, not as much as the whole register."""
    found: set[int] = set()
    ids = list(ids)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        found.update(subjects_visible_to(user).filter(pk__in=chunk).values_list("pk", flat=True))
    return found


def _touching(subject_ids, filters: Filters):
    """(relation, from, to, kind, start) of every relation at the subjects, filtered, without
    names."""
    return (
        Relation.objects.filter(
            Q(from_subject_id__in=subject_ids) | Q(to_subject_id__in=subject_ids)
        )
        .filter(filters.q())
        .values_list("pk", "from_subject_id", "to_subject_id", "kind", "valid_from")
    )


def _order(row) -> tuple:
    """By kind, the latest first, as the tables read."""
    _pk, _a, _b, kind, start = row
    return (kind, -(start.toordinal() if start else 0), _pk)


def expand(*, user, graph: Graph, subjects: list[Subject], filters: Filters) -> Graph:
    """Add the subjects and their relations to ``graph``; each subject must be one the user
    may see (the callers fetch it through ``subject_get``). A relation whose other end the
    user may not see is left out before anything is counted."""
    for subject in subjects:
        graph.nodes.setdefault(str(subject.uuid), _node(subject))
        rows = list(_touching([subject.pk], filters))
        ends = {row[2] if row[1] == subject.pk else row[1] for row in rows}
        seen = _visible_ids(user, ends) | {subject.pk}
        shown = sorted((row for row in rows if row[1] in seen and row[2] in seen), key=_order)
        if len(shown) > EXPAND_LIMIT:
            graph.more[str(subject.uuid)] = len(shown) - EXPAND_LIMIT
        picked = [row[0] for row in shown[:EXPAND_LIMIT]]
        relations = Relation.objects.filter(pk__in=picked).select_related(
            "from_subject", "to_subject"
        )
        for relation in sorted(relations, key=lambda r: picked.index(r.pk)):
            for end in (relation.from_subject, relation.to_subject):
                graph.nodes.setdefault(str(end.uuid), _node(end))
            graph.edges[str(relation.uuid)] = _edge(relation)
    return graph


def start(*, user, kind: str, object_id, filters: Filters, request=None) -> tuple[dict, Graph]:
    """The graph to begin with: a subject and its relations, or the subjects of a signal or
    case (the record itself as a node joined to them). Reading the start is audited as
    reading that record; Http404 for what the user may not see."""
    graph = Graph()
    if kind == "signal":
        signal = signal_get(user=user, signal_id=object_id, request=request)
        record = {"id": f"signal:{signal.uuid}", "label": signal.reference, "kind": "signal"}
        record["url"] = reverse("signals:detail", args=[signal.uuid])
        links = [(link.subject, str(link.get_role_display())) for link in _signal_links(signal)]
        if signal.address_id:
            links.append((signal.address, ""))
    elif kind == "case":
        case = case_file_get(user=user, case_id=object_id, request=request)
        record = {"id": f"case:{case.uuid}", "label": case.reference, "kind": "case"}
        record["url"] = reverse("cases:detail", args=[case.uuid])
        links = [
            (link.subject, str(link.get_role_display()))
            for link in case.subject_links.select_related("subject")
        ]
    else:
        subject = subject_get(user=user, subject_id=object_id, request=request)
        return _node(subject), expand(user=user, graph=graph, subjects=[subject], filters=filters)
    visible = set(
        subjects_visible_to(user)
        .filter(pk__in=[s.pk for s, _role in links])
        .values_list("pk", flat=True)
    )
    shown = [(s, role) for s, role in links if s.pk in visible]
    graph.nodes[record["id"]] = {**record, "kind_label": record["label"]}
    for subject, role in shown:
        graph.edges[f"{record['id']}:{subject.uuid}"] = {
            "id": f"{record['id']}:{subject.uuid}",
            "source": record["id"],
            "target": str(subject.uuid),
            "kind": "record",
            "label": role,
            "reverse": role,
            "from": "",
            "until": "",
            "source_text": "",
            "grade": "",
        }
    expand(user=user, graph=graph, subjects=[s for s, _role in shown], filters=filters)
    return record, graph


def start_object(*, user, start: str, request=None):
    """The subject, signal or case a drawing started from (``kind:uuid``), if ``user`` may
    see it; refused like a missing one otherwise. Not audited as a read: the caller records
    what is done with it (a picture)."""
    kind, _sep, object_id = start.partition(":")
    rows = {
        "subject": subjects_visible_to,
        "signal": signals_visible_to,
        "case": case_files_visible_to,
    }.get(kind)
    ident = parse_uuid(object_id)
    found = rows(user).filter(uuid=ident).first() if rows and ident else None
    if found is None:
        refuse(user=user, label=f"network.{kind or 'start'}", object_id=object_id, request=request)
    return found


def _signal_links(signal):
    return signal.subject_links.select_related("subject")


def _step(user, filters, frontier: set, seen: dict, far: dict) -> tuple[set, int | None]:
    """One level of the search from one side: the subjects newly reached that the user may
    see, and the first one the other side has reached too (where the two searches meet)."""
    steps = []
    ids = list(frontier)
    for start in range(0, len(ids), 2000):  # two IN lists per query: under SQLite's limit
        rows = _touching(ids[start : start + 2000], filters)
        for pk, a, b, _kind, _from in rows.iterator(chunk_size=2000):
            for here, there in ((a, b), (b, a)):
                if here in frontier and there not in seen:
                    steps.append((here, there, pk))
    visible = _visible_ids(user, {there for _here, there, _pk in steps})
    found = set()
    for here, there, pk in steps:
        if there in visible and there not in seen:
            seen[there] = (here, pk)
            found.add(there)
            if there in far:
                return found, there
    return found, None


def _chain(parents: tuple[dict, dict], meeting: int) -> list[int]:
    chain = []
    for side in parents:
        step = side[meeting]
        while step is not None:
            chain.append(step[1])
            step = side[step[0]]
    return chain


def shortest_path(*, user, one: Subject, other: Subject, filters: Filters) -> Graph | None:
    """The fewest relations between two subjects the user may see, through subjects the user
    may see; searched from both ends a level at a time. None when there is none within
    PATH_DEPTH relations; PathTooWide when one level holds more than PATH_FRONTIER subjects
    (the filters narrow it)."""
    graph = Graph(nodes={str(one.uuid): _node(one)})
    if one.pk == other.pk:
        return graph
    # parents[side][pk] = (previous subject, relation) on the way back to that side's start
    parents = ({one.pk: None}, {other.pk: None})
    frontiers = [{one.pk}, {other.pk}]
    meeting = None
    for _level in range(PATH_DEPTH):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        found, meeting = _step(user, filters, frontiers[side], parents[side], parents[1 - side])
        if meeting is None and len(found) > PATH_FRONTIER:
            raise PathTooWide
        if meeting is not None or not found:
            break
        frontiers[side] = found
    if meeting is None:
        return None
    rows = Relation.objects.filter(pk__in=_chain(parents, meeting))
    for relation in rows.select_related("from_subject", "to_subject"):
        for end in (relation.from_subject, relation.to_subject):
            graph.nodes.setdefault(str(end.uuid), _node(end))
        graph.edges[str(relation.uuid)] = _edge(relation)
    return graph
