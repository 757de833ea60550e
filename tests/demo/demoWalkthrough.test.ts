import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Browser } from 'playwright-core';
import { projectRoot } from '../../knowledge/projectRoot';
import { launchChromium, requireChromium } from '../helpers/chromium';
import { startBot } from '../helpers/runningBot';

const SCREENSHOTS = path.join(projectRoot(), 'test-output', 'demo');

interface ChatItem {
  id: string;
  from: string;
  text?: string;
  edited?: boolean;
  deleted?: boolean;
  attachments?: { contentType?: string; content?: CardNode }[];
}
interface CardNode {
  type?: string;
  id?: string;
  verb?: string;
  data?: unknown;
  title?: string;
  text?: string;
  choices?: { value: string }[];
  body?: CardNode[];
  actions?: CardNode[];
  items?: CardNode[];
  columns?: CardNode[];
  card?: CardNode;
  [key: string]: unknown;
}

/** Every node of a card, depth first, so a test can find its inputs and buttons wherever they sit. */
function nodesOf(node: CardNode | undefined): CardNode[] {
  if (!node || typeof node !== 'object') return [];
  const children = [...(node.body ?? []), ...(node.actions ?? []), ...(node.items ?? []), ...(node.columns ?? []), ...(node.card ? [node.card] : [])];
  return [node, ...children.flatMap(nodesOf)];
}

/** A newcomer's shell: none of this machine's bot settings, databases or credentials. */
function freshEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_|REDIS_URL|ADMIN_API_TOKEN|COMMS_USERS|ADMINS|Microsoft|DIRECT_LINE|WEBCHAT_|PULSE_|PUBLIC_BASE_URL|AUTHORITY|TS_NODE|DATA_DIR)/.test(name))
      delete env[name];
  }
  return { ...env, ...extra };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('npm run demo: the whole cycle with simulated staff and a stand-in Teams', function () {
  // The demo compiles first when a source file is newer than dist/ (as npm start does).
  this.timeout(300000);
  let demo: ChildProcess | undefined;
  let output = '';
  let url = '';
  let token = '';
  let dataDir = '';
  let browser: Browser | undefined;

  const chat = async (userId: string): Promise<ChatItem[]> =>
    (await (await fetch(`${url}/demo/api/people/${encodeURIComponent(userId)}/chat`)).json()) as ChatItem[];
  const admin = (route: string, init: RequestInit = {}) =>
    fetch(`${url}${route}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `demo-test-${route}-${Date.now()}`,
        ...(init.headers as Record<string, string>),
      },
    });
  const cardFrom = (items: ChatItem[], words: RegExp) =>
    items.find((i) => !i.deleted && i.attachments?.some((a) => words.test(JSON.stringify(a.content ?? {}))));

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    // Its own process group, so stopping it stops npm, the shell and the demo together.
    demo = spawn('npm', ['run', 'demo'], {
      cwd: projectRoot(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: freshEnvironment({ PORT: '0', LOG_LEVEL: 'warn' }),
    });
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      'the demo to say it is ready',
      async () => {
        if (demo!.exitCode !== null) throw new Error(`npm run demo exited with ${demo!.exitCode}:\n${output}`);
        return /Demo ready: open (http:\/\/localhost:\d+)\/demo/.exec(output) ? true : undefined;
      },
      280000,
    );
    url = /Demo ready: open (http:\/\/localhost:\d+)\/demo/.exec(output)![1].replace('localhost', '127.0.0.1');
    token = /sign in with (demo-[0-9a-f]+)/.exec(output)![1];
    dataDir = /throwaway database in (\S+) /.exec(output)![1];
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (demo?.pid && demo.exitCode === null && demo.signalCode === null) {
      const exited = new Promise((resolve) => demo!.once('exit', resolve));
      process.kill(-demo.pid, 'SIGTERM');
      await exited;
    }
  });

  it('starts on a throwaway database with about 30 staff across sectors and localities, each welcomed in their own chat', async () => {
    expect(dataDir.startsWith(path.resolve(os.tmpdir()))).to.equal(true);
    expect(fs.existsSync(path.join(dataDir))).to.equal(true);
    const people = (await (await fetch(`${url}/demo/api/people`)).json()) as {
      userId: string;
      sector: string;
      locality: string;
      comms: boolean;
      fromBot: number;
    }[];
    expect(people.length).to.be.within(25, 35);
    expect(new Set(people.map((p) => p.sector).filter(Boolean)).size).to.equal(7);
    expect(new Set(people.map((p) => p.locality)).size).to.be.at.least(5);
    expect(people.filter((p) => p.comms)).to.have.length(1);
    expect(
      people.every((p) => p.fromBot >= 1),
      'every person got the welcome card on install',
    ).to.equal(true);
  });

  it('delivers a briefing to every chat, and "Got it" pressed in the rendered card in Chromium is recorded', async () => {
    const res = await admin('/api/briefings', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Demo induction changes',
        summary: 'From January the induction covers CAF.',
        body: 'What changes, in detail.',
        topics: ['training'],
        audience: { everyone: true },
        urgent: false,
      }),
    });
    expect(res.status, await res.clone().text()).to.equal(201);
    const { id } = (await res.json()) as { id: number };
    await until('the briefing in Amira\u2019s chat', async () => cardFrom(await chat('29:demo-1'), /Demo induction changes/));

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${url}/demo`);
    await page.getByRole('button', { name: /^Amira Hughes/ }).click();
    await page.getByRole('heading', { name: 'Amira Hughes', level: 1 }).waitFor();
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Demo induction changes' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Got it' }).click();
    await page.locator('.ac-adaptiveCard', { hasText: 'You confirmed you had read this' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'briefing-acknowledged.png'), fullPage: true });
    await page.close();
    expect(errors).to.deep.equal([]);

    const status = (await (await admin(`/api/briefings/${id}`)).json()) as { recipients: number; delivery: { sent: number; acknowledged: number } };
    expect(status.recipients).to.equal(30);
    expect(status.delivery.acknowledged).to.equal(1);
    const updated = cardFrom(await chat('29:demo-1'), /Demo induction changes/)!;
    expect(updated.edited, 'the card was replaced by the invoke answer').to.equal(true);
  });

  it('runs a pulse: it arrives, several people answer on the card, and the released results show on the dashboard', async () => {
    const people = (await (await fetch(`${url}/demo/api/people`)).json()) as { userId: string; comms: boolean }[];
    const comms = people.find((p) => p.comms)!;
    const owner = /^29:demo-comms$/.test(comms.userId) ? '00000000-0000-4000-8000-00000000c0de' : '';
    const res = await admin('/api/surveys', {
      method: 'POST',
      body: JSON.stringify({
        template: 'wellbeing-pulse',
        name: 'Demo wellbeing',
        audience: { everyone: true },
        closes_at: DateTime.now().setZone('Europe/London').plus({ days: 7 }).toFormat("yyyy-MM-dd'T'HH:mm"),
        owner,
      }),
    });
    expect(res.status, await res.clone().text()).to.equal(201);
    const { id } = (await res.json()) as { id: number };

    const answerers = ['29:demo-1', '29:demo-2', '29:demo-3', '29:demo-4'];
    for (const userId of answerers) {
      const item = await until(`the pulse in ${userId}'s chat`, async () => cardFrom(await chat(userId), /"verb":"pulse\.submit"/));
      const nodes = nodesOf(item.attachments![0].content);
      const submit = nodes.find((n) => n.type === 'Action.Execute')!;
      const answers: Record<string, string> = {};
      for (const input of nodes.filter((n) => n.type === 'Input.ChoiceSet' && n.id)) answers[input.id!] = input.choices![input.choices!.length - 1].value;
      const acted = await fetch(`${url}/demo/api/people/${encodeURIComponent(userId)}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'execute', verb: submit.verb, data: { ...(submit.data as object), ...answers }, replyToId: item.id }),
      });
      expect(acted.status, await acted.clone().text()).to.equal(200);
      const thanked = cardFrom(await chat(userId), /recorded anonymously/i);
      expect(thanked, `${userId}'s card turned into the thanks`).to.not.equal(undefined);
    }

    const results = (await (await admin(`/api/surveys/${id}/results`)).json()) as { responses: { suppressed: boolean; count?: number } };
    expect(results.responses.suppressed).to.equal(false);
    expect(results.responses.count, 'released in one batch of at least the threshold').to.be.at.least(3);

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}/dashboard`);
    await page.getByLabel('Admin token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Show results of Demo wellbeing' }).click();
    await page
      .getByText(/3 of 30 invited|[4-9] of 30 invited/)
      .first()
      .waitFor();
    await page.getByText('My workload is manageable').first().waitFor();
    expect(await page.getByText(/fewer than 3 responses/).count(), 'the released figures are shown, not suppressed').to.equal(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pulse-results.png'), fullPage: true });
    await page.close();
  });

  it('refuses what Teams would never send, with the problem named, and changes no chat', async () => {
    const act = (userId: string, body: unknown) =>
      fetch(`${url}/demo/api/people/${encodeURIComponent(userId)}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const before = JSON.stringify(await chat('29:demo-5'));
    const unknownKind = await act('29:demo-5', { kind: 'teleport' });
    expect(unknownKind.status).to.equal(422);
    const empty = await act('29:demo-5', { kind: 'text', text: '   ' });
    expect(empty.status).to.equal(422);
    expect(((await empty.json()) as { message: string }).message).to.include('type a message first');
    const noSuchCard = await act('29:demo-5', { kind: 'execute', verb: 'briefing.ack', data: {}, replyToId: 'demo-activity-999999' });
    expect(noSuchCard.status).to.equal(404);
    expect((await act('29:nobody', { kind: 'text', text: 'hello' })).status).to.equal(404);
    expect(JSON.stringify(await chat('29:demo-5'))).to.equal(before);
    // The stand-in connector only knows the demo's own conversations, as the real one refuses strangers'.
    const stranger = await fetch(`${url}/demo/connector/v3/conversations/a%3Astranger/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message","text":"hi"}',
    });
    expect(stranger.status).to.equal(404);
  });

  it('deletes its throwaway database when stopped', async () => {
    const exited = new Promise<number | null>((resolve) => demo!.once('exit', resolve));
    process.kill(-demo!.pid!, 'SIGTERM');
    await exited;
    await until('the data folder to go', async () => (fs.existsSync(dataDir) ? undefined : true), 15000);
  });

  it('serves nothing of the demo in a normal start', async () => {
    const bot = await startBot();
    try {
      for (const route of ['/demo', '/demo/api/people', '/demo/assets/demo.js']) expect((await fetch(`${bot.url}${route}`)).status, route).to.equal(404);
      const posted = await fetch(`${bot.url}/demo/connector/v3/conversations/a%3Ademo-chat-1/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message","text":"hi"}',
      });
      expect(posted.status).to.equal(404);
    } finally {
      await bot.stop();
    }
  });
});
