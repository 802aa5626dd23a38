"""Westland's "Tabel 1: Ondermijningscasuïstiek" (evaluation 2019), cell for cell; a blank
cell is None. Its totals are 4, 10, 12 and 29."""

YEARS = (2016, 2017, 2018, 2019)
TABLE = {
    "Arbeidsuitbuiting ISZW": (None, None, None, 5),
    "Belastingfraude": (None, None, None, 1),
    "Hennep/drugs bestuurlijke waarschuwing gemeente": (1, 6, 2, 1),
    "Hennep/drugs sluiting gemeente": (2, 3, 8, 8),
    "Hennep/drugs huisuitzetting corporatie": (None, None, None, 2),
    "Illegale gokhal": (None, None, None, 2),
    "Illegale huisvesting": (None, None, None, 2),
    "Outlaw Motor Gang": (None, None, None, 2),
    "Woonfraude/prostitutie": (None, None, None, 1),
    "Witwassen": (None, None, None, 1),
    "RIEC Casus malafide uitzendbureau's": (None, None, None, 1),
    "RIEC Casus aanpak Georganiseerde Criminaliteit": (None, None, 2, 3),
    "RIEC casus arbeidsuitbuiting": (1, 1, None, None),
}
TOTALS = (4, 10, 12, 29)


def load(actor, team):
    """The cases of the table: a case type per category, each case opened in its year."""
    from freezegun import freeze_time

    from weerbaar.cases import services
    from weerbaar.cases.models import CaseType

    for n, (category, counts) in enumerate(TABLE.items()):
        case_type = CaseType.objects.create(
            code=f"westland-{n}", name=f"Westland {n}", reporting_category=category
        )
        for year, count in zip(YEARS, counts, strict=True):
            with freeze_time(f"{year}-06-15"):
                for i in range(count or 0):
                    services.case_open(
                        actor=actor,
                        case_type=case_type,
                        title=f"{category} {year} {i + 1}",
                        owner_team=team,
                    )
