from django.urls import path

from weerbaar.reporting import map_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.yearly_report, name="report"),
    path("overzicht/", views.overview, name="overview"),
    path("kaart/", map_views.area_map, name="map"),
    path("kaart/panden/", map_views.map_buildings, name="map_buildings"),
    path("<int:year>/toelichting/<slug:theme>/", views.narrative_save, name="narrative"),
    path("<int:year>/vaststellen/", views.year_adopt, name="adopt"),
]
