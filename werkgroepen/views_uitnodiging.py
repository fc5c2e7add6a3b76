"""Following an invitation link: sign up or log in, then accept."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from kvo.adapters import UITNODIGING_SESSIE_SLEUTEL
from werkgroepen.services import uitnodiging_accepteer, uitnodiging_geldig, uitnodiging_zoek


def uitnodiging(request, token: str):
    uitn = uitnodiging_zoek(token=token)
    if uitn is None or not uitnodiging_geldig(token=token):
        return render(request, "werkgroepen/uitnodiging_ongeldig.html", {"uitnodiging": uitn}, status=410)
    if not request.user.is_authenticated:
        request.session[UITNODIGING_SESSIE_SLEUTEL] = token
        hier = reverse("uitnodiging:accepteer", args=[token])
        bestaat = get_user_model().objects.filter(email__iexact=uitn.email).exists()
        doel = "account_login" if bestaat else "account_signup"
        return redirect(f"{reverse(doel)}?next={hier}")
    if request.method == "POST":
        try:
            uitnodiging_accepteer(uitnodiging=uitn, user=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect(request.path)
        request.session.pop(UITNODIGING_SESSIE_SLEUTEL, None)
        messages.success(request, f"Welkom in de werkgroep {uitn.werkgroep.naam}.")
        return redirect("werkgroepen:home", werkgroep=uitn.werkgroep.slug)
    return render(request, "werkgroepen/uitnodiging.html", {"uitnodiging": uitn})
