from django.urls import path

from weerbaar.signals import bulk_views, correction_views, views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("zoeken/", views.search, name="search"),
    path("weergaven/", views.view_save, name="view_save"),
    path("in-een-keer/", bulk_views.bulk, name="bulk"),
    path("weergaven/<int:view_id>/verwijderen/", views.view_delete, name="view_delete"),
    path("<uuid:signal_id>/", views.signal_detail, name="detail"),
    path("<uuid:signal_id>/triage/", views.signal_triage, name="triage"),
    path("<uuid:signal_id>/routering/", bulk_views.route, name="route"),
    path("<uuid:signal_id>/status/", views.signal_status, name="status"),
    path("<uuid:signal_id>/subjecten/", views.subject_find, name="subject_find"),
    path("<uuid:signal_id>/subjecten/koppelen/", views.subject_link, name="subject_link"),
    path(
        "<uuid:signal_id>/subjecten/ontkoppelen/",
        correction_views.subject_unlink,
        name="subject_unlink",
    ),
    path("<uuid:signal_id>/subjecten/rol/", correction_views.subject_role, name="subject_role"),
    path("<uuid:signal_id>/heropenen/", correction_views.reopen, name="reopen"),
    path(
        "<uuid:signal_id>/samenvoegen/ongedaan/",
        correction_views.merge_undo,
        name="merge_undo",
    ),
    path(
        "<uuid:signal_id>/verrijking/corrigeren/",
        correction_views.enrichment_edit,
        name="enrichment_edit",
    ),
    path(
        "<uuid:signal_id>/verrijking/verwijderen/",
        correction_views.enrichment_remove,
        name="enrichment_remove",
    ),
    path("<uuid:signal_id>/afweging/", views.weigh, name="weigh"),
    path("<uuid:signal_id>/verrijking/", views.enrich, name="enrich"),
    path("<uuid:signal_id>/relateren/", views.relate, name="relate"),
    path("<uuid:signal_id>/samenvoegen/", views.merge, name="merge"),
]
