"""The network in a real browser (#18): link two subjects by hand, open the network from a
case, expand, find the path, save a PNG; as a partner the hidden node is absent. axe-core on
the new pages, and the drawing works under the real Content-Security-Policy."""

import pytest

from tests.browser.conftest import PASSWORD, axe_clean, sign_in
from tests.factories import CaseFactory, TeamFactory, UserFactory, make_address, make_person
from weerbaar.accounts.services import share_grant, team_add_member
from weerbaar.cases.services import case_link_subject
from weerbaar.subjects.services import relation_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _relate(actor, kind, one, other):
    return relation_record(
        actor=actor,
        kind=kind,
        from_subject=one,
        to_subject=other,
        source="Politie",
        source_grade="B",
        info_grade="2",
    )


def test_link_by_hand_open_from_a_case_expand_path_and_picture(page, live_server, regisseur, team):
    anna, bert = make_person("Anna Smit"), make_person("Bert Smit")
    loods = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    carla = make_person("Carla Vos")
    _relate(regisseur, "family_of", bert, carla)
    case = CaseFactory(actor=regisseur, owner_team=team, title="Loodsweg 3")
    case_link_subject(actor=regisseur, case=case, subject=anna, role="concerned")

    sign_in(page, live_server, "regisseur")
    # link Anna and the Loodsweg by hand, from the address
    page.goto(f"{live_server.url}/subjecten/{loods.uuid}/")
    page.get_by_role("link", name="Relatie vastleggen").click()
    page.get_by_label("Zoek op naam, adres, postcode, KvK-nummer, BSN of kenteken").fill(
        "Anna Smit"
    )
    page.get_by_role("button", name="Zoeken").click()
    axe_clean(page, "relation-find")
    page.get_by_role("button", name="Kiezen Anna Smit").click()
    page.get_by_label("Relatie", exact=True).select_option(label="is het adres van")
    page.get_by_label("Bron", exact=True).fill("Controle woonfraude")
    page.get_by_label("Betrouwbaarheid van de bron").select_option("B")
    page.get_by_label("Betrouwbaarheid van de informatie").select_option("2")
    axe_clean(page, "relation-new")
    page.get_by_role("button", name="Relatie vastleggen").click()
    page.get_by_text("De relatie is vastgelegd.").wait_for()
    page.get_by_role("cell", name="is het adres van").wait_for()
    # Bert lives there too
    _relate(regisseur, "lives_at", bert, loods)

    page.goto(f"{live_server.url}/casussen/{case.uuid}/")
    page.get_by_role("link", name="Netwerk tonen").click()
    page.get_by_role("heading", name=f"Netwerk van {case.reference}").wait_for()
    page.locator("#network-canvas canvas").first.wait_for()
    nodes = page.locator("#network-nodes tbody tr")
    assert nodes.count() == 2  # Anna and the Loodsweg
    page.get_by_role("button", name="Uitbreiden Loodsweg 3, 6981 AB Doesburg").click()
    page.get_by_role("status").get_by_text("uitgebreid").wait_for()
    page.get_by_role("button", name="Uitbreiden Bert Smit").click()
    page.locator("#network-nodes tbody tr", has_text="Carla Vos").wait_for()
    axe_clean(page, "network")

    page.get_by_text("Kortste pad tussen twee subjecten").click()
    page.get_by_label("Vanaf", exact=True).select_option(label="Anna Smit")
    page.get_by_label("Naar", exact=True).select_option(label="Carla Vos")
    page.get_by_role("button", name="Kortste pad zoeken").click()
    page.get_by_text("Kortste pad: 3 relaties.").wait_for()

    page.get_by_text("Opslaan als afbeelding").click()
    page.get_by_label("Doel", exact=True).fill("Analyse voor het RIEC-casusoverleg")
    page.get_by_role("button", name="Opslaan als PNG").click()
    page.get_by_role("link", name="Bevestig wie u bent").click()
    page.get_by_label("Uw wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name=f"Netwerk van {case.reference}").wait_for()
    page.get_by_text("Opslaan als afbeelding").click()
    page.get_by_label("Doel", exact=True).fill("Analyse voor het RIEC-casusoverleg")
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als PNG").click()
    assert download.value.suggested_filename == "netwerk.png"
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als SVG").click()
    assert download.value.suggested_filename == "netwerk.svg"
    assert "<svg" in open(download.value.path(), encoding="utf-8").read()
    assert "Anna Smit" in open(download.value.path(), encoding="utf-8").read()

    # hand the case's network over as FollowTheMoney
    page.get_by_role("link", name="Overdragen als FollowTheMoney (OpenAleph, RIEC)").click()
    page.get_by_role("heading", name=f"Netwerk van {case.reference} overdragen").wait_for()
    axe_clean(page, "network-handover")
    page.get_by_role("button", name="Downloaden als FollowTheMoney").click()
    page.get_by_text("Geef het doel van de export op").wait_for()
    page.get_by_label("Doel van de export").fill("Overdracht aan het RIEC")
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden als FollowTheMoney").click()
    assert download.value.suggested_filename == f"{case.reference}-ftm.json"
    lines = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert any('"Project"' in line for line in lines) and any("Anna Smit" in x for x in lines)
    assert page.foreign_requests == []


def test_the_drawing_works_under_the_real_policy(browser, live_server, regisseur):
    anna, loods = make_person("Anna Smit"), make_address("Loodsweg", 3, "6981AB", "Doesburg")
    _relate(regisseur, "lives_at", anna, loods)
    context = browser.new_context(locale="nl-NL")  # the CSP applies here
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server, "regisseur")
    page.goto(f"{live_server.url}/netwerk/?subject={loods.uuid}")
    page.locator("#network-canvas canvas").first.wait_for()
    page.get_by_role("button", name="Uitbreiden Anna Smit").click()
    page.get_by_role("status").get_by_text("uitgebreid").wait_for()
    context.close()
    assert refused == []


def test_a_partner_does_not_see_the_hidden_node(page, live_server, regisseur):
    anna, bert = make_person("Anna Smit"), make_person("Bert Smit")
    loods = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    _relate(regisseur, "lives_at", anna, loods)
    _relate(regisseur, "lives_at", bert, loods)
    partner_team = TeamFactory(name="Politie basisteam", is_external=True)
    partner = UserFactory(username="partner", roles=["ketenpartner"])
    team_add_member(actor=None, team=partner_team, user=partner)
    for subject in (anna, loods):
        share_grant(
            actor=regisseur, obj=subject, team=partner_team, purpose="LIO", legal_basis="LIO"
        )
    sign_in(page, live_server, "partner")
    page.goto(f"{live_server.url}/netwerk/?subject={loods.uuid}")
    page.locator("#network-canvas canvas").first.wait_for()
    page.get_by_role("button", name="Uitbreiden Anna Smit").click()
    page.get_by_role("status").get_by_text("uitgebreid").wait_for()
    assert "Bert Smit" not in page.content()
    assert page.locator("#network-nodes tbody tr").count() == 2
    axe_clean(page, "network-partner")
