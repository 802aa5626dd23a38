from django.urls import path

from weerbaar.inspections import check_views, planning_views, prep_views, views

app_name = "inspections"

urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("planning/", planning_views.planning, name="planning"),
    path("planning/kandidaat/", planning_views.candidate_add, name="candidate_add"),
    path(
        "planning/kandidaat/<uuid:candidate_id>/verwijderen/",
        planning_views.candidate_remove,
        name="candidate_remove",
    ),
    path("nieuw/", views.inspection_plan, name="plan"),
    path("<uuid:inspection_id>/", views.inspection_detail, name="detail"),
    path("<uuid:inspection_id>/veiligheid/", views.safety, name="safety"),
    path("<uuid:inspection_id>/registerfeiten/", prep_views.facts, name="facts"),
    path("<uuid:inspection_id>/briefing/", prep_views.briefing, name="briefing"),
    path("<uuid:inspection_id>/onderzoek/", views.research, name="research"),
    path("<uuid:inspection_id>/ter-plaatse/", views.site, name="site"),
    path("<uuid:inspection_id>/bevindingen/", views.findings, name="findings"),
    path("<uuid:inspection_id>/fotos/", views.photo_add, name="photo_add"),
    path("foto/<uuid:photo_id>/", views.photo, name="photo"),
    path("<uuid:inspection_id>/uitkomst/", views.outcome, name="outcome"),
    path("<uuid:inspection_id>/naar-signaal/", views.to_signal, name="to_signal"),
    path("<uuid:inspection_id>/naar-casus/", views.to_case, name="to_case"),
    path("<uuid:inspection_id>/naar-maatregel/", views.to_measure, name="to_measure"),
    path("adrescontroles/", check_views.check_list, name="checks"),
    path("adrescontroles/nieuw/", check_views.check_plan, name="check_plan"),
    path("adrescontroles/<uuid:check_id>/", check_views.check_detail, name="check_detail"),
    path("adrescontroles/<uuid:check_id>/uitkomst/", check_views.check_record, name="check_record"),
]
