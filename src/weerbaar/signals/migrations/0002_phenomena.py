"""The starting taxonomy of phenomena (DOMAIN.md), with plain words for the public form."""

from django.db import migrations

PHENOMENA = [
    ("hennep-drugs", "Hennep / drugs", "Hennep of drugs in een huis, schuur of bedrijfspand. "
     "Bijvoorbeeld: 'Ik dacht: ik verhuur mijn schuur'"),
    ("drugslab", "Harddrugs / drugslab", "Vreemde geuren, afval of verkeer bij een loods of bedrijfsunit"),
    ("witwassen", "Witwassen", "Een winkel of bedrijf zonder klanten dat toch open blijft"),
    ("adresfraude", "Adresfraude / illegale huisvesting", "Veel mensen ingeschreven of wonend in één huis"),
    ("arbeidsuitbuiting", "Arbeidsuitbuiting", "Mensen die onder slechte omstandigheden moeten werken"),
    ("mensenhandel", "Mensenhandel / illegale prostitutie", "Prostitutie of mensen die niet vrij lijken te zijn"),
    ("gokken", "Illegaal gokken", "Een gokhal of gokken zonder vergunning"),
    ("omg", "Outlaw Motor Gang", "Clubhuizen of activiteiten van motorbendes"),
    ("vastgoedfraude", "Vastgoedfraude", "Verdachte aan- of verkoop of verhuur van panden"),
    ("criminele-uitbuiting", "Criminele uitbuiting / jonge aanwas", "Jongeren die voor criminelen werken"),
    ("milieucriminaliteit", "Milieucriminaliteit", "Dumpen van afval of chemicaliën"),
    ("overig", "Iets anders", "Iets anders dat niet klopt"),
]


def forwards(apps, schema_editor):
    Phenomenon = apps.get_model("signals", "Phenomenon")
    for order, (code, name, public) in enumerate(PHENOMENA):
        Phenomenon.objects.update_or_create(
            code=code, defaults={"name": name, "public_description": public, "order": order}
        )


def backwards(apps, schema_editor):
    apps.get_model("signals", "Phenomenon").objects.filter(
        code__in=[code for code, _n, _p in PHENOMENA]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
