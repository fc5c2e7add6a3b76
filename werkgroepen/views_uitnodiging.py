"""Following an invitation link: make the account there and then (which accepts the invitation), or
log in with the invited address (which accepts it too), or accept it when already logged in.

The invitation page is the only way to an account: allauth's own sign-up stays closed
(``kvo.adapters.AccountAdapter``). The account is made for the invited address only, whatever the
request carries, and nothing on the page tells whether some other address has an account.
"""

from allauth.account import app_settings as allauth_account
from allauth.account.utils import complete_signup
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from kvo.adapters import UITNODIGING_SESSIE_SLEUTEL
from kvo.formulieren import voer_uit
from werkgroepen.forms_uitnodiging import UitnodigingAccountForm
from werkgroepen.services import (
    uitnodiging_accepteer,
    uitnodiging_geldig,
    uitnodiging_registreer,
    uitnodiging_vraag_wie,
    uitnodiging_zoek,
)


def uitnodiging(request, token: str):
    uitn = uitnodiging_zoek(token=token)
    if (
        uitn is not None
        and uitn.geaccepteerd_op
        and request.user.is_authenticated
        and uitn.lid.user_id == request.user.pk
    ):
        return redirect("werkgroepen:home", werkgroep=uitn.werkgroep.slug)  # accepted by this user: go on
    if uitn is None or not uitnodiging_geldig(token=token):
        vraag = uitnodiging_vraag_wie(uitn) if uitn is not None else None
        return render(
            request, "werkgroepen/uitnodiging_ongeldig.html", {"uitnodiging": uitn, "vraag": vraag}, status=410
        )
    if not request.user.is_authenticated:
        if get_user_model().objects.filter(email__iexact=uitn.email).exists():
            # The invited address has an account: logging in with it accepts (kvo.adapters.post_login).
            request.session[UITNODIGING_SESSIE_SLEUTEL] = token
            messages.info(
                request,
                f"Er is al een account voor {uitn.email}. Log daarmee in; daarmee accepteert u de uitnodiging "
                f"voor {uitn.werkgroep.naam}.",
            )
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        return _account_maken(request, uitn)
    if request.method == "POST":
        try:
            uitnodiging_accepteer(uitnodiging=uitn, user=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect(request.path)
        request.session.pop(UITNODIGING_SESSIE_SLEUTEL, None)
        messages.success(request, f"Welkom in de werkgroep {uitn.werkgroep.naam}.")
        return redirect("werkgroepen:home", werkgroep=uitn.werkgroep.slug)
    ander_adres = request.user.email.lower() != uitn.email.lower()
    return render(request, "werkgroepen/uitnodiging.html", {"uitnodiging": uitn, "ander_adres": ander_adres})


def _account_maken(request, uitn):
    """The sign-up form on the invitation page: the invited address, a password; saving makes the
    account, accepts the invitation and logs in, in one step."""
    form = UitnodigingAccountForm(request.POST if request.method == "POST" else None, email=uitn.email)
    if request.method == "POST":
        if not ratelimit.consume(request, action="signup"):  # allauth's sign-up limit, per client address
            return ratelimit.respond_429(request)
        uitkomst = voer_uit(form, lambda g: uitnodiging_registreer(uitnodiging=uitn, wachtwoord=g["password1"]))
        if uitkomst.gelukt:
            request.session.pop(UITNODIGING_SESSIE_SLEUTEL, None)
            messages.success(request, f"Welkom in de werkgroep {uitn.werkgroep.naam}.")
            thuis = reverse("werkgroepen:home", kwargs={"werkgroep": uitn.werkgroep.slug})
            return complete_signup(request, uitkomst.waarde, allauth_account.EMAIL_VERIFICATION, thuis)
    return render(request, "werkgroepen/uitnodiging_registreren.html", {"uitnodiging": uitn, "form": form})
