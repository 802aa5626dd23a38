from django.urls import path

from weerbaar.interventions import views

app_name = "interventions"
urlpatterns = [
    path("termijnen/", views.overview, name="overview"),
    path("casus/<uuid:case_id>/", views.for_case, name="for_case"),
    path("casus/<uuid:case_id>/nieuw/", views.start, name="start"),
    path("<uuid:intervention_id>/", views.detail, name="detail"),
    path("<uuid:intervention_id>/stappen/", views.steps, name="steps"),
    path("<uuid:intervention_id>/verbeurd/", views.forfeiture, name="forfeiture"),
    path("<uuid:intervention_id>/afronden/", views.finish, name="finish"),
    path("<uuid:intervention_id>/brief/<slug:letter>.<slug:fmt>", views.letter, name="letter"),
]
