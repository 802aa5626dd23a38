from django.urls import path

from weerbaar.subjects import views

app_name = "subjects"
urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/<str:kind>/", views.create, name="create"),
    path("<uuid:subject_id>/", views.detail, name="detail"),
]
