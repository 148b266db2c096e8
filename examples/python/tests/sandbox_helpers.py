"""The sandbox's test helpers (/__sandbox), called with the account's own key.

They act on the caller's account only, so tests sharing a sandbox do not disturb each other,
and they stay open when the sandbox runs with --no-admin (as a CI service usually does).
Pelcro's own API has no such calls: keep them in tests.
"""

from urllib.parse import urljoin

import requests


class SandboxHelpers:
    """Reset, clock and faults of one account of the sandbox."""

    def __init__(self, base_url: str, api_key: str):
        self.root = urljoin(base_url, "/__sandbox/")
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {api_key}"

    def _call(self, method: str, path: str, json=None):
        response = self.http.request(method, self.root + path, json=json, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self):
        """Forgets the account's exports, faults and clock offset."""
        self._call("POST", "reset")

    def advance_clock(self, seconds: int):
        """Moves the account's clock forward: running exports finish without waiting."""
        self._call("POST", "clock/advance", {"seconds": seconds})

    def add_fault(self, fault: dict):
        """Schedules a fault, e.g. a 503 for the next request (see the docs' fault table)."""
        return self._call("POST", "faults", fault)

    def faults(self) -> list:
        return self._call("GET", "faults")["data"]
