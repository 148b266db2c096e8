/**
 * A client of Pelcro's Core API exports on openapi-fetch, typed by openapi-typescript from the
 * spec (`npm run generate`, part of the build). Three rules the exports API needs:
 *
 * - Always give the base URL: there is no default, so that a test cannot reach production.
 * - Read the download as bytes (`parseAs: "arrayBuffer"`, or `"stream"` to write it to disk):
 *   openapi-fetch parses a 200 as JSON by default, which fails on a CSV or ZIP after the file
 *   has been sent, and the file is gone.
 * - Download a file once: the second download answers 400.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/exports.js";

export type ExportRequest = components["schemas"]["ExportRequest"];
export type Export = components["schemas"]["Export"];

export const NOT_READY = "The export is not yet ready to be downloaded.";

/** An answer of the API other than the one expected, with its status and message. */
export class ExportsError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(`${status}: ${apiMessage}`);
  }
}

/** A downloaded export file: its name and its bytes (a CSV, or a ZIP for accounting). */
export interface Download {
  filename: string;
  content: Uint8Array;
}

export interface ExportsClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:8080/api/v1/core. Required. */
  baseUrl: string;
  apiKey: string;
  siteId: number;
}

/** The exports operations of Pelcro's Core API for one key and one site. */
export class ExportsClient {
  private readonly api: ReturnType<typeof createClient<paths>>;
  private readonly siteId: number;

  constructor(options: ExportsClientOptions) {
    if (!options.baseUrl) {
      throw new Error("baseUrl is required, e.g. http://127.0.0.1:8080/api/v1/core");
    }
    this.siteId = options.siteId;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl,
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: "application/json" },
    });
  }

  /** POST /exports; retries a 429 or 503 after its Retry-After. Returns the export. */
  async requestExport(body: ExportRequest, retries = 2): Promise<Export> {
    for (let attempt = 0; ; attempt++) {
      const { data, error, response } = await this.api.POST("/exports", {
        params: { query: { site_id: this.siteId } },
        body,
      });
      if (data) {
        return data.data;
      }
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        const seconds = Math.min(Number(response.headers.get("Retry-After") ?? "1"), 10);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      throw toError(response, error);
    }
  }

  /** GET /exports/{uuid}: the file, or null while the export runs (404 "not yet ready"). */
  async download(uuid: string): Promise<Download | null> {
    const { data, error, response } = await this.api.GET("/exports/{uuid}", {
      params: { path: { uuid }, query: { site_id: this.siteId } },
      parseAs: "arrayBuffer", // the bytes: never the default JSON parse on a file
    });
    if (data) {
      const disposition = response.headers.get("Content-Disposition") ?? "";
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? uuid;
      return { filename, content: new Uint8Array(data) };
    }
    const failure = toError(response, error);
    if (failure.status === 404 && failure.apiMessage === NOT_READY) {
      return null;
    }
    throw failure;
  }

  /** Polls the download until the export has finished, then returns its file (once). */
  async waitAndDownload(uuid: string, timeoutMs = 30_000, intervalMs = 250): Promise<Download> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const file = await this.download(uuid);
      if (file) {
        return file;
      }
      if (Date.now() > deadline) {
        throw new Error(`export ${uuid} not ready after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

function toError(response: Response, body: unknown): ExportsError {
  const json = (typeof body === "object" && body !== null ? body : {}) as {
    message?: string;
    errors?: Record<string, string[]>;
  };
  return new ExportsError(response.status, json.message ?? response.statusText, json.errors);
}
