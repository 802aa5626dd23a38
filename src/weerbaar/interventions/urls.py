from django.urls import path

from weerbaar.interventions import letter_views, views

app_name = "interventions"
urlpatterns = [
    path("termijnen/", views.overview, name="overview"),
    path("casus/<uuid:case_id>/", views.for_case, name="for_case"),
    path("casus/<uuid:case_id>/nieuw/", views.start, name="start"),
    path("<uuid:intervention_id>/", views.detail, name="detail"),
    path("<uuid:intervention_id>/stappen/", views.steps, name="steps"),
    path("<uuid:intervention_id>/verbeurd/", views.forfeiture, name="forfeiture"),
    path("<uuid:intervention_id>/afronden/", views.finish, name="finish"),
    path("<uuid:intervention_id>/brief/<slug:letter>/", letter_views.letter, name="letter"),
    path(
        "<uuid:intervention_id>/brief/<slug:letter>/maken/",
        letter_views.letter_make,
        name="letter_make",
    ),
    path("briefteksten/", letter_views.letter_texts, name="letter_texts"),
    path("briefteksten/<slug:letter>/", letter_views.letter_text_edit, name="letter_text_edit"),
    path(
        "briefteksten/<slug:letter>/standaard/",
        letter_views.letter_text_restore,
        name="letter_text_restore",
    ),
]
