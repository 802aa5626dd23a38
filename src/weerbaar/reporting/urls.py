from django.urls import path

from weerbaar.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.yearly_report, name="report"),
]
