import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { unzipSync } from "fflate";
import createClient from "openapi-fetch";
import { ExportsClient, ExportsError, type ExportRequest } from "../src/exports-client.js";
import type { paths } from "../src/generated/exports.js";
import { BASE_URL, closeSession, helpers, openSession, type Session } from "./sandbox.js";

function last90Days(object: "subscriptions" | "customers" | "invoices" | "payments"): ExportRequest {
  const now = Math.floor(Date.now() / 1000);
  return { object, date_from: now - 90 * 86400, date_to: now };
}

function lastMonth(): string {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 10);
}

describe("exports against the sandbox, in a session of their own", () => {
  let session: Session;
  let client: ExportsClient;
  let sandbox: ReturnType<typeof helpers>;

  before(async () => {
    session = await openSession();
    sandbox = helpers(session.enterprise_key);
    client = new ExportsClient({
      baseUrl: BASE_URL,
      apiKey: session.enterprise_key,
      siteId: session.site_ids[0]!,
    });
  });
  beforeEach(() => sandbox.reset());
  after(() => closeSession(session));

  test("a subscriptions export is polled, then downloaded as CSV bytes", async () => {
    const requested = await client.requestExport(last90Days("subscriptions"));

    const file = await client.waitAndDownload(requested.uuid); // 404 "not yet ready" until then

    assert.equal(file.filename, `subscriptions-${requested.uuid}.csv`);
    const lines = new TextDecoder().decode(file.content).trimEnd().split(/\r?\n/);
    assert.ok(lines.length > 1, "a header and at least one subscription");
  });

  test("the second download of a file is refused", async () => {
    const requested = await client.requestExport(last90Days("customers"));
    await sandbox.advanceClock(60);
    assert.ok((await client.download(requested.uuid))!.content.length > 0);

    await assert.rejects(client.download(requested.uuid), (again: ExportsError) => {
      assert.equal(again.status, 400);
      assert.equal(again.apiMessage, "The requested file has already been downloaded or has expired.");
      return true;
    });
  });

  test("the accounting export is a ZIP of CSV reports", async () => {
    const requested = await client.requestExport({
      object: "accounting",
      month: lastMonth(),
      currency: "usd",
    });
    await sandbox.advanceClock(60);

    const file = await client.waitAndDownload(requested.uuid);

    assert.match(file.filename, /\.zip$/);
    const names = Object.keys(unzipSync(file.content));
    assert.equal(names.length, 11);
    assert.ok(names.every((name) => name.endsWith(".csv")), names.join(", "));
  });

  test("a second export of a type while one runs is refused with 409", async () => {
    await client.requestExport(last90Days("invoices"));

    await assert.rejects(client.requestExport(last90Days("invoices")), (conflict: ExportsError) => {
      assert.equal(conflict.status, 409);
      assert.equal(conflict.apiMessage, "Export in progress");
      return true;
    });
    assert.equal((await client.requestExport(last90Days("payments"))).object, "payments");
  });

  test("a 503 on request is retried after its Retry-After", async () => {
    await sandbox.addFault({
      kind: "operation_error",
      operation: "requestExport",
      status: 503,
      retry_after: 1,
      times: 1,
    });

    const requested = await client.requestExport(last90Days("subscriptions"));

    assert.equal(requested.object, "subscriptions");
    assert.deepEqual((await sandbox.faults()).map((fault) => fault.struck), [1]);
  });

  test("openapi-fetch's default JSON parse loses the file: the retry is refused", async () => {
    const requested = await client.requestExport(last90Days("payments"));
    await sandbox.advanceClock(60);
    const naive = createClient<paths>({
      baseUrl: BASE_URL,
      headers: { Authorization: `Bearer ${session.enterprise_key}` },
    });
    const params = { path: { uuid: requested.uuid }, query: { site_id: session.site_ids[0]! } };

    // Without parseAs, the CSV is parsed as JSON after the sandbox has sent it whole.
    await assert.rejects(naive.GET("/exports/{uuid}", { params }), SyntaxError);
    const retry = await naive.GET("/exports/{uuid}", { params, parseAs: "arrayBuffer" });

    assert.equal(retry.response.status, 400);
  });

  test("no client is made without a base URL", () => {
    assert.throws(() => new ExportsClient({ baseUrl: "", apiKey: "sk_test_enterprise", siteId: 1001 }));
  });
});
