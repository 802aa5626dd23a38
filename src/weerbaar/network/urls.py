from django.urls import path

from weerbaar.network import views

app_name = "network"
urlpatterns = [
    path("", views.network, name="network"),
    path("uitbreiden/", views.expand, name="expand"),
    path("pad/", views.shortest, name="path"),
    path("afbeelding/", views.picture, name="picture"),
    path("overdragen/", views.handover, name="handover"),
]
