/**
 * The sandbox's test-only calls: a session (a fresh isolated account with its own keys and clock,
 * from the control API under /__admin) and the test helpers under /__sandbox, called with that
 * account's own key. Pelcro's API has none of these: keep them in tests.
 *
 * PELCRO_API_BASE names the API's base URL; the default is the sandbox on 127.0.0.1:8080, never
 * production.
 */
export const BASE_URL = process.env.PELCRO_API_BASE ?? "http://127.0.0.1:8080/api/v1/core";
const ROOT = new URL("/", BASE_URL);

export interface Session {
  session_id: string;
  enterprise_key: string;
  site_ids: number[];
  basic_key: string;
  basic_site_id: number;
}

async function call(path: string, method: string, key?: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, ROOT), {
    method,
    headers: key ? { Authorization: `Bearer ${key}` } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** A new isolated account: tests that run at the same time never see each other's exports. */
export async function openSession(): Promise<Session> {
  return (await call("/__admin/sandbox/sessions", "POST")) as Session;
}

export async function closeSession(session: Session): Promise<void> {
  await call(`/__admin/sandbox/sessions/${session.session_id}`, "DELETE");
}

/** The test helpers of one account, with its own key. */
export function helpers(key: string) {
  return {
    reset: () => call("/__sandbox/reset", "POST", key),
    advanceClock: (seconds: number) => call("/__sandbox/clock/advance", "POST", key, { seconds }),
    addFault: (fault: Record<string, unknown>) => call("/__sandbox/faults", "POST", key, fault),
    faults: async () =>
      ((await call("/__sandbox/faults", "GET", key)) as { data: { struck: number }[] }).data,
  };
}
