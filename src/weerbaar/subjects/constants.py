from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    ADDRESS = "address", _("Address")
    VEHICLE = "vehicle", _("Vehicle")


# Sources of subjects copied from the basisregistraties: the registry's own copy, which the
# retention of recorded subjects leaves alone.
REGISTRY_SOURCES = ("BRP", "BAG", "KvK", "RDW")


class RelationKind(models.TextChoices):
    LIVES_AT = "lives_at", _("lives at")
    REGISTERED_AT = "registered_at", _("is registered at")
    OWNS = "owns", _("owns")
    RENTS = "rents", _("rents")
    DIRECTS = "directs", _("directs")
    WORKS_AT = "works_at", _("works at")
    FAMILY_OF = "family_of", _("is family of")
    VEHICLE_OWNER = "vehicle_owner", _("is registered keeper of")


# How the relation reads from its other end ("Loodsweg 3 is the address of K. de Bruijn").
RELATION_REVERSE = {
    RelationKind.LIVES_AT: _("is the address of"),
    RelationKind.REGISTERED_AT: _("is the registered address of"),
    RelationKind.OWNS: _("is owned by"),
    RelationKind.RENTS: _("is rented by"),
    RelationKind.DIRECTS: _("is directed by"),
    RelationKind.WORKS_AT: _("employs"),
    RelationKind.FAMILY_OF: _("is family of"),
    RelationKind.VEHICLE_OWNER: _("has as registered keeper"),
}


class SourceGrade(models.TextChoices):
    """Reliability of the source, the first half of the 4x4 grading of police and RIEC."""

    A = "A", _("A: reliable, always proven reliable")
    B = "B", _("B: mostly reliable")
    C = "C", _("C: not reliable")
    D = "D", _("D: reliability cannot be judged")


class InfoGrade(models.TextChoices):
    """Reliability of the information itself, the second half of the 4x4 grading."""

    ONE = "1", _("1: known to be true without reservation")
    TWO = "2", _("2: known personally to the source, not to the official")
    THREE = "3", _("3: not known personally to the source, corroborated by other information")
    FOUR = "4", _("4: cannot be judged")


P, ORG, A, V = (
    SubjectKind.PERSON,
    SubjectKind.ORGANISATION,
    SubjectKind.ADDRESS,
    SubjectKind.VEHICLE,
)

# Which kinds a relation may join, as (from, to) pairs.
RELATION_ENDS = {
    RelationKind.LIVES_AT: {(P, A)},
    RelationKind.REGISTERED_AT: {(P, A), (ORG, A)},
    RelationKind.OWNS: {(P, A), (ORG, A), (P, ORG), (ORG, ORG)},
    RelationKind.RENTS: {(P, A), (ORG, A)},
    RelationKind.DIRECTS: {(P, ORG), (ORG, ORG)},
    RelationKind.WORKS_AT: {(P, ORG)},
    RelationKind.FAMILY_OF: {(P, P)},
    RelationKind.VEHICLE_OWNER: {(P, V), (ORG, V)},
}


class LegalForm(models.TextChoices):
    EENMANSZAAK = "eenmanszaak", _("Sole proprietorship")
    VOF = "vof", _("General partnership")
    BV = "bv", _("Private limited company")
    NV = "nv", _("Public limited company")
    STICHTING = "stichting", _("Foundation")
    VERENIGING = "vereniging", _("Association")
    COOPERATIE = "cooperatie", _("Cooperative")
    CV = "cv", _("Limited partnership")
    MAATSCHAP = "maatschap", _("Professional partnership")
    BUITENLANDS = "buitenlands", _("Foreign legal form")


class UsePurpose(models.TextChoices):
    """Gebruiksdoelen of a verblijfsobject in the BAG."""

    WOON = "woonfunctie", _("residential use")
    BIJEENKOMST = "bijeenkomstfunctie", _("assembly use")
    CEL = "celfunctie", _("detention use")
    GEZONDHEIDSZORG = "gezondheidszorgfunctie", _("health care use")
    INDUSTRIE = "industriefunctie", _("industrial use")
    KANTOOR = "kantoorfunctie", _("office use")
    LOGIES = "logiesfunctie", _("lodging use")
    ONDERWIJS = "onderwijsfunctie", _("education use")
    SPORT = "sportfunctie", _("sports use")
    WINKEL = "winkelfunctie", _("retail use")
    OVERIG = "overige gebruiksfunctie", _("other use")


SEE_ALL_PERMISSION = "subjects.view_subject"
ADD_PERMISSION = "subjects.add_subject"
# Who corrects a subject's details (a typo in a name, a birth date, an address).
CHANGE_PERMISSION = "subjects.change_subject"
# Who records, corrects and ends a relation by hand.
RELATE_PERMISSION = "subjects.add_relation"
CHANGE_RELATION_PERMISSION = "subjects.change_relation"
MERGE_PERMISSION = "subjects.merge_subject"
