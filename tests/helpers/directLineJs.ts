import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { ReceivedActivity } from './directLineClient';

// DirectLineJS is a browser library: Node gets the XMLHttpRequest and WebSocket it expects.
const globals = globalThis as unknown as { XMLHttpRequest?: unknown; WebSocket?: unknown };
// `require`: xhr2 ships no types; it is the XMLHttpRequest DirectLineJS's own tests use in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
globals.XMLHttpRequest ??= require('xhr2');
globals.WebSocket ??= WebSocket;

/**
 * The official Direct Line client (botframework-directlinejs, what Web Chat runs) talking to a
 * bot as the page does: it starts with the page's credential, then posts, polls or streams, and
 * reconnects on its own. It records every activity it receives, so a test can check that each
 * reply arrived exactly once.
 */
export class OfficialClient {
  readonly directLine: DirectLine;
  readonly received: ReceivedActivity[] = [];
  readonly statuses: ConnectionStatus[] = [];
  private readonly subscriptions: { unsubscribe(): void }[] = [];
  private ended = false;

  constructor(domain: string, token: string, webSocket: boolean) {
    this.directLine = new DirectLine({
      domain,
      token,
      webSocket,
      pollingInterval: 200,
      // Its reconnect waits 3 s plus a random share of 12 s; tests take the 3 s.
      random: () => 0,
    } as ConstructorParameters<typeof DirectLine>[0]);
    this.subscriptions.push(
      this.directLine.activity$.subscribe(
        (activity) => this.received.push(activity as unknown as ReceivedActivity),
        () => undefined,
      ),
      this.directLine.connectionStatus$.subscribe((status) => this.statuses.push(status)),
    );
  }

  /** Posts a message as Web Chat does (with a client activity id) and resolves with the id the endpoint gave it. */
  post(text: string, clientActivityID: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine
        .postActivity({ type: 'message', text, from: { id: 'ignored' }, channelData: { clientActivityID } } as never)
        .subscribe((id) => (id === 'retry' ? reject(new Error('DirectLineJS gave up posting ("retry")')) : resolve(id)), reject);
    });
  }

  /** Waits until the bot's reply to an activity id has arrived, and returns every reply to it so far. */
  async replyTo(id: string, ms = 20000): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const replies = this.received.filter((a) => a.replyToId === id);
      if (replies.length) return replies;
      if (Date.now() > deadline) throw new Error(`no reply to ${id} within ${ms} ms; received ${this.received.map((a) => a.id).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until the client's connection status is `status`. */
  async status(status: ConnectionStatus, ms = 20000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.directLine.connectionStatus$.getValue() !== status) {
      if (Date.now() > deadline)
        throw new Error(`status is ${ConnectionStatus[this.directLine.connectionStatus$.getValue()]}, not ${ConnectionStatus[status]}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The ids received more than once (there should be none). */
  duplicates(): string[] {
    const seen = new Set<string>();
    return this.received.map((a) => a.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.directLine.end();
    for (const s of this.subscriptions) s.unsubscribe();
  }
}

export { ConnectionStatus };
