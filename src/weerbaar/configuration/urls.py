from django.urls import path

from weerbaar.configuration import views

app_name = "configuration"
urlpatterns = [
    path("", views.index, name="index"),
    path("drempels/", views.thresholds, name="thresholds"),
    path("drempels/<slug:code>/", views.threshold_edit, name="threshold"),
    path("<slug:slug>/", views.section_list, name="section"),
    path("<slug:slug>/nieuw/", views.section_edit, name="create"),
    path("<slug:slug>/<int:row_id>/", views.section_edit, name="edit"),
    path("<slug:slug>/<int:row_id>/verwijderen/", views.section_remove, name="remove"),
]
