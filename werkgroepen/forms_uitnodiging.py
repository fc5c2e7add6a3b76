"""The account form on the invitation page: the address is the invitation's, only the password is chosen."""

from django import forms
from django.contrib.auth import get_user_model, password_validation


class UitnodigingAccountForm(forms.Form):
    # Disabled: shown, never read from the request (Django keeps the initial value), so the account is
    # always made for the address the invitation was sent to.
    email = forms.EmailField(label="E-mailadres", disabled=True, required=False)
    password1 = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minstens 10 tekens; niet alleen cijfers en geen veelgebruikt wachtwoord.",
    )
    password2 = forms.CharField(
        label="Wachtwoord (nogmaals)",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, initial={"email": email}, **kwargs)
        self.adres = email

    def clean(self):
        cleaned = super().clean()
        een, twee = cleaned.get("password1"), cleaned.get("password2")
        if een and twee and een != twee:
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk.")
        elif een:
            try:
                password_validation.validate_password(een, user=get_user_model()(email=self.adres))
            except forms.ValidationError as fout:
                self.add_error("password1", fout)
        return cleaned
