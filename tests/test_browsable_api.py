"""Every API route answers a browser too (#14): the browsable API renders, never a 500."""

import pytest

from tests.authorization_table import ADMIN_PREFIX
from tests.test_authorization import _client, _url, routes
from tests.test_authorization import world as world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def _api_urls(registry):
    for (name, _params), kwargs in routes().items():
        if not name.startswith(ADMIN_PREFIX):
            url = _url(name, kwargs, registry)
            if url.startswith("/api/"):
                yield name, url


@pytest.mark.parametrize("principal", ["regisseur", "ketenpartner", "medewerker"])
def test_every_api_route_renders_in_a_browser(world_fixture, principal):  # noqa: F811
    users, registry, _hidden = world_fixture
    client = _client(users, principal)
    urls = list(_api_urls(registry))
    assert len(urls) >= 8
    failures = []
    for name, url in urls:
        response = client.get(url, HTTP_ACCEPT="text/html")
        if response.status_code >= 500:
            failures.append((name, response.status_code))
        elif response.status_code == 200 and "text/html" not in response["Content-Type"]:
            failures.append((name, response["Content-Type"]))
    assert not failures, failures
