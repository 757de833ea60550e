import http from 'node:http';
import https from 'node:https';

/** What came back from one connector request. */
export interface HttpReply {
  status: number;
  retryAfter: string | null;
  text: string;
}

/**
 * Plain node:http(s) requests over kept-alive sockets for the connector. A fan-out makes hundreds
 * of requests a second, and WHATWG fetch spent several times the CPU per request of a bare
 * request on its streams, which left the send pacer short of CPU on a busy machine.
 */
export class ConnectorHttp {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly timeoutMs: number) {}

  request(method: string, url: string, headers: Record<string, string>, body?: string): Promise<HttpReply> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? https.request : http.request;
    const payload = body === undefined ? undefined : Buffer.from(body);
    return new Promise<HttpReply>((resolve, reject) => {
      const req = send(
        target,
        {
          method,
          headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
          agent: secure ? this.httpsAgent : this.httpAgent,
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const retryAfter = res.headers['retry-after'];
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', reject);
        },
      );
      // A connector that stops answering gives up the socket, as the fetch timeout did.
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Closes kept-alive sockets, so a stopping process is not held open by them. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
