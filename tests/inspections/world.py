"""An integrale controle of two addresses and a business, with three partners."""

from datetime import timedelta

from django.utils import timezone

from tests.factories import AddressFactory, InspectionFactory, OrganisationFactory
from weerbaar.inspections.models import PartnerKind


def planned(actor, team, *, partners=("politie", "brandweer", "eigen-toezicht"), days=0):
    kinds = list(PartnerKind.objects.filter(code__in=partners))
    return InspectionFactory(
        actor=actor,
        owner_team=team,
        planned_on=timezone.localdate() + timedelta(days=days),
        addresses=[
            AddressFactory(street="Havenstraat", number=3, postcode="3131AB"),
            AddressFactory(street="Havenstraat", number=5, postcode="3131AB"),
        ],
        businesses=[OrganisationFactory(name="Shisha Lounge Haven")],
        partners=kinds,
    )


def items_of(code):
    return list(PartnerKind.objects.get(code=code).items.all())
