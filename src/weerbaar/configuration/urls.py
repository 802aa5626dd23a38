from django.urls import path

from weerbaar.configuration import user_views, views

app_name = "configuration"
urlpatterns = [
    path("", views.index, name="index"),
    path("gebruikers/", user_views.user_list, name="users"),
    path("gebruikers/nieuw/", user_views.user_create, name="user_create"),
    path("gebruikers/<uuid:account_id>/", user_views.user_edit, name="user"),
    path("gebruikers/<uuid:account_id>/actief/", user_views.user_active, name="user_active"),
    path("rolverzoeken/<uuid:grant_id>/", user_views.grant_decide, name="grant"),
    path("drempels/", views.thresholds, name="thresholds"),
    path("drempels/<slug:code>/", views.threshold_edit, name="threshold"),
    path("<slug:slug>/", views.section_list, name="section"),
    path("<slug:slug>/nieuw/", views.section_edit, name="create"),
    path("<slug:slug>/<int:row_id>/", views.section_edit, name="edit"),
    path("<slug:slug>/<int:row_id>/verwijderen/", views.section_remove, name="remove"),
]
