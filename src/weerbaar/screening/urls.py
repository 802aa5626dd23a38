from django.urls import path

from weerbaar.screening import copy_views, count_views, letter_views, list_views, views

app_name = "screening"
urlpatterns = [
    path("", views.screening_list, name="list"),
    path("nieuw/", views.screening_create, name="create"),
    path("<uuid:screening_id>/", views.screening_detail, name="detail"),
    path("<uuid:screening_id>/stappen/", views.screening_steps, name="steps"),
    path("<uuid:screening_id>/voornemen/", views.screening_intention, name="intention"),
    path("<uuid:screening_id>/besluit/", views.screening_decide, name="decide"),
    path("<uuid:screening_id>/brief/<slug:kind>/", letter_views.letter_make, name="letter_make"),
    path("brieven/<uuid:letter_id>/", letter_views.letter_download, name="letter"),
    path("<uuid:screening_id>/bevinding/", views.finding_record, name="finding"),
    path("<uuid:screening_id>/registerfeiten/", letter_views.registry_facts, name="registry_facts"),
    path("<uuid:screening_id>/betrokkenen/", views.party_find, name="party_find"),
    path("<uuid:screening_id>/betrokkenen/noemen/", views.party_add, name="party_add"),
    path(
        "<uuid:screening_id>/betrokkenen/<int:party_id>/verwijderen/",
        views.party_remove,
        name="party_remove",
    ),
    path("<uuid:screening_id>/delen/", views.screening_share, name="share"),
    # List screening.
    path("lijsten/", list_views.list_index, name="lists"),
    path("lijsten/nieuw/", list_views.list_new, name="list_new"),
    path("lijsten/<uuid:list_id>/", list_views.list_detail, name="list_detail"),
    # The copy for the person concerned, and the figures of a year.
    path("<uuid:screening_id>/afschrift/", copy_views.applicant_copy, name="copy"),
    path("jaaroverzicht/", count_views.year_overview, name="year"),
]
