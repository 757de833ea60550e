import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  url: string;
  conversationId?: string;
  body: Record<string, unknown> | null;
}

/**
 * A local stand-in for the Bot Framework connector service: records every activity the bot sends
 * and answers as the real service does. Optionally fails some requests to test retries.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private nextId = 1;
  /** Lets a test answer a request itself (status and headers); undefined means "accept it". */
  respond?: (call: ConnectorCall) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const match = /\/v3\/conversations\/([^/]+)/.exec(req.url ?? '');
        const call: ConnectorCall = {
          method: req.method ?? '',
          url: req.url ?? '',
          conversationId: match ? decodeURIComponent(match[1]) : undefined,
          body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
        };
        this.calls.push(call);
        const custom = this.respond?.(call);
        if (custom) {
          res.writeHead(custom.status, { 'content-type': 'application/json', ...custom.headers });
          res.end(JSON.stringify(custom.body ?? {}));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')) res.end(JSON.stringify({ id: `conv-${this.nextId++}` }));
        else res.end(JSON.stringify({ id: `activity-${this.nextId++}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Messages the bot sent (replies and proactive sends). */
  messages(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'POST' && c.body?.type === 'message').map((c) => c.body!);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
