import pytest


@pytest.fixture
def pagina(page, live_server):
    """A Playwright page that never reaches outside this machine (map tiles and the like)."""

    def alleen_lokaal(route):
        if route.request.url.startswith(live_server.url):
            return route.continue_()
        return route.abort()

    page.route("**/*", alleen_lokaal)
    page.set_default_timeout(10_000)
    return page


def inloggen(page, live_server, email, wachtwoord="geheim-wachtwoord-123"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
