from django.urls import path

from weerbaar.cases import correction_views, handover_views, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("nieuw/", views.case_create, name="create"),
    path("taken/<uuid:task_id>/afgerond/", views.task_done, name="task_done"),
    path("<uuid:case_id>/", views.case_detail, name="detail"),
    path("<uuid:case_id>/status/", views.case_status, name="status"),
    path("<uuid:case_id>/afsluiten/", views.case_close, name="close"),
    path("<uuid:case_id>/notitie/", views.note_add, name="note"),
    path("<uuid:case_id>/taak/", views.task_add, name="task"),
    path("<uuid:case_id>/riec/", views.case_riec, name="riec"),
    path("<uuid:case_id>/delen/", views.share, name="share"),
    path("<uuid:case_id>/delen/beeindigen/", views.share_stop, name="share_stop"),
    path("<uuid:case_id>/zgw/", handover_views.zgw_export, name="zgw"),
    path("<uuid:case_id>/team/", views.member, name="member"),
    path("<uuid:case_id>/subjecten/", views.subject_find, name="subject_find"),
    path("<uuid:case_id>/subjecten/koppelen/", views.subject_link, name="subject_link"),
    path("<uuid:case_id>/subjecten/rol/", correction_views.subject_role, name="subject_role"),
    path(
        "<uuid:case_id>/subjecten/ontkoppelen/",
        correction_views.subject_unlink,
        name="subject_unlink",
    ),
    path("<uuid:case_id>/heropenen/", correction_views.reopen, name="reopen"),
    path("<uuid:case_id>/titel/", correction_views.retitle, name="retitle"),
    path("<uuid:case_id>/eigenaar/", correction_views.team_set, name="team_set"),
    path("<uuid:case_id>/notitie/corrigeren/", correction_views.note_edit, name="note_edit"),
    path(
        "<uuid:case_id>/notitie/verwijderen/",
        correction_views.note_remove,
        name="note_remove",
    ),
    path("<uuid:case_id>/documenten/", views.document_upload, name="document_upload"),
    path("documenten/<uuid:version_id>/", views.document_download, name="document"),
]
