import pytest

from tests.factories import TeamFactory, UserFactory
from weerbaar.subjects import vocabulary

PERSONAS = {
    "regisseur": "regisseur",
    "medewerker": "medewerker",
    "behandelaar": "behandelaar",
    "toezichthouder": "toezichthouder",
    "bibob_coordinator": "bibob_coordinator",
    "ketenpartner": "ketenpartner",
    "burgemeester": "burgemeester",
    "beheerder": "beheerder",
    "fg": "fg",
}


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    # Test transactions roll back inserted tokens; the process-wide cache must forget them.
    vocabulary.reset()
    yield
    vocabulary.reset()


@pytest.fixture
def team(db):
    return TeamFactory(name="Veiligheid")


@pytest.fixture
def other_team(db):
    return TeamFactory(name="Andere afdeling")


def _persona(role, team):
    user = UserFactory(username=role, roles=[role], teams=[team])
    if role == "beheerder":
        user.is_staff = True
        user.save()
    return user


for _name, _role in PERSONAS.items():

    def _fixture(db, team, _role=_role):
        return _persona(_role, team)

    globals()[_name] = pytest.fixture(_fixture, name=_name)


@pytest.fixture
def outsider(db, other_team):
    """A staff member of another team, without any role."""
    return UserFactory(username="outsider", teams=[other_team])


@pytest.fixture
def deactivated(db, team):
    user = UserFactory(username="deactivated", roles=["regisseur"], teams=[team])
    user.is_active = False
    user.save()
    return user


@pytest.fixture(autouse=True)
def _warm_content_types(db):
    # ContentType lookups are cached per process; warm the cache so query counts do not
    # depend on which test ran first.
    from django.contrib.contenttypes.models import ContentType

    from weerbaar.subjects.models import Subject

    ContentType.objects.get_for_model(Subject)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
