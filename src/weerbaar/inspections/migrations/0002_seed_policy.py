"""The kinds with their yearly targets (Vlaardingen: 20 integrale controles and 1,000 address
checks a year), the partner kinds and a first checklist per partner kind."""

from django.db import migrations

KINDS = [
    ("integrale-controle", "Integrale controle", 20, "inspections"),
    ("alcoholwet", "Alcoholwetcontrole", 0, "inspections"),
    ("brp-adrescontrole", "BRP-adrescontrole", 1000, "address_checks"),
]
PARTNERS = {
    "politie": (
        "Politie",
        ["Aanwezige personen gecontroleerd", "Signalen van criminaliteit", "Voertuigen bij het pand"],
    ),
    "brandweer": (
        "Brandweer",
        ["Vluchtwegen vrij en aangegeven", "Brandblusmiddelen aanwezig en gekeurd", "Elektra en brandgevaar"],
    ),
    "belastingdienst": (
        "Belastingdienst",
        ["Kassasysteem en administratie", "Contante geldstromen"],
    ),
    "omgevingsdienst": (
        "Omgevingsdienst",
        ["Gebruik volgens de omgevingsvergunning", "Opslag van gevaarlijke stoffen"],
    ),
    "arbeidsinspectie": (
        "Nederlandse Arbeidsinspectie",
        ["Werknemers met geldige papieren", "Arbeidsomstandigheden en huisvesting"],
    ),
    "netbeheerder": (
        "Netbeheerder",
        ["Aansluiting en meter zonder tekenen van fraude", "Afwijkend stroomverbruik"],
    ),
    "woningcorporatie": (
        "Woningcorporatie",
        ["Bewoning volgens het huurcontract", "Onderverhuur of overbewoning"],
    ),
    "eigen-toezicht": (
        "Eigen toezicht gemeente",
        ["Vergunningen en exploitatievergunning aanwezig", "Leidinggevenden op de vergunning aanwezig", "Openingstijden en schenktijden"],
    ),
}


def forwards(apps, schema_editor):
    kind = apps.get_model("inspections", "InspectionKind")
    partner = apps.get_model("inspections", "PartnerKind")
    item = apps.get_model("inspections", "ChecklistItem")
    for code, name, target, measure in KINDS:
        kind.objects.update_or_create(
            code=code, defaults={"name": name, "yearly_target": target, "measure": measure}
        )
    for order, (code, (name, items)) in enumerate(PARTNERS.items()):
        row, _ = partner.objects.update_or_create(code=code, defaults={"name": name, "order": order})
        for position, text in enumerate(items):
            item.objects.get_or_create(partner_kind=row, text=text, defaults={"order": position})


def backwards(apps, schema_editor):
    apps.get_model("inspections", "ChecklistItem").objects.all().delete()
    apps.get_model("inspections", "PartnerKind").objects.filter(code__in=PARTNERS).delete()
    apps.get_model("inspections", "InspectionKind").objects.filter(
        code__in=[k[0] for k in KINDS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
