"""One demo user per role, in teams, with passwords derived from the seed (so they can be
printed again on every start of the demo)."""

import random

from django.db import transaction

from weerbaar.accounts.constants import Role
from weerbaar.accounts.models import Team, User
from weerbaar.accounts.services import share_grant, team_add_member, team_create, user_create
from weerbaar.subjects.models import Subject

WORDS = [
    "molen",
    "dijk",
    "polder",
    "sluis",
    "gracht",
    "tulp",
    "fiets",
    "haven",
    "brug",
    "kade",
    "duin",
    "wad",
    "berk",
    "eik",
    "zeil",
    "vlag",
    "klomp",
    "toren",
    "plein",
    "veer",
]

USERS = [
    ("regisseur", "Rianne", "de Regt", Role.REGISSEUR, "Veiligheid"),
    ("medewerker", "Mehmet", "Yilmaz", Role.MEDEWERKER, "Publiekszaken"),
    ("behandelaar", "Bart", "Hendriks", Role.BEHANDELAAR, "Handhaving"),
    ("toezichthouder", "Tamara", "Visser", Role.TOEZICHTHOUDER, "Handhaving"),
    ("bibob", "Bibi", "Bakker", Role.BIBOB_COORDINATOR, "Bibob"),
    ("ketenpartner", "Kees", "Agent", Role.KETENPARTNER, "Politie basisteam"),
    ("burgemeester", "Barbara", "Meester", Role.BURGEMEESTER, "Bestuur"),
    ("beheerder", "Bert", "Beheer", Role.BEHEERDER, "Informatievoorziening"),
    ("fg", "Femke", "Gerritsen", Role.FG, "Privacy"),
]


def passwords(seed: int) -> dict[str, str]:
    rng = random.Random(f"demo-users-{seed}")
    return {
        username: "-".join(rng.sample(WORDS, 3)) + f"-{rng.randint(10, 99)}"
        for username, *_rest in USERS
    }


@transaction.atomic
def create_users(*, seed: int) -> dict[str, str]:
    secrets = passwords(seed)
    teams: dict[str, Team] = {}
    for username, first, last, role, team_name in USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = user_create(
            actor=None,
            username=username,
            password=secrets[username],
            roles=[role.value],
            first_name=first,
            last_name=last,
            email=f"{username}@weerdam.invalid",
            organisation="Politie Eenheid Weerland" if role == Role.KETENPARTNER else "",
        )
        if team_name not in teams:
            teams[team_name] = Team.objects.filter(name=team_name).first() or team_create(
                actor=None, name=team_name, is_external=role == Role.KETENPARTNER
            )
        team_add_member(actor=None, team=teams[team_name], user=user)
    _share_with_partner(teams.get("Politie basisteam"))
    return secrets


def _share_with_partner(team: Team | None) -> None:
    """The police partner sees a handful of subjects, shared for the LIO."""
    if team is None:
        return
    regisseur = User.objects.get(username="regisseur")
    for subject in Subject.objects.order_by("id")[:5]:
        share_grant(
            actor=regisseur,
            obj=subject,
            team=team,
            purpose="Bespreking in het LIO",
            legal_basis="Convenant LIO, art. 6 lid 1 sub e AVG",
        )
