from django.urls import path

from weerbaar.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.yearly_report, name="report"),
    path("overzicht/", views.overview, name="overview"),
    path("<int:year>/toelichting/<slug:theme>/", views.narrative_save, name="narrative"),
    path("<int:year>/vaststellen/", views.year_adopt, name="adopt"),
]
