from django.urls import path

from weerbaar.privacy import views

app_name = "privacy"
urlpatterns = [
    path("bewaren/", views.retention, name="retention"),
    path("bewaren/proefrun/", views.dry_run, name="dry_run"),
    path("bewaren/bewaarplicht/", views.hold_add, name="hold_add"),
    path("bewaren/bewaarplicht/<uuid:hold_id>/opheffen/", views.hold_lift, name="hold_lift"),
]
