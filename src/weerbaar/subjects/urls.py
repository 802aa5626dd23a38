from django.urls import path

from weerbaar.subjects import edit_views, views

app_name = "subjects"
urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/<str:kind>/", views.create, name="create"),
    path("<uuid:subject_id>/", views.detail, name="detail"),
    path("<uuid:subject_id>/wijzigen/", edit_views.edit, name="edit"),
]
