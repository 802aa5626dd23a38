"""The retention terms of every kind of record with their reasons, and who sees and runs
the retention page: the FG (holds and the trial run) and the beheerder (terms)."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "fg": ["privacy.view_retention", "privacy.add_legalhold"],
    "beheerder": ["privacy.view_retention"],
}

# (code, name, days, reason): the defaults; the beheerder changes them on the settings page.
TERMS = [
    (
        "reporter_contact",
        "Contactgegevens van melders",
        0,
        "Alleen nodig om de melder te antwoorden; weg zodra het signaal is afgesloten "
        "(AVG art. 5 lid 1 onder c en e). De dialoog blijft, zonder naam.",
    ),
    (
        "reporter_dialogue",
        "Dialoog met melders",
        90,
        "Geeft de melder tijd voor een laatste vraag nadat het signaal is afgesloten; daarna "
        "gaan de berichten en de volgcode.",
    ),
    (
        "report_attachments",
        "Bijlagen van meldingen",
        365,
        "Bestanden bij een melding, gerekend vanaf het afsluiten van het signaal; wat een "
        "casus nodig heeft, staat als document in het casusdossier.",
    ),
    (
        "meeting_minutes",
        "Overleggen en hun verslagen",
        1825,
        "Agenda, besluiten en actiepunten van een overleg, gerekend vanaf de dag van het "
        "overleg; een casus die een besluit opende, houdt een eigen dossier.",
    ),
    (
        "intervention",
        "Maatregelen",
        1825,
        "Een maatregel blijft minstens zo lang na het afronden en nooit korter dan zijn "
        "casus (Selectielijst gemeenten: handhaving).",
    ),
    (
        "screening",
        "Bibob-onderzoeken",
        1825,
        "Gerekend vanaf het besluit op de aanvraag (Wet Bibob art. 28: niet langer dan nodig "
        "voor het besluit en een procedure ertegen).",
    ),
    (
        "inspection",
        "Controles",
        1825,
        "Gerekend vanaf de dag van de controle, met bevindingen en foto's.",
    ),
    (
        "signal_case",
        "Signalen die tot een casus leidden",
        365,
        "Gaan zodra geen casus waartoe ze leidden meer over is, en nooit binnen deze termijn "
        "na de melding.",
    ),
    (
        "warehouse_alert",
        "Attenderingen van het informatiepakhuis",
        365,
        "Een afgehandelde attendering blijft een jaar voor de verantwoording; vindt de regel "
        "het object daarna nog, dan meldt de volgende scan het opnieuw ter beoordeling.",
    ),
    (
        "subject_recorded",
        "Vastgelegde subjecten",
        365,
        "Een persoon, organisatie, adres of voertuig dat hier is vastgelegd (met de hand, uit "
        "een melding), gaat zodra geen signaal, casus, onderzoek of controle ernaar verwijst, "
        "en niet binnen deze termijn na het vastleggen. Subjecten uit de basisregistraties "
        "blijven.",
    ),
    (
        "warehouse_import",
        "Importverslagen van het informatiepakhuis",
        365,
        "Het verslag van een import en de afgewezen regels, gerekend vanaf de import; de "
        "laatste geladen import van elke bron blijft, als de versie die het pakhuis bevat.",
    ),
    (
        "audit_trail",
        "De audittrail",
        1825,
        "Lang genoeg om te beantwoorden wie wat over een record zag, zolang de records zelf "
        "bewaard worden (nooit korter dan de langste termijn van een zaaktype); elk record na "
        "deze termijn laat een grafsteen met zijn hashes achter, zodat de keten heel en "
        "controleerbaar blijft.",
    ),
]
NO_ACTION_REASON = (
    "Een signaal dat tot niets leidde, is een jaar na het afsluiten niet meer nodig "
    "(privacyprotocol); de dag staat vast bij het afsluiten."
)


def forwards(apps, schema_editor):
    RetentionRule = apps.get_model("signals", "RetentionRule")
    for code, name, days, reason in TERMS:
        RetentionRule.objects.get_or_create(
            code=code, defaults={"name": name, "days": days, "reason": reason}
        )
    RetentionRule.objects.filter(code="signal_no_action", reason="").update(
        reason=NO_ACTION_REASON
    )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    codes = [code for code, *_rest in TERMS]
    apps.get_model("signals", "RetentionRule").objects.filter(code__in=codes).delete()
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("signals", "0014_closed_on_term_reason"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
