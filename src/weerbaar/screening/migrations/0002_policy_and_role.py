"""The permit kinds and checklist of the Bibob policy (Westland, Vlaardingen, Papendrecht seeds),
and the Bibob role's permissions: it alone sees every screening (Wet Bibob art. 28)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

# (code, name, requires a screening by policy, decision term in weeks)
KINDS = [
    ("drank-horeca", "Drank- en horecavergunning", True, 8),
    ("exploitatie", "Exploitatievergunning", True, 8),
    ("seksinrichting", "Vergunning seksinrichting", True, 8),
    ("speelautomaten", "Speelautomatenvergunning", True, 8),
    ("omgevingsvergunning", "Omgevingsvergunning", False, 8),
    ("vastgoedtransactie", "Vastgoedtransactie", False, 8),
    ("subsidie", "Subsidie", False, 8),
    ("overheidsopdracht", "Overheidsopdracht", False, 6),
]
ITEMS = [
    ("identiteit", "Identiteit", "Wie is de aanvrager; klopt het identiteitsbewijs."),
    ("zeggenschap", "Zeggenschap", "Wie heeft feitelijk zeggenschap: bestuurders, aandeelhouders, UBO."),
    ("financiering", "Financiering", "Waarmee wordt de onderneming of het pand gefinancierd."),
    (
        "plausibiliteit",
        "Plausibiliteit van de financiering",
        "Passen de middelen bij inkomen, vermogen en de onderneming.",
    ),
    ("antecedenten", "Antecedenten (open bronnen)", "Wat open bronnen zeggen over de betrokkenen."),
    ("registers", "Registerfeiten", "KvK, BRP, eerdere vergunningen en sluitingen."),
]
ROLE_PERMISSIONS = {
    "bibob_coordinator": [
        "screening.view_screening",
        "screening.add_screening",
        "screening.change_screening",
    ],
}


def forwards(apps, schema_editor):
    PermitKind = apps.get_model("screening", "PermitKind")
    ChecklistItem = apps.get_model("screening", "ChecklistItem")
    for code, name, required, weeks in KINDS:
        PermitKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "requires_screening": required, "decision_weeks": weeks},
        )
    for order, (code, name, description) in enumerate(ITEMS, start=1):
        ChecklistItem.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "order": order}
        )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    revoke(apps, ROLE_PERMISSIONS)
    apps.get_model("screening", "PermitKind").objects.filter(code__in=[k[0] for k in KINDS]).delete()
    apps.get_model("screening", "ChecklistItem").objects.filter(
        code__in=[i[0] for i in ITEMS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial"), ("accounts", "0007_notification_kinds_and_calendar")]
    operations = [migrations.RunPython(forwards, backwards)]
