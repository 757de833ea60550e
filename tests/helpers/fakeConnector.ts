import http from 'node:http';
import { AddressInfo } from 'node:net';
import { adaptiveCardProblems } from './validateCard';

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

  /** What the Adaptive Cards SDK objects to in any card the bot sent, with the card's fallback text to find it. */
  cardProblems(): string[] {
    const problems: string[] = [];
    for (const call of this.calls) {
      const attachments = (call.body?.attachments as { contentType?: string; content?: { fallbackText?: string } }[] | undefined) ?? [];
      for (const a of attachments) {
        if (a.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        for (const p of adaptiveCardProblems(a.content)) problems.push(`${(a.content?.fallbackText ?? '').slice(0, 60)}: ${p}`);
      }
    }
    return problems;
  }

  /** Messages the bot sent (replies and proactive sends). */
  messages(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'POST' && c.body?.type === 'message').map((c) => c.body!);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
