"""The start page: each role's work, counted through the apps' selectors, linked to its list."""

import re

import pytest
from django.urls import reverse

from tests.conftest import PERSONAS
from tests.home_world import home_world
from weerbaar.accounts.services import share_grant

BLOCKS = [
    "signalen",
    "melders",
    "taken",
    "termijnen",
    "attenderingen",
    "exports",
    "overleg",
    "controles",
    "verantwoording",
]


@pytest.fixture
def personas(request, team):
    return {name: request.getfixturevalue(name) for name in PERSONAS}


@pytest.fixture
def work(personas, other_team):
    return home_world(personas, other_team)


def _page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def _block(html: str, name: str) -> str:
    """The card of one block of work, or '' when the page has none."""
    if f'id="werk-{name}"' not in html:
        return ""
    return html.split(f'id="werk-{name}"', 1)[1].split('<li class="card"', 1)[0]


def _links(block: str) -> list[tuple[str, int]]:
    """(link, the count its text starts with) of every counted link in a block."""
    found = re.findall(r'href="([^"]+)">(?:<strong>)?(\d+) ', block)
    return [(href.replace("&amp;", "&"), int(n)) for href, n in found]


EXPECTED = {
    # The regisseur sees every signal and answers reporters; the team's toezichthouder has
    # tasks, the behandelaar action points and deadlines and is in the LIO with the partner.
    # The regisseur and the privacy officer approve the bulk exports of others (P23).
    "regisseur": {
        "signalen",
        "melders",
        "taken",
        "termijnen",
        "attenderingen",
        "exports",
        "overleg",
        "controles",
        "verantwoording",
    },
    "medewerker": {"signalen"},
    "behandelaar": {"taken", "termijnen", "overleg"},
    "toezichthouder": {"taken", "termijnen", "controles"},
    # The Bibob terms are on the deadline overview (#15).
    "bibob_coordinator": {"termijnen"},
    "ketenpartner": {"taken", "overleg"},
    "burgemeester": {"taken", "verantwoording"},
    "beheerder": set(),
    # The terms of the requests of data subjects are on the deadline overview (#17).
    "fg": {"exports", "termijnen"},
}


@pytest.mark.parametrize("role", sorted(PERSONAS))
def test_each_role_sees_the_blocks_of_its_work(client, personas, work, role):
    html = _page(client, personas[role])
    assert {b for b in BLOCKS if _block(html, b)} == EXPECTED[role]
    assert ("Uw werk" in html) == bool(EXPECTED[role])


def test_medewerker_counts_only_the_signals_of_the_own_team(client, personas, work):
    block = _block(_page(client, personas["medewerker"]), "signalen")
    # One new signal of the team (the other team's one is hidden), one assigned and in progress.
    assert "1 nieuw signaal" in block
    assert "1 aan mij toegewezen, in behandeling" in block


def test_toezichthouder_counts_no_task_of_a_hidden_case(client, personas, work):
    block = _block(_page(client, personas["toezichthouder"]), "taken")
    assert "1 open taak" in block and "Verborgen" not in block
    assert reverse("cases:detail", args=[work["case"].uuid]) in block


def test_regisseur_sees_waiting_reporters_and_reveals_to_approve(client, personas, work):
    block = _block(_page(client, personas["regisseur"]), "melders")
    assert "1 signaal met een wachtende melder" in block
    assert "1 verzoek wacht op uw goedkeuring." in block


def test_the_one_who_asked_for_a_reveal_is_not_asked_to_approve_it(client, work):
    block = _block(_page(client, work["colleague"]), "melders")
    assert "Er wacht geen verzoek." in block


def test_next_meeting_links_to_it(client, personas, work):
    block = _block(_page(client, personas["behandelaar"]), "overleg")
    assert reverse("meetings:detail", args=[work["meeting"].uuid]) in block


LINKED = {
    "regisseur": {
        "signals:list?status=new",
        "signals:list?waiting=on",
        "intake:reveals",
        "warehouse:alerts",
    },
    "toezichthouder": {"my_tasks"},
    "medewerker": {"signals:list?status=new", "signals:list?assigned=me&status=in_progress"},
    "behandelaar": {"meetings:actions"},
}


@pytest.mark.parametrize("role", sorted(LINKED))
def test_every_count_links_to_a_list_of_as_many_rows(client, personas, work, role):
    html = _page(client, personas[role])
    links = [link for b in BLOCKS for link in _links(_block(html, b))]
    expected = {reverse(r.split("?")[0]) + r[len(r.split("?")[0]) :] for r in LINKED[role]}
    assert {href for href, _count in links} == expected
    for href, count in links:
        response = client.get(href)
        assert response.status_code == 200, href
        assert response.context["page"].paginator.count == count, href


def test_empty_states_are_in_dutch(client, personas, work):
    assert "Geen taken." in _block(_page(client, personas["behandelaar"]), "taken")
    html = _page(client, personas["toezichthouder"])
    assert "Geen actiepunten." in _block(html, "taken")
    assert "Geen termijnen deze week." in _block(html, "termijnen")
    assert "Geen open signalen aan u toegewezen." in _block(
        _page(client, personas["regisseur"]), "signalen"
    )


def test_the_page_asks_as_many_queries_for_many_rows_as_for_one(
    client, personas, other_team, django_assert_max_num_queries
):
    client.force_login(personas["regisseur"])
    home_world(personas, other_team, size=1)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("home"))
    home_world(personas, other_team, size=12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))


def test_partner_menu_has_no_subject_search(client, personas, work):
    from tests.factories import make_person

    partner = personas["ketenpartner"]
    # Even with a subject shared for the LIO, the partner is not offered the register's search.
    share_grant(
        actor=personas["regisseur"],
        obj=make_person("Gedeeld Subject"),
        user=partner,
        purpose="Bespreking in het LIO",
        legal_basis="Convenant LIO",
    )
    html = _page(client, partner)
    assert reverse("subjects:search") not in html
    assert reverse("subjects:search") in _page(client, personas["regisseur"])
