"""A verified e-mail address in allauth, for the services that prove one (an invitation link, a
welcome link). Apart from ``kvo.adapters``, which calls the work group's services: the services
import this module, never the adapter."""


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
