import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo work groups and users, loaded as ``kvo_demo`` does."""
    call_command("kvo_demo", "--zonder-documentenset", stdout=open("/dev/null", "w"))  # noqa: SIM115
