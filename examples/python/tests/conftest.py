"""Fixtures: the client and the test helpers, configured from the environment.

PELCRO_API_BASE  the API's base URL (default: the sandbox on 127.0.0.1:8080, never production)
PELCRO_API_KEY   an Enterprise key of the sandbox (default sk_test_enterprise)
PELCRO_SITE_ID   one of its sites (default 1001)
"""

import os

import pytest

from pelcro_exports import ExportsClient
from sandbox_helpers import SandboxHelpers

BASE_URL = os.environ.get("PELCRO_API_BASE", "http://127.0.0.1:8080/api/v1/core")
API_KEY = os.environ.get("PELCRO_API_KEY", "sk_test_enterprise")
SITE_ID = int(os.environ.get("PELCRO_SITE_ID", "1001"))


@pytest.fixture
def sandbox():
    helpers = SandboxHelpers(BASE_URL, API_KEY)
    helpers.reset()  # every test starts from an account with no exports and no faults
    return helpers


@pytest.fixture
def client(sandbox):
    return ExportsClient(BASE_URL, API_KEY, SITE_ID)
