import http from 'node:http';
import { DirectLineClient, ReceivedActivity, StartedConversation } from '../helpers/directLineClient';

type Reply<T> = { status: number; body: T; retryAfter: string | null };

/**
 * The Direct Line client the web chat benchmark's fifty conversations share: the same requests as
 * DirectLineClient, over kept-alive node:http sockets instead of fetch. The benchmark runs on the
 * same two cores as the bot, and fetch's CPU per request made the client itself the queue that
 * slow answers waited in when the machine was busy.
 */
export class BenchDirectLineClient extends DirectLineClient {
  /** Idle sockets are let go after 4 s, before the server's 5 s keep-alive ends them under a request (ECONNRESET). */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 200, timeout: 4000 });

  override async pageToken(body: Record<string, unknown> = {}): Promise<Awaited<ReturnType<DirectLineClient['pageToken']>>> {
    const res = await this.request<Awaited<ReturnType<DirectLineClient['pageToken']>>['body']>(
      'POST',
      '/api/directline/token',
      undefined,
      JSON.stringify(body),
    );
    return { status: res.status, body: res.body };
  }

  override async start(token?: string): Promise<{ status: number; body: StartedConversation }> {
    const res = await this.request<StartedConversation>('POST', '/v3/directline/conversations', token, '{}');
    return { status: res.status, body: res.body };
  }

  override post(
    conversationId: string,
    token: string | undefined,
    activity: unknown,
  ): Promise<Reply<{ id?: string; error?: { code: string; message: string } }>> {
    return this.request(
      'POST',
      `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`,
      token,
      typeof activity === 'string' ? activity : JSON.stringify(activity),
    );
  }

  override async activities(
    conversationId: string,
    token: string | undefined,
    watermark?: string,
  ): Promise<{ status: number; body: { activities: ReceivedActivity[]; watermark: string; error?: { code: string } } }> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    const res = await this.request<{ activities: ReceivedActivity[]; watermark: string; error?: { code: string } }>(
      'GET',
      `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities${query}`,
      token,
    );
    return { status: res.status, body: res.body };
  }

  close(): void {
    this.agent.destroy();
  }

  private request<T>(method: string, path: string, token: string | undefined, body?: string): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload ? { 'content-length': String(payload.length) } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
          });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}
