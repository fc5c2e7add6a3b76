"""Every page, per role, passes axe-core's WCAG 2.1 A and AA rules (issue 24).

For each role of ``kvo.toegankelijkheid.ROLLEN`` (the list the accessibility statement shows) the
pages are those the hostile-input crawler reaches as that person (``tests/toegankelijk.py``): every
URL pattern with real ids from the Wolvega demo dossier, every full HTML page that answers 200. One
Chromium, one context per role, signed in with the session cookie of Django's ``force_login`` (the
entrepreneur with the survey session of their personal link), at the role's viewport width (the
survey at a phone's 390 px). Any violation of any impact fails, listed by role, page, rule and
element. On every page, too: the skip link is the first focusable element and points at
``<main id="inhoud">``, and the header, main and footer landmarks are there.

A page whose markup is the same as one already checked (the account pages for every signed-in
role, a work group page that shows a secretary and a facilitator the same buttons) is not checked
twice: same markup, same verdict. The fingerprint leaves out only the CSRF token and the e-mail
address in the header.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from kvo.toegankelijkheid import ROLLEN, WCAG_TAGS
from tests import toegankelijk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPTIES = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}, "resultTypes": ["violations"]}
AXE_SCRIPT = Axe().axe_script


def schendingen(page) -> list[str]:
    """axe-core's violations on the page as it is now, one readable line per rule and element
    (axe is already in the page: ``context.add_init_script(AXE_SCRIPT)``)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate("opties => axe.run(document, opties).then(r => r.violations)", OPTIES)
    regels = []
    for v in violations:
        for node in v["nodes"][:5]:
            uitleg = (node.get("failureSummary") or "").splitlines()[-1:]
            regels.append(
                f"{v['id']} ({v['impact']}): {v['help']}\n"
                f"        element: {node['target']}\n        html: {node['html'][:160]}\n        {uitleg}"
            )
        if len(v["nodes"]) > 5:
            regels.append(f"{v['id']}: en nog {len(v['nodes']) - 5} elementen")
    return regels


# the skip link is the first focusable element and jumps to main; the page has its landmarks
INDELING = """() => {
  const fouten = [];
  const focusbaar = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const eerste = document.querySelector(focusbaar);
  if (!eerste || !eerste.classList.contains('skiplink') || eerste.getAttribute('href') !== '#inhoud')
    fouten.push('skiplink: het eerste focusbare element is ' + (eerste ? eerste.outerHTML.slice(0, 80) : 'er niet'));
  if (!document.querySelector('main#inhoud')) fouten.push('skiplink: geen <main id="inhoud">');
  for (const [kies, naam] of [['header', 'banner'], ['main', 'main'], ['footer', 'contentinfo']])
    if (document.querySelectorAll(kies).length < 1) fouten.push('landmark: geen ' + naam);
  if (document.querySelectorAll('main').length > 1) fouten.push('landmark: meer dan een main');
  return fouten;
}"""


def context_voor(browser, rol, rw, live_server):
    """A browser context as the role: its viewport, its session, nothing from outside this machine."""
    context = browser.new_context(viewport={"width": rol.breedte, "height": 844 if rol.breedte < 600 else 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    context.add_init_script(AXE_SCRIPT)
    if sessie := toegankelijk.sessiecookie(toegankelijk.client_voor(rol.sleutel, rw)):
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])
    return context


def test_elke_pagina_per_rol_zonder_wcag_schending(browser, live_server):
    rw = toegankelijk.bevolk()
    gezien: set[tuple[str, int]] = set()
    fouten: dict[tuple[str, str], list[str]] = {}
    bezocht = {}
    for rol in ROLLEN:
        paginas = toegankelijk.paginas_voor(rol.sleutel, rw)
        assert paginas, f"de crawler vond geen pagina voor {rol.sleutel}"
        # the same markup at another width is another page: the survey is checked at 390 px
        te_doen = [p for p, afdruk in paginas.items() if (afdruk, rol.breedte) not in gezien]
        gezien |= {(afdruk, rol.breedte) for afdruk in paginas.values()}
        bezocht[rol.sleutel] = (len(te_doen), len(paginas))
        context = context_voor(browser, rol, rw, live_server)
        try:
            page = context.new_page()
            page.set_default_timeout(15_000)
            for pad in te_doen:
                response = page.goto(live_server.url + pad)
                status = response.status if response else None
                assert status == 200, f"{rol.sleutel}: {pad} gaf {status} in de browser"
                if regels := schendingen(page) + page.evaluate(INDELING):
                    fouten[(rol.naam, pad)] = regels
        finally:
            context.close()
    rapport = "\n".join(f"  {rol} · {pad}\n      " + "\n      ".join(regels) for (rol, pad), regels in fouten.items())
    assert not fouten, f"{len(fouten)} pagina's met WCAG 2.1 A/AA-schendingen (axe-core):\n{rapport}"
    print("bezocht (nieuw, gevonden) per rol:", bezocht)
