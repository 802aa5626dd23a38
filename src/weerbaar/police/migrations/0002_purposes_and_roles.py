"""The purposes police information is provided for, who reads it for each, and its term."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

# (code, name, what it may be used for, roles that read it)
PURPOSES = [
    (
        "sluiting",
        "Sluiting van een woning of lokaal",
        "Bestuurlijke rapportage voor een besluit van de burgemeester tot sluiting "
        "(art. 13b Opiumwet, art. 174a Gemeentewet).",
        ["regisseur", "behandelaar"],
    ),
    (
        "openbare-orde",
        "Handhaving van de openbare orde",
        "Voor een bevoegdheid van de burgemeester in de openbare orde (Gemeentewet art. 172 "
        "en 174), zoals een last onder bestuursdwang.",
        ["regisseur", "behandelaar"],
    ),
    (
        "vergunning",
        "Besluit over een vergunning",
        "Voor het weigeren of intrekken van een vergunning van de burgemeester buiten een "
        "Bibob-procedure, zoals een drank- en horeca- of exploitatievergunning.",
        ["regisseur", "behandelaar"],
    ),
    (
        "riec-casus",
        "Integrale aanpak in een RIEC-casus",
        "Verstrekt in het samenwerkingsverband van het RIEC (Wpg art. 20, RIEC-convenant) "
        "voor de bestuurlijke aanpak van die casus.",
        ["regisseur"],
    ),
]
ROLE_PERMISSIONS = {
    "regisseur": ["police.view_provision", "police.add_provision", "police.change_provision"],
    "behandelaar": ["police.view_provision", "police.add_provision", "police.change_provision"],
    "beheerder": ["police.view_purpose", "police.add_purpose", "police.change_purpose"],
}
TERM = (
    "police_information",
    "Politie-informatie",
    365,
    "Gerekend vanaf het sluiten van de casus waarvoor de politie de informatie verstrekte: "
    "daarna is het doel bereikt (Wpg art. 7; CCV-modelprotocol). Een casus in bezwaar of "
    "beroep blijft bewaard.",
)


def forwards(apps, schema_editor):
    Purpose = apps.get_model("police", "Purpose")
    for code, name, description, roles in PURPOSES:
        Purpose.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "roles": roles}
        )
    code, name, days, reason = TERM
    apps.get_model("signals", "RetentionRule").objects.get_or_create(
        code=code, defaults={"name": name, "days": days, "reason": reason}
    )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)
    apps.get_model("signals", "RetentionRule").objects.filter(code=TERM[0]).delete()
    apps.get_model("police", "Purpose").objects.filter(code__in=[p[0] for p in PURPOSES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("police", "0001_initial"),
        ("signals", "0015_sharing_weighing"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
