from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Persoon")
    ORGANISATION = "organisation", _("Organisatie")
    ADDRESS = "address", _("Adres")
    VEHICLE = "vehicle", _("Voertuig")


class RelationKind(models.TextChoices):
    LIVES_AT = "lives_at", _("woont op")
    REGISTERED_AT = "registered_at", _("staat ingeschreven op")
    OWNS = "owns", _("is eigenaar van")
    RENTS = "rents", _("huurt")
    DIRECTS = "directs", _("is bestuurder van")
    WORKS_AT = "works_at", _("werkt bij")
    FAMILY_OF = "family_of", _("is familie van")
    VEHICLE_OWNER = "vehicle_owner", _("is kentekenhouder van")


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
    EENMANSZAAK = "eenmanszaak", _("Eenmanszaak")
    VOF = "vof", _("Vennootschap onder firma")
    BV = "bv", _("Besloten vennootschap")
    NV = "nv", _("Naamloze vennootschap")
    STICHTING = "stichting", _("Stichting")
    VERENIGING = "vereniging", _("Vereniging")
    COOPERATIE = "cooperatie", _("Coöperatie")
    CV = "cv", _("Commanditaire vennootschap")
    MAATSCHAP = "maatschap", _("Maatschap")
    BUITENLANDS = "buitenlands", _("Buitenlandse rechtsvorm")


class UsePurpose(models.TextChoices):
    """Gebruiksdoelen of a verblijfsobject in the BAG."""

    WOON = "woonfunctie", _("woonfunctie")
    BIJEENKOMST = "bijeenkomstfunctie", _("bijeenkomstfunctie")
    CEL = "celfunctie", _("celfunctie")
    GEZONDHEIDSZORG = "gezondheidszorgfunctie", _("gezondheidszorgfunctie")
    INDUSTRIE = "industriefunctie", _("industriefunctie")
    KANTOOR = "kantoorfunctie", _("kantoorfunctie")
    LOGIES = "logiesfunctie", _("logiesfunctie")
    ONDERWIJS = "onderwijsfunctie", _("onderwijsfunctie")
    SPORT = "sportfunctie", _("sportfunctie")
    WINKEL = "winkelfunctie", _("winkelfunctie")
    OVERIG = "overige gebruiksfunctie", _("overige gebruiksfunctie")


SEE_ALL_PERMISSION = "subjects.view_subject"
