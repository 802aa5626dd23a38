from django.urls import path

from weerbaar.meetings import item_views, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("reeksen/nieuw/", views.series_create, name="series_create"),
    path("reeksen/<uuid:series_id>/plannen/", views.meeting_plan, name="plan"),
    path("actiepunten/", views.actions, name="actions"),
    path("actiepunten/<uuid:action_id>/afgerond/", views.action_done, name="action_done"),
    path("<uuid:meeting_id>/", views.meeting_detail, name="detail"),
    path("<uuid:meeting_id>/agenda/", views.agenda_compose, name="compose"),
    path("<uuid:meeting_id>/versturen/", views.agenda_send, name="send"),
    path("<uuid:meeting_id>/afsluiten/", views.meeting_close, name="close"),
    path("<uuid:meeting_id>/verslag/", views.minutes, name="minutes"),
    path("<uuid:meeting_id>/verslag.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("punten/<uuid:item_id>/verwijderen/", views.item_remove, name="item_remove"),
    path("punten/<uuid:item_id>/verplaatsen/", views.item_move, name="item_move"),
    path("punten/<uuid:item_id>/delen/", views.item_share, name="item_share"),
    path("punten/<uuid:item_id>/aantekeningen/", views.item_notes, name="item_notes"),
    path("punten/<uuid:item_id>/besluit/", views.item_decide, name="item_decide"),
    path("punten/<uuid:item_id>/actiepunt/", views.action_add, name="action_add"),
    path(
        "punten/<uuid:item_id>/besluit/corrigeren/",
        item_views.decision_correct,
        name="decision_correct",
    ),
    path("punten/<uuid:item_id>/bijdrage/", item_views.contribution_add, name="contribute"),
    path(
        "bijdragen/<uuid:contribution_id>/delen/",
        item_views.contribution_share,
        name="contribution_share",
    ),
]
