from django.urls import path

from weerbaar.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("<uuid:signal_id>/", views.signal_detail, name="detail"),
    path("<uuid:signal_id>/triage/", views.signal_triage, name="triage"),
    path("<uuid:signal_id>/status/", views.signal_status, name="status"),
]
