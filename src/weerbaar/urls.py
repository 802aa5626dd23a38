from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from weerbaar import my_tasks, views
from weerbaar.api import router
from weerbaar.core.csp_report import csp_report
from weerbaar.intake import api as intake_api
from weerbaar.interventions.calendar import deadline_feed

admin.site.site_header = admin.site.site_title = "Weerbaar beheer"
admin.site.login = views.admin_login
handler500 = "weerbaar.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("weerbaar.accounts.urls")),
    path("mijn-taken/", my_tasks.my_tasks, name="my_tasks"),
    path("agenda/<str:token>/termijnen.ics", deadline_feed, name="deadline_feed"),
    path("subjecten/", include("weerbaar.subjects.urls")),
    path("audit/", include("weerbaar.audit.urls")),
    path("signalen/", include("weerbaar.signals.urls")),
    path("overleg/", include("weerbaar.meetings.urls")),
    path("casussen/", include("weerbaar.cases.urls")),
    path("interventies/", include("weerbaar.interventions.urls")),
    path("controles/", include("weerbaar.inspections.urls")),
    path("bibob/", include("weerbaar.screening.urls")),
    path("politie/", include("weerbaar.police.urls")),
    path("verantwoording/", include("weerbaar.reporting.urls")),
    path("pakhuis/", include("weerbaar.warehouse.urls")),
    path("netwerk/", include("weerbaar.network.urls")),
    path("privacy/", include("weerbaar.privacy.urls")),
    path("instellingen/", include("weerbaar.configuration.urls")),
    path("melden/", include("weerbaar.intake.urls")),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("gezondheid/", views.health, name="health"),
    path("csp-rapport/", csp_report, name="csp_report"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", views.api_docs, name="api-docs"),
    path("api/v1/meldingen/", intake_api.PublicReportAPI.as_view(), name="api-report-public"),
    path(
        "api/v1/meldingen/intern/",
        intake_api.InternalReportAPI.as_view(),
        name="api-report-internal",
    ),
    path(
        "api/v1/meldingen/partner/",
        intake_api.PartnerReportAPI.as_view(),
        name="api-report-partner",
    ),
    path("api/v1/", include(router.urls)),
]
