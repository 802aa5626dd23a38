from django.urls import path

from weerbaar.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("subject-zoeken/", views.subject_find, name="find"),
    path("controleren/", views.chain_verify, name="verify"),
]
