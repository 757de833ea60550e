import http, { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { Duplex } from 'node:stream';

/** Connection errors that mean the request never reached the backend, so another may take it. */
const NOT_REACHED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/**
 * A small load balancer for tests and benchmarks: each HTTP request and WebSocket goes to the
 * next backend in turn, skipping one that refuses the connection (stopped or restarting), and
 * says who the client was in X-Forwarded-For, as a real proxy in front of replicas would.
 */
export class RoundRobinProxy {
  private readonly server = http.createServer((req, res) => void this.forward(req, res));
  private next = 0;
  /** Upgraded (WebSocket) connections, which the HTTP server no longer tracks. */
  private readonly tunnels = new Set<Duplex>();
  private agents = new Map<string, http.Agent>();
  /** Requests and streams each backend took, by URL. */
  readonly served = new Map<string, number>();
  /** Requests that no backend would take. */
  failures = 0;
  /** Responses by status, for requests matching `watch` (the benchmark watches its posts). */
  readonly statuses = new Map<number, number>();
  /** Watched requests whose client gave up before the answer came. */
  abandoned = 0;
  watch: RegExp | undefined;

  constructor(private backends: string[]) {
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.server.keepAliveTimeout = 5000;
  }

  /** Listens on a random local port; resolves with the proxy's URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Points one slot at a new address (a replica that restarted on another port). */
  replace(index: number, backend: string): void {
    this.backends = this.backends.map((b, i) => (i === index ? backend : b));
  }

  async stop(): Promise<void> {
    for (const tunnel of this.tunnels) tunnel.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const agent of this.agents.values()) agent.destroy();
  }

  private order(): string[] {
    const start = this.next++ % this.backends.length;
    return [...this.backends.slice(start), ...this.backends.slice(0, start)];
  }

  private agent(backend: string): http.Agent {
    let agent = this.agents.get(backend);
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
      this.agents.set(backend, agent);
    }
    return agent;
  }

  private headers(req: IncomingMessage): http.OutgoingHttpHeaders {
    const forwarded = req.headers['x-forwarded-for'];
    return { ...req.headers, 'x-forwarded-for': `${forwarded ? `${forwarded}, ` : ''}${req.socket.remoteAddress}` };
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const watched = Boolean(this.watch?.test(`${req.method} ${req.url}`));
    for (const backend of this.order()) {
      const sent = await new Promise<boolean>((resolve) => {
        const url = new URL(req.url ?? '/', backend);
        const out = http.request(url, { method: req.method, headers: this.headers(req), agent: this.agent(backend) }, (answer) => {
          this.served.set(backend, (this.served.get(backend) ?? 0) + 1);
          if (watched) {
            this.statuses.set(answer.statusCode ?? 0, (this.statuses.get(answer.statusCode ?? 0) ?? 0) + 1);
            if (res.destroyed || req.socket.destroyed) this.abandoned++;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          resolve(true);
        });
        out.on('error', (err: NodeJS.ErrnoException) => {
          if (res.headersSent) return res.destroy();
          // Never reached: let the next backend take it. Reached and then failed: the client hears 502.
          if (NOT_REACHED.has(err.code ?? '')) return resolve(false);
          res.writeHead(502).end();
          resolve(true);
        });
        out.end(body);
      });
      if (sent) return;
    }
    this.failures++;
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NoBackend', message: 'No replica is up.' } }));
  }

  private upgrade(req: IncomingMessage, client: Duplex, head: Buffer): void {
    const tryNext = (backends: string[]): void => {
      const backend = backends.shift();
      if (!backend) {
        this.failures++;
        return void client.destroy();
      }
      const { hostname, port } = new URL(backend);
      const upstream = net.connect(Number(port), hostname);
      upstream.once('error', () => {
        upstream.destroy();
        tryNext(backends);
      });
      upstream.once('connect', () => {
        this.served.set(backend, (this.served.get(backend) ?? 0) + 1);
        upstream.removeAllListeners('error');
        const headers = Object.entries(this.headers(req)).map(([name, value]) => `${name}: ${String(value)}`);
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
        if (head.length) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
        this.tunnels.add(client);
        this.tunnels.add(upstream);
        const end = () => {
          upstream.destroy();
          client.destroy();
          this.tunnels.delete(client);
          this.tunnels.delete(upstream);
        };
        upstream.on('error', end);
        upstream.on('close', end);
        client.on('error', end);
        client.on('close', end);
      });
    };
    tryNext(this.order());
  }
}
