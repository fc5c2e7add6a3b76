from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from kvo.selectors import werkgroep_overzicht
from kvo.tenancy import alleen_extra_toegang
from kvo.toegang import portaal_voor


@login_required
def home(request):
    """A member with one work group lands in it; facilitators and others see their overview.

    Someone whose only access is an extra grant (an auditor) lands in that grant's portal.
    """
    overzicht = werkgroep_overzicht(user=request.user)
    is_begeleider = request.user.begeleidingsorganisaties.exists()
    if overzicht and not is_begeleider and alleen_extra_toegang(request.user):
        portaal = portaal_voor(request.user)
        if portaal:
            return redirect(portaal)
    if len(overzicht) == 1 and not is_begeleider and not request.user.is_staff:
        return redirect("werkgroepen:home", werkgroep=overzicht[0].slug)
    return render(request, "kvo/home.html", {"overzicht": overzicht, "is_begeleider": is_begeleider})
