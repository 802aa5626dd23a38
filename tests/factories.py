import factory
from django.contrib.auth.models import Group

from weerbaar.accounts.models import Team, TeamMembership, User
from weerbaar.subjects import services as subject_services


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set([Group.objects.get(name=r) for r in extracted])
        self.save()

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            TeamMembership.objects.create(team=team, user=self)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


def make_person(name: str = "Jan van der Berg", *, owner_team=None, bsn: str = "", birth=None):
    from weerbaar.core.normalize import parse_name

    parsed = parse_name(name)
    return subject_services.person_create(
        actor=None,
        data=subject_services.PersonData(
            surname=parsed.surname,
            prefix=parsed.prefix,
            given_names=parsed.given_names,
            bsn=bsn,
            birth_date=birth,
        ),
        source="test",
        owner_team=owner_team,
    )


def make_address(street="Kerkstraat", number=12, postcode="1234AB", place="Weerdam", **extra):
    return subject_services.address_create(
        actor=None,
        source="test",
        street=street,
        house_number=number,
        postcode=postcode,
        place=place,
        **extra,
    )
