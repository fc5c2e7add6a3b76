"""allauth: sign-up is only open to someone who follows a valid invitation, and the invitation proves
the address it was sent to."""

from allauth.account.adapter import DefaultAccountAdapter

UITNODIGING_SESSIE_SLEUTEL = "kvo_uitnodiging_token"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        from werkgroepen.services import uitnodiging_geldig

        token = request.session.get(UITNODIGING_SESSIE_SLEUTEL)
        return bool(token and uitnodiging_geldig(token=token))


def adres_bevestigd(user) -> None:
    """Record ``user``'s e-mail address as verified and primary in allauth. An invitation link sent to
    that address proves it, so the account's e-mail page shows it "Geverifieerd", not "Ongeverifieerd"."""
    from allauth.account.models import EmailAddress

    adres = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if adres is None:
        adres = EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not (adres.verified and adres.primary):
        adres.verified = adres.primary = True
        adres.save(update_fields=["verified", "primary"])
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=adres.pk).update(primary=False)
