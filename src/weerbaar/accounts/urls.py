from django.urls import path

from weerbaar.accounts import reauth_views, views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("bevestigen/", reauth_views.reauth, name="reauth"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("account/", views.profile, name="profile"),
    path("berichten/", views.inbox, name="inbox"),
    path("berichten/gelezen/", views.inbox_read, name="inbox_read"),
    path("berichten/alles-gelezen/", views.inbox_read_all, name="inbox_read_all"),
    path("account/berichten-per-e-mail/", views.notification_settings, name="notifications"),
    path("account/agenda/", views.calendar_renew, name="calendar_renew"),
    path("account/agenda/intrekken/", views.calendar_revoke, name="calendar_revoke"),
    path("account/wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("account/api-sleutel/", views.token_renew, name="token_renew"),
    path("account/api-sleutel/intrekken/", views.token_revoke, name="token_revoke"),
    path("account/tweede-factor/instellen/", views.otp_enroll, name="otp_enroll"),
    path("account/tweede-factor/", views.otp_verify, name="otp_verify"),
]
