from django.urls import path

from weerbaar.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("<uuid:signal_id>/", views.signal_detail, name="detail"),
]
