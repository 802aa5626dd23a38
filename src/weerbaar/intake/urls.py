from django.urls import path

from weerbaar.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.report_form, name="report"),
    path("opvolgen/", views.follow_up, name="follow_up"),
    path("opvolgen/verstuurd/", views.follow_up_sent, name="follow_up_sent"),
    path("adressen/", views.address_suggestions, name="address_suggestions"),
    path("dialoog/<uuid:signal_id>/", views.dialogue, name="dialogue"),
    path("intern/", views.internal_report, name="internal"),
    path("partner/", views.partner_report, name="partner"),
    path("mijn-meldingen/", views.my_reports, name="my_reports"),
    path("mma/", views.mma_import, name="mma_import"),
    path("afscherming/<uuid:report_id>/", views.reveal, name="reveal"),
    path("onthullingen/", views.reveals, name="reveals"),
    path("bijlage/<uuid:attachment_id>/", views.attachment, name="attachment"),
]
