from django.urls import path

from weerbaar.privacy import glass_views, request_views, review_views, views

app_name = "privacy"
urlpatterns = [
    path("bewaren/", views.retention, name="retention"),
    path("bewaren/proefrun/", views.dry_run, name="dry_run"),
    path("bewaren/bewaarplicht/", views.hold_add, name="hold_add"),
    path("bewaren/bewaarplicht/<uuid:hold_id>/opheffen/", views.hold_lift, name="hold_lift"),
    path("verzoeken/", request_views.request_list, name="requests"),
    path("verzoeken/nieuw/", request_views.request_new, name="request_new"),
    path("verzoeken/<uuid:request_id>/", request_views.request_detail, name="request"),
    path(
        "verzoeken/<uuid:request_id>/verlengen/",
        request_views.request_extend,
        name="request_extend",
    ),
    path(
        "verzoeken/<uuid:request_id>/afhandelen/",
        request_views.request_answer,
        name="request_answer",
    ),
    path("verzoeken/<uuid:request_id>/achterhouden/", request_views.withhold, name="withhold"),
    path(
        "verzoeken/<uuid:request_id>/achterhouden/ongedaan/",
        request_views.withhold_clear,
        name="withhold_clear",
    ),
    path("verzoeken/<uuid:request_id>/aantekening/", request_views.annotate, name="annotate"),
    path("verzoeken/<uuid:request_id>/beperken/", request_views.restrict, name="restrict"),
    path(
        "verzoeken/<uuid:request_id>/beperking-opheffen/",
        request_views.restriction_lift,
        name="restriction_lift",
    ),
    path(
        "verzoeken/<uuid:request_id>/afschrift.pdf",
        request_views.request_copy,
        name="request_copy",
    ),
    path("toegang/", review_views.access_review, name="access_review"),
    path("ongewoon/", review_views.unusual_access, name="unusual"),
    path("register/", review_views.register, name="register"),
    path("register/dpia-bijlage.pdf", review_views.register_annex, name="register_annex"),
    path("toegang/aftekenen/", review_views.access_review_sign, name="access_review_sign"),
    path("openen-met-reden/", glass_views.emergency_open, name="emergency"),
    path(
        "openen-met-reden/<uuid:access_id>/beeindigen/",
        glass_views.emergency_end,
        name="emergency_end",
    ),
    path("geopend-met-reden/", glass_views.emergency_list, name="openings"),
    path("geopend-met-reden/<uuid:access_id>/", glass_views.emergency_detail, name="opening"),
]
