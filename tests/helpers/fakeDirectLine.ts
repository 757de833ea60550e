import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One token request the fake received. */
export interface TokenRequest {
  authorization?: string;
  body: { user?: { id?: string; name?: string } } | null;
}

/**
 * A local stand-in for Azure Direct Line's token service (`POST /v3/directline/tokens/generate`):
 * accepts only its own secret, records each request, and can be told to fail.
 */
export class FakeDirectLine {
  readonly requests: TokenRequest[] = [];
  /** Set to answer every request with this status instead. */
  failWith?: number;
  private server?: http.Server;
  private next = 1;

  constructor(readonly secret: string) {}

  /** Starts listening on a random loopback port; resolves to the base URL (for DIRECT_LINE_ENDPOINT). */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const reply = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') return reply(404, { error: { code: 'NotFound' } });
        this.requests.push({ authorization: req.headers.authorization, body: raw ? (JSON.parse(raw) as TokenRequest['body']) : null });
        if (this.failWith) return reply(this.failWith, { error: { code: 'Failed', message: 'told to fail' } });
        if (req.headers.authorization !== `Bearer ${this.secret}`) return reply(403, { error: { code: 'BadArgument', message: 'bad secret' } });
        const n = this.next++;
        reply(200, { conversationId: `azure-conv-${n}`, token: `azure-token-${n}`, expires_in: 1800 });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
