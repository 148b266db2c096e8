"""Requests an export, polls it and downloads its file, with requests.

Three things every client of the exports API gets right:

* the base URL is always given (there is no default: a test that forgot it must not reach
  Pelcro's production API);
* the download is read as bytes (``response.content``), never as text or JSON: a CSV file or,
  for accounting, a ZIP;
* a file is handed out once: a second download answers 400, so keep the bytes you received.
"""

import re
import time
from dataclasses import dataclass
from typing import Optional

import requests

NOT_READY = "The export is not yet ready to be downloaded."


class ExportsError(Exception):
    """An answer of the API other than the one expected, with its status and message."""

    def __init__(self, status: int, message: str, errors: Optional[dict] = None):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.errors = errors or {}


@dataclass(frozen=True)
class Download:
    """A downloaded export file: its name and its bytes."""

    filename: str
    content: bytes


class ExportsClient:
    """The exports operations of Pelcro's Core API for one key and one site."""

    def __init__(self, base_url: str, api_key: str, site_id: int,
                 session: Optional[requests.Session] = None, timeout: float = 30.0):
        if not base_url:
            raise ValueError("base_url is required, e.g. http://127.0.0.1:8080/api/v1/core")
        self.base_url = base_url.rstrip("/")
        self.site_id = site_id
        self.timeout = timeout
        self.http = session or requests.Session()
        self.http.headers["Authorization"] = f"Bearer {api_key}"
        self.http.headers["Accept"] = "application/json"

    def request_export(self, body: dict, retries: int = 2) -> dict:
        """POST /exports; retries a 429 or 503 after its Retry-After. Returns the export."""
        for attempt in range(retries + 1):
            response = self.http.post(f"{self.base_url}/exports", params={"site_id": self.site_id},
                                      json=body, timeout=self.timeout)
            if response.status_code in (429, 503) and attempt < retries:
                time.sleep(min(float(response.headers.get("Retry-After", "1")), 10.0))
                continue
            if response.status_code not in (200, 201):
                raise _error(response)
            return response.json()["data"]
        raise AssertionError("unreachable")

    def download(self, uuid: str) -> Optional[Download]:
        """GET /exports/{uuid}: the file, or None while the export runs (404 "not yet ready")."""
        response = self.http.get(f"{self.base_url}/exports/{uuid}",
                                 params={"site_id": self.site_id}, timeout=self.timeout)
        if response.status_code == 200:
            # The bytes as they arrived: never response.text or response.json() on a file.
            return Download(_filename(response, uuid), response.content)
        error = _error(response)
        if error.status == 404 and error.message == NOT_READY:
            return None
        raise error

    def wait_and_download(self, uuid: str, timeout: float = 30.0,
                          interval: float = 0.25) -> Download:
        """Polls the download until the export has finished, then returns its file (once)."""
        deadline = time.monotonic() + timeout
        while True:
            file = self.download(uuid)
            if file is not None:
                return file
            if time.monotonic() > deadline:
                raise TimeoutError(f"export {uuid} not ready after {timeout} s")
            time.sleep(interval)


def _error(response: requests.Response) -> ExportsError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    return ExportsError(response.status_code, body.get("message", response.reason),
                        body.get("errors"))


def _filename(response: requests.Response, uuid: str) -> str:
    match = re.search(r'filename="?([^";]+)"?', response.headers.get("Content-Disposition", ""))
    return match.group(1) if match else uuid
