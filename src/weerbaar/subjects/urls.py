from django.urls import path

from weerbaar.subjects import edit_views, merge_views, relation_views, views

app_name = "subjects"
urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/<str:kind>/", views.create, name="create"),
    path("<uuid:subject_id>/", views.detail, name="detail"),
    path("<uuid:subject_id>/wijzigen/", edit_views.edit, name="edit"),
    path("<uuid:subject_id>/relaties/zoeken/", relation_views.relation_find, name="relation_find"),
    path("<uuid:subject_id>/relaties/nieuw/", relation_views.relation_new, name="relation_new"),
    path("dubbel/", merge_views.duplicates, name="duplicates"),
    path("dubbel/<uuid:pair_id>/", merge_views.duplicate, name="duplicate"),
    path(
        "dubbel/<uuid:pair_id>/niet-dezelfde/",
        merge_views.duplicate_distinct,
        name="duplicate_distinct",
    ),
    path("<uuid:subject_id>/samenvoegen/", merge_views.merge_find, name="merge_find"),
    path("<uuid:subject_id>/samenvoegen/met/", merge_views.merge_compare, name="merge_compare"),
    path("samenvoegingen/<uuid:merge_id>/ongedaan-maken/", merge_views.unmerge, name="unmerge"),
    path("relaties/<uuid:relation_id>/", relation_views.relation_edit, name="relation_edit"),
    path(
        "relaties/<uuid:relation_id>/beeindigen/", relation_views.relation_end, name="relation_end"
    ),
]
