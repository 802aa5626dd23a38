from django.urls import path

from weerbaar.warehouse import newcomer_views, views

app_name = "warehouse"
urlpatterns = [
    path("attenderingen/", views.alert_list, name="alerts"),
    path("attenderingen/scan/", views.run_scan, name="scan"),
    path("attenderingen/afwijzen/", views.alerts_dismiss, name="dismiss_many"),
    path("attenderingen/scan/voortgang/", views.scan_status, name="scan_status"),
    path("attenderingen/<uuid:alert_id>/", views.alert_detail, name="alert"),
    path("attenderingen/<uuid:alert_id>/afwijzen/", views.alert_dismiss, name="dismiss"),
    path("attenderingen/<uuid:alert_id>/signaal/", views.alert_to_signal, name="to_signal"),
    path("koppelingen/", views.links, name="links"),
    path("koppelingen/opnieuw/", views.run_linkage, name="run_linkage"),
    path("koppelingen/voortgang/", views.link_status, name="link_status"),
    path("koppelingen/<uuid:link_id>/oordeel/", views.link_decide, name="link_decide"),
    path("nieuwe-bedrijven/", newcomer_views.new_businesses, name="new_businesses"),
    path("imports/", views.imports, name="imports"),
    path("imports/<uuid:run_id>/", views.import_detail, name="import"),
]
