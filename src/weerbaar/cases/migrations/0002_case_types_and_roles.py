"""The case types of the Westland case table (DOMAIN.md) and who may do what with cases."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

FILE = "cases.view_case_file"
ROLE_PERMISSIONS = {
    "regisseur": ["cases.view_case", "cases.add_case", "cases.change_case", FILE],
    "behandelaar": ["cases.add_case", "cases.change_case", FILE],
    "toezichthouder": ["cases.change_case", FILE],
    "bibob_coordinator": [FILE],
    "medewerker": [FILE],
    "burgemeester": [FILE],
}
MAYOR = ["burgemeester"]
# (code, name, category in the yearly report, RIEC type, roles that see every case)
CASE_TYPES = [
    ("arbeidsuitbuiting", "Arbeidsuitbuiting (ISZW)", "Arbeidsuitbuiting", False, []),
    ("belastingfraude", "Belastingfraude", "Belastingfraude", False, []),
    ("hennep-waarschuwing", "Hennep/drugs bestuurlijke waarschuwing", "Hennep/drugs", False, []),
    ("hennep-sluiting", "Hennep/drugs sluiting gemeente", "Hennep/drugs", False, MAYOR),
    ("hennep-huisuitzetting", "Hennep/drugs huisuitzetting corporatie", "Hennep/drugs", False, []),
    ("illegale-gokhal", "Illegale gokhal", "Illegaal gokken", False, MAYOR),
    ("illegale-huisvesting", "Illegale huisvesting", "Illegale huisvesting", False, []),
    ("outlaw-motor-gang", "Outlaw Motor Gang", "Outlaw Motor Gangs", False, MAYOR),
    ("woonfraude-prostitutie", "Woonfraude/prostitutie", "Woonfraude/prostitutie", False, []),
    ("witwassen", "Witwassen", "Witwassen", False, []),
    ("riec-uitzendbureaus", "RIEC casus malafide uitzendbureaus", "RIEC", True, []),
    (
        "riec-georganiseerde-criminaliteit",
        "RIEC casus aanpak georganiseerde criminaliteit",
        "RIEC",
        True,
        [],
    ),
    ("riec-arbeidsuitbuiting", "RIEC casus arbeidsuitbuiting", "RIEC", True, []),
]


def forwards(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    for code, name, category, riec, roles in CASE_TYPES:
        CaseType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "reporting_category": category,
                "riec": riec,
                "visible_to_roles": roles,
            },
        )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("cases", "CaseType").objects.filter(
        code__in=[row[0] for row in CASE_TYPES], cases__isnull=True
    ).delete()
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
