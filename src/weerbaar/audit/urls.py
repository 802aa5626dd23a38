from django.urls import path

from weerbaar.audit import export_views, views

app_name = "audit"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("subject-zoeken/", views.subject_find, name="find"),
    path("controleren/", views.chain_verify, name="verify"),
    path("exportverzoeken/", export_views.export_requests, name="exports"),
    path("exportverzoeken/<uuid:export_id>/", export_views.export_decide, name="export_decide"),
]
