from django.urls import path

from weerbaar.subjects import edit_views, relation_views, views

app_name = "subjects"
urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/<str:kind>/", views.create, name="create"),
    path("<uuid:subject_id>/", views.detail, name="detail"),
    path("<uuid:subject_id>/wijzigen/", edit_views.edit, name="edit"),
    path("<uuid:subject_id>/relaties/zoeken/", relation_views.relation_find, name="relation_find"),
    path("<uuid:subject_id>/relaties/nieuw/", relation_views.relation_new, name="relation_new"),
    path("relaties/<uuid:relation_id>/", relation_views.relation_edit, name="relation_edit"),
    path(
        "relaties/<uuid:relation_id>/beeindigen/", relation_views.relation_end, name="relation_end"
    ),
]
