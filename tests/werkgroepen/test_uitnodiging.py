"""Inviting a member: mail, the link, signing up, accepting, and invalid tokens."""

import datetime as dt
import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import LidFactory
from werkgroepen.models import Lid, Uitnodiging
from werkgroepen.services import lid_nodig_uit


def _link(bericht) -> str:
    return re.search(r"https?://\S+(/uitnodiging/\S+/)", bericht.body).group(1)


def test_uitnodigen_via_de_knop_verstuurt_mail(actoren, als, django_capture_on_commit_callbacks):
    nieuw = LidFactory(werkgroep=actoren.werkgroep, naam="Nieuw Lid", email="nieuw@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        r = als(actoren.voorzitter).post(
            reverse("werkgroepen:lid_uitnodigen", kwargs={"werkgroep": "de-hoek", "pk": nieuw.pk})
        )
    assert r.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert "KVO De Hoek" in mail.outbox[0].subject


def test_volledige_uitnodigingsflow(actoren, client, django_capture_on_commit_callbacks):
    nieuw = LidFactory(werkgroep=actoren.werkgroep, naam="Nieuw Lid", email="nieuw@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        lid_nodig_uit(actor=actoren.voorzitter, lid=nieuw)
    link = _link(mail.outbox[0])

    r = client.get(link)  # the sign-up form is on the invitation's page (issue 21)
    assert r.status_code == 200
    assert 'value="nieuw@example.org"' in r.text

    # one step: making the account accepts the invitation (no second "accept" click)
    r = client.post(link, {"password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"})
    assert r.status_code == 302, r.content
    assert r.url == reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})
    nieuw.refresh_from_db()
    assert nieuw.user == get_user_model().objects.get(email="nieuw@example.org")
    assert client.get(r.url).status_code == 200
    # the invitation reached this address: verified and primary, shown as such (the product's status pill)
    assert EmailAddress.objects.get(user=nieuw.user).verified and EmailAddress.objects.get(user=nieuw.user).primary
    pagina = client.get(reverse("account_email")).text
    assert "Ongeverifieerd" not in pagina and '<span class="status status--voldaan"' in pagina


def test_verlopen_uitnodiging_geeft_duidelijke_pagina(actoren, client):
    nieuw = LidFactory(werkgroep=actoren.werkgroep, email="nieuw@example.org")
    u = lid_nodig_uit(actor=actoren.voorzitter, lid=nieuw)
    Uitnodiging.objects.filter(pk=u.pk).update(geldig_tot=timezone.now() - dt.timedelta(minutes=1))
    r = client.get(reverse("uitnodiging:accepteer", args=[u.token]))
    assert r.status_code == 410
    assert "niet (meer) geldig" in r.text and "verlopen" in r.text


def test_gebruikte_uitnodiging_geeft_duidelijke_pagina(actoren, client):
    nieuw = LidFactory(werkgroep=actoren.werkgroep, email="nieuw@example.org")
    u = lid_nodig_uit(actor=actoren.voorzitter, lid=nieuw)
    Uitnodiging.objects.filter(pk=u.pk).update(geaccepteerd_op=timezone.now())
    r = client.get(reverse("uitnodiging:accepteer", args=[u.token]))
    assert r.status_code == 410
    assert "al gebruikt" in r.text


def test_onbekende_token(db, client):
    r = client.get(reverse("uitnodiging:accepteer", args=["bestaat-niet"]))
    assert r.status_code == 410
    assert "niet (meer) geldig" in r.text


def test_uitnodigen_zonder_email_geeft_melding(actoren, als):
    lid = LidFactory(werkgroep=actoren.werkgroep, email=None)
    r = als(actoren.voorzitter).post(
        reverse("werkgroepen:lid_uitnodigen", kwargs={"werkgroep": "de-hoek", "pk": lid.pk}), follow=True
    )
    assert "Vul eerst een e-mailadres in" in r.text
    assert not Uitnodiging.objects.filter(lid=lid).exists()
    assert Lid.objects.filter(pk=lid.pk).exists()
