"""allauth: sign-up is only open to someone who follows a valid invitation."""

from allauth.account.adapter import DefaultAccountAdapter

UITNODIGING_SESSIE_SLEUTEL = "kvo_uitnodiging_token"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        from werkgroepen.services import uitnodiging_geldig

        token = request.session.get(UITNODIGING_SESSIE_SLEUTEL)
        return bool(token and uitnodiging_geldig(token=token))
