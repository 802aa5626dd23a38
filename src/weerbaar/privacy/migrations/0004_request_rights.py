"""The FG answers the requests of data subjects; the requests have a term of their own."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {"fg": ["privacy.handle_datarequest"]}
TERM = (
    "data_request",
    "Verzoeken van betrokkenen",
    365,
    "Een verzoek met de beslissingen erover, gerekend vanaf het antwoord: lang genoeg voor "
    "een bezwaar of een klacht bij de Autoriteit Persoonsgegevens.",
)


def forwards(apps, schema_editor):
    code, name, days, reason = TERM
    apps.get_model("signals", "RetentionRule").objects.get_or_create(
        code=code, defaults={"name": name, "days": days, "reason": reason}
    )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("signals", "RetentionRule").objects.filter(code=TERM[0]).delete()
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0003_data_requests"),
        ("signals", "0014_closed_on_term_reason"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
