"""The administrative toolbox (DOMAIN.md), a Damoclesbeleid matrix to start from, and roles.

Both are policy data: the functioneel beheerder adapts article numbers, terms and the matrix
to the municipality's own APV and policy."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "regisseur": ["interventions.add_intervention", "interventions.change_intervention"],
    "behandelaar": ["interventions.add_intervention", "interventions.change_intervention"],
    "toezichthouder": ["interventions.change_intervention"],
}
# code, name, legal basis, Awb decision, closure, penalty, compliance days
INSTRUMENTS = [
    ("damocles-sluiting", "Sluiting (Damocles)", "art. 13b Opiumwet", True, True, False, 14),
    ("bestuurlijke-waarschuwing", "Bestuurlijke waarschuwing", "art. 13b Opiumwet, Damoclesbeleid", False, False, False, None),
    ("sluiting-174a", "Sluiting woning of lokaal (art. 174a Gemeentewet)", "art. 174a Gemeentewet", True, True, False, 7),
    ("apv-sluiting-openbaar-gebouw", "Sluiting openbaar gebouw (APV)", "art. 2:80 APV", True, True, False, 7),
    ("apv-aanwijzing-vergunningplicht", "Aanwijzing vergunningplicht (APV)", "art. 2:81 APV", True, False, False, None),
    ("last-onder-dwangsom", "Last onder dwangsom", "art. 5:31d Awb, art. 125 Gemeentewet", True, False, True, 14),
    ("last-onder-bestuursdwang", "Last onder bestuursdwang", "art. 5:21 Awb, art. 125 Gemeentewet", True, False, False, 14),
    ("gebiedsverbod", "Gebiedsverbod", "art. 172a Gemeentewet, APV", True, False, False, None),
    ("intrekking-exploitatievergunning", "Intrekking exploitatievergunning", "APV, art. 3 Wet Bibob", True, False, False, None),
    ("huisuitzetting-corporatie", "Huisuitzetting via de woningcorporatie", "art. 7:231 BW (ontbinding huurovereenkomst)", False, False, False, None),
    ("bibob-verwijzing", "Verwijzing naar een Bibob-toets", "Wet Bibob", False, False, False, None),
    ("integrale-controle", "Integrale controle", "art. 5:11 e.v. Awb, bijzondere wetten", False, False, False, None),
    ("adrescontrole", "Adrescontrole", "Wet BRP", False, False, False, None),
    ("riec-verwijzing", "Verwijzing naar het RIEC", "RIEC-convenant", False, False, False, None),
]
W, C = "bestuurlijke-waarschuwing", "damocles-sluiting"
# (premises, finding): measures for the first, second and third offence; months or None
MATRIX = {
    ("home", "hemp"): [(W, None), (C, 3), (C, 6)],
    ("home", "hard_drugs"): [(C, 3), (C, 6), (C, 12)],
    ("home", "preparatory"): [(W, None), (C, 3), (C, 6)],
    ("home", "trade"): [(W, None), (C, 3), (C, 6)],
    ("business", "hemp"): [(C, 3), (C, 6), (C, 12)],
    ("business", "hard_drugs"): [(C, 6), (C, 12), (C, "indefinite")],
    ("business", "preparatory"): [(C, 3), (C, 6), (C, 12)],
    ("business", "trade"): [(C, 3), (C, 6), (C, 12)],
    ("public", "hemp"): [(C, 3), (C, 6), (C, 12)],
    ("public", "hard_drugs"): [(C, 6), (C, 12), (C, "indefinite")],
    ("public", "preparatory"): [(C, 3), (C, 6), (C, 12)],
    ("public", "trade"): [(C, 3), (C, 6), (C, 12)],
}


def forwards(apps, schema_editor):
    Instrument = apps.get_model("interventions", "Instrument")
    PolicyRule = apps.get_model("interventions", "PolicyRule")
    by_code = {}
    for code, name, basis, decision, closure, penalty, compliance in INSTRUMENTS:
        by_code[code], _created = Instrument.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "legal_basis": basis,
                "is_decision": decision,
                "is_closure": closure,
                "is_penalty": penalty,
                "compliance_days": compliance,
            },
        )
    for (premises, finding), measures in MATRIX.items():
        for offence, (code, months) in enumerate(measures, start=1):
            PolicyRule.objects.get_or_create(
                policy="Damoclesbeleid",
                premise_type=premises,
                finding=finding,
                offence=offence,
                defaults={
                    "measure": by_code[code],
                    "duration_months": months if isinstance(months, int) else None,
                    "indefinite": months == "indefinite",
                },
            )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("interventions", "PolicyRule").objects.filter(policy="Damoclesbeleid").delete()
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("interventions", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
