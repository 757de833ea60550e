/** A JSON answer as the tests read it. */
export interface JsonAnswer {
  status: number;
  // `any`: tests read whatever field they check without declaring each route's answer.
  body: Record<string, any>;
}

/**
 * A client for a running bot's admin API behind ADMIN_API_TOKEN: `call` sends JSON, `postCsv` a CSV
 * file; `baseUrl` is read at each request because suites start their bot in `before`.
 */
export function adminApiClient(baseUrl: () => string, token: string) {
  const send = async (method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<JsonAnswer> => {
    const res = await fetch(`${baseUrl()}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  return {
    call: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(method, path, body === undefined ? undefined : JSON.stringify(body), { 'content-type': 'application/json', ...headers }),
    postCsv: (path: string, csv: string, headers: Record<string, string> = {}) => send('POST', path, csv, { 'content-type': 'text/csv', ...headers }),
  };
}
