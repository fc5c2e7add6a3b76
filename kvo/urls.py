from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from kvo import views, views_avg, views_sso, views_toegankelijkheid
from kvo.gezondheid import Gezondheid
from kvo.mailwebhook import mailgun_tracking
from kvo.tenancy import tweestaps_nodig

werkgroep_patterns = [
    path("", include("werkgroepen.urls")),
    path("gebied/", include("gebieden.urls")),
    path("analyse/", include("analyse.urls")),
    path("aanpak/", include("aanpak.urls")),
    path("audit/", include("audits.urls")),
]

# The admin's own login would skip allauth: no two-step verification, no rate limit. Its login page
# sends to allauth's instead (and back), so staff log in to the admin as everywhere else. The admin
# shows every work group's data, so while one of them requires two-step verification the admin asks
# it of the session too (kvo.tenancy.tweestaps_nodig), as that group's own pages do.
_admin_login, _admin_mag = admin.site.login, admin.site.has_permission


def _tweestaps_ergens_verplicht() -> bool:
    from werkgroepen.models import Werkgroep

    return Werkgroep.objects.filter(mfa_verplicht=True).exists()


def _admin_mag_met_tweestaps(request) -> bool:
    return _admin_mag(request) and tweestaps_nodig(request, verplicht=_tweestaps_ergens_verplicht()) is None


def _admin_login_met_tweestaps(request, extra_context=None):
    personeel = request.user.is_authenticated and request.user.is_staff and request.user.is_active
    if personeel and (omleiding := tweestaps_nodig(request, verplicht=_tweestaps_ergens_verplicht())):
        return omleiding
    return _admin_login(request, extra_context)


admin.site.has_permission = _admin_mag_met_tweestaps
admin.site.login = secure_admin_login(_admin_login_met_tweestaps)

urlpatterns = [
    path("", views.home, name="home"),
    path("gezondheid/", Gezondheid.as_view(), name="gezondheid"),  # for the load balancer
    path("accounts/organisatie/", views_sso.inloggen_organisatie, name="sso_inloggen"),  # kvo.sso
    path("accounts/saml/<str:organization_slug>/acs/finish/", views_sso.saml_acs_afronden),  # before allauth's
    path("accounts/", include("allauth.urls")),
    path("uitnodiging/", include("werkgroepen.urls_uitnodiging")),
    path("e/", include("analyse.urls_publiek")),  # the entrepreneur's survey, without an account
    path("auditor/", include("audits.urls_portaal")),  # the auditor's portal
    path("certificaat/", include("audits.urls_publiek")),  # a certificate's public verification page
    path("toegankelijkheid/", views_toegankelijkheid.verklaring, name="toegankelijkheidsverklaring"),  # public
    path("beheer/", include("kvo.urls_beheer")),
    path("privacy/", views_avg.privacyverklaring, name="privacyverklaring"),  # public, no login
    path("begeleiding/maatregelen/", include("aanpak.urls_bibliotheek")),  # the measures library over the groups
    path("begeleiding/", include("kvo.urls_portfolio")),  # the facilitator's portfolio of work groups
    path("agenda/", include("kvo.urls_agenda")),  # a person's private calendar feed and its link
    path("mail/mailgun/tracking/", mailgun_tracking, name="mailgun_tracking"),  # bounces (when configured)
    path("admin/", admin.site.urls),
    path("w/<slug:werkgroep>/", include(werkgroep_patterns)),
]

if settings.KVO_BENCH:  # the page benchmark's floor (bench/provincie.py, demo/meten.py); off unless KVO_BENCH=1
    urlpatterns.append(path("_bench/", include("demo.urls")))

# Media (photos, documents, document sets) are never served by URL, not even in development: only
# views that check the work group hand them out, so another group's file is a 404 even by its path.
