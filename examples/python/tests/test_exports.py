"""The export flow against the sandbox: request, poll, download once, and the usual refusals."""

import csv
import io
import time
import zipfile
from datetime import date, timedelta

import pytest

from pelcro_exports import ExportsClient, ExportsError


def last_90_days(kind: str) -> dict:
    now = int(time.time())
    return {"object": kind, "date_from": now - 90 * 86400, "date_to": now}


def last_month() -> str:
    return (date.today().replace(day=1) - timedelta(days=1)).replace(day=1).isoformat()


def test_a_subscriptions_export_is_polled_then_downloaded_as_csv_bytes(client):
    export = client.request_export(last_90_days("subscriptions"))

    file = client.wait_and_download(export["uuid"])  # 404 "not yet ready" until it finishes

    assert file.filename == f"subscriptions-{export['uuid']}.csv"
    rows = list(csv.reader(io.StringIO(file.content.decode("utf-8"))))
    assert len(rows) > 1, "a header and at least one subscription"
    assert all(len(row) == len(rows[0]) for row in rows)


def test_the_second_download_of_a_file_is_refused(client, sandbox):
    export = client.request_export(last_90_days("customers"))
    sandbox.advance_clock(60)
    first = client.download(export["uuid"])
    assert first is not None and len(first.content) > 0

    with pytest.raises(ExportsError) as again:
        client.download(export["uuid"])

    assert again.value.status == 400
    assert again.value.message == "The requested file has already been downloaded or has expired."


def test_the_accounting_export_is_a_zip_of_csv_reports(client, sandbox):
    export = client.request_export({"object": "accounting", "month": last_month(),
                                    "currency": "usd"})
    sandbox.advance_clock(60)

    file = client.wait_and_download(export["uuid"])

    assert file.filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(file.content)) as archive:
        names = archive.namelist()
        assert len(names) == 11 and all(name.endswith(".csv") for name in names)
        assert archive.testzip() is None


def test_a_second_export_of_a_type_while_one_runs_is_409(client):
    client.request_export(last_90_days("invoices"))

    with pytest.raises(ExportsError) as conflict:
        client.request_export(last_90_days("invoices"))

    assert conflict.value.status == 409
    assert conflict.value.message == "Export in progress"
    assert client.request_export(last_90_days("payments"))["object"] == "payments"


def test_a_503_on_request_is_retried_after_its_retry_after(client, sandbox):
    sandbox.add_fault({"kind": "operation_error", "operation": "requestExport",
                       "status": 503, "retry_after": 1, "times": 1})

    export = client.request_export(last_90_days("subscriptions"))

    assert export["object"] == "subscriptions"
    assert [fault["struck"] for fault in sandbox.faults()] == [1]


def test_no_client_is_made_without_a_base_url():
    with pytest.raises(ValueError):
        ExportsClient("", "sk_test_enterprise", 1001)
