from django.urls import path

from weerbaar.police import views

app_name = "police"
urlpatterns = [
    path("", views.provision_list, name="list"),
    path("zaak/<uuid:case_id>/", views.for_case, name="for_case"),
    path("zaak/<uuid:case_id>/nieuw/", views.provision_create, name="create"),
    path("<uuid:provision_id>/", views.provision_detail, name="detail"),
    path("<uuid:provision_id>/corrigeren/", views.provision_edit, name="edit"),
    path("<uuid:provision_id>/vernietigen/", views.provision_destroy, name="destroy"),
]
