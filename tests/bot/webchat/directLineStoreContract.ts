import crypto from 'node:crypto';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { ConversationLimits, DEFAULT_CONVERSATION_LIMITS, DirectLineStore, REDACTED_TEXT } from '../../../bot/webchat/directLineStore';
import { FIXED_NOW } from '../../helpers/testServices';

/** A clock each test moves by hand. */
export class TestClock {
  current = FIXED_NOW;
  readonly now = (): DateTime => this.current;
  advance(seconds: number): void {
    this.current = this.current.plus({ seconds });
  }
}

/** Makes a store over the engine under test with these limits and clock; `close` releases it. */
export type StoreFactory = (clock: TestClock, limits: ConversationLimits) => Promise<{ store: DirectLineStore; close(): Promise<void> }>;

const user = { id: 'dl_anon_1' };
const message = (text: string) => ({ type: 'message', text });
const newId = (): string => crypto.randomBytes(9).toString('base64url');

/**
 * What every DirectLineStore must do, whichever engine holds it: one suite run against SQLite,
 * PostgreSQL and Redis, so replicas behave the same whatever they share.
 */
export function directLineStoreContract(name: string, factory: StoreFactory): void {
  describe(`DirectLineStore contract (${name})`, () => {
    let clock: TestClock;
    let opened: Awaited<ReturnType<StoreFactory>>[] = [];
    const open = async (limits: Partial<ConversationLimits> = {}): Promise<DirectLineStore> => {
      const one = await factory(clock, { ...DEFAULT_CONVERSATION_LIMITS, ...limits });
      opened.push(one);
      return one.store;
    };
    beforeEach(() => {
      clock = new TestClock();
    });
    afterEach(async () => {
      for (const one of opened) await one.close();
      opened = [];
    });

    it('numbers activities with Direct Line ids and watermarks, and reads them back from any watermark', async () => {
      const store = await open();
      const id = newId();
      const { conversation, created } = await store.start(id, { id: 'dl_user_E1', name: 'Sam', email: 'sam@council.gov.uk' });
      expect(created).to.equal(true);
      expect(conversation.user).to.deep.equal({ id: 'dl_user_E1', name: 'Sam', email: 'sam@council.gov.uk' });
      expect(await store.since(id, 0)).to.deep.equal({ activities: [], watermark: '0' });
      const first = await store.appendFromClient(id, message('one'), undefined);
      const replies = await store.appendFromBot(id, [message('two'), message('three')]);
      expect(first).to.deep.equal({ outcome: 'appended', activity: { type: 'message', text: 'one', id: `${id}|0000001` } });
      expect(replies!.map((a) => a.id)).to.deep.equal([`${id}|0000002`, `${id}|0000003`]);
      expect(await store.since(id, 1)).to.deep.equal({
        activities: [
          { type: 'message', text: 'two', id: `${id}|0000002` },
          { type: 'message', text: 'three', id: `${id}|0000003` },
        ],
        watermark: '3',
      });
      expect(await store.since(id, 99)).to.deep.equal({ activities: [], watermark: '3' });
      const again = await store.start(id, user);
      expect(again.created).to.equal(false);
      expect(again.conversation.user.id, 'a second start does not change whose it is').to.equal('dl_user_E1');
    });

    it('gives concurrent appends distinct, gapless watermarks in order', async () => {
      const store = await open({ flood: { max: 1000, windowMs: 10_000 } });
      const id = newId();
      await store.start(id, user);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 ? store.appendFromBot(id, [message(`bot ${i}`)]) : store.appendFromClient(id, message(`user ${i}`), `c-${i}`),
        ),
      );
      const set = await store.since(id, 0);
      expect(set!.activities.map((a) => a.id)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `${id}|${String(i + 1).padStart(7, '0')}`));
      expect(new Set(set!.activities.map((a) => a.text)).size).to.equal(20);
    });

    it('recognises a resent client activity id and stores nothing new, saying whether its turn finished', async () => {
      const store = await open();
      const id = newId();
      await store.start(id, user);
      const first = await store.appendFromClient(id, message('hi'), 'c-1');
      const resent = await Promise.all([store.appendFromClient(id, message('hi again'), 'c-1'), store.appendFromClient(id, message('hi'), 'c-1')]);
      const unhandled = { outcome: 'resent', id: `${id}|0000001`, handled: false, activity: { type: 'message', text: 'hi', id: `${id}|0000001` } };
      expect(resent).to.deep.equal([unhandled, unhandled]);
      expect(first.outcome).to.equal('appended');
      expect((await store.since(id, 0))!.watermark).to.equal('1');
      await store.markHandled(id, 'c-1');
      await store.markHandled(id, 'c-1');
      expect(await store.appendFromClient(id, message('hi'), 'c-1')).to.deep.equal({ ...unhandled, handled: true });
      expect((await store.appendFromClient(id, message('hi'), 'c-2')).outcome).to.equal('appended');
    });

    it('applies the flood limit per conversation as a sliding window, with the wait until a slot frees', async () => {
      const store = await open({ flood: { max: 3, windowMs: 10_000 } });
      const a = newId();
      const b = newId();
      await store.start(a, user);
      await store.start(b, user);
      for (let i = 0; i < 3; i++) {
        expect((await store.appendFromClient(a, message(`${i}`), undefined)).outcome).to.equal('appended');
        clock.advance(1);
      }
      expect(await store.appendFromClient(a, message('too many'), undefined)).to.deep.equal({ outcome: 'throttled', retryAfterSeconds: 7 });
      expect((await store.appendFromClient(b, message('another conversation'), undefined)).outcome).to.equal('appended');
      expect((await store.appendFromBot(a, [message('the bot is never limited')]))!.length).to.equal(1);
      clock.advance(7);
      expect((await store.appendFromClient(a, message('room again'), undefined)).outcome).to.equal('appended');
    });

    it('keeps within the activity count and byte limits: old activities drop off, watermarks keep counting', async () => {
      const size = Buffer.byteLength(JSON.stringify(message('x'.repeat(1000))));
      const store = await open({ maxActivities: 4, maxBytes: size * 3 });
      const id = newId();
      await store.start(id, user);
      for (let i = 0; i < 3; i++) await store.appendFromBot(id, [message('x'.repeat(1000))]);
      await store.appendFromBot(id, [message('small'), message('x'.repeat(1000))]);
      const set = await store.since(id, 0);
      expect(set!.activities.map((a) => a.id)).to.deep.equal([`${id}|0000003`, `${id}|0000004`, `${id}|0000005`]);
      expect(set!.watermark).to.equal('5');
      const count = await open({ maxActivities: 2 });
      const other = newId();
      await count.start(other, user);
      await count.appendFromClient(other, message('a'), 'ca');
      await count.appendFromBot(other, [message('b'), message('c')]);
      expect((await count.since(other, 0))!.activities.map((a) => a.text)).to.deep.equal(['b', 'c']);
      expect((await count.appendFromClient(other, message('a'), 'ca')).outcome, 'a trimmed client id is forgotten with its activity').to.equal('appended');
    });

    it('forgets a conversation idle for longer than the limit, but not one in use', async () => {
      const store = await open({ idleMinutes: 60, touchEveryMs: 60_000 });
      const quiet = newId();
      const busy = newId();
      await store.start(quiet, user);
      await store.start(busy, user);
      clock.advance(45 * 60);
      await store.appendFromClient(busy, message('still here'), undefined);
      clock.advance(30 * 60);
      expect(await store.find(quiet)).to.equal(undefined);
      expect(await store.since(quiet, 0)).to.equal(undefined);
      expect(await store.exists(quiet)).to.equal(false);
      expect(await store.appendFromClient(quiet, message('late'), undefined)).to.deep.equal({ outcome: 'gone' });
      expect(await store.appendFromBot(quiet, [message('late')])).to.equal(undefined);
      expect(await store.touch(quiet)).to.equal(false);
      expect((await store.find(busy))?.id).to.equal(busy);
      clock.advance(50 * 60);
      expect(await store.touch(busy), 'a page keep-alive marks it used').to.equal(true);
      clock.advance(50 * 60);
      expect(await store.exists(busy)).to.equal(true);
      await store.purgeIdle(clock.now().minus({ minutes: 60 }));
      expect(await store.exists(busy)).to.equal(true);
      const restarted = await store.start(quiet, user);
      expect(restarted.created, 'starting a forgotten conversation starts it afresh').to.equal(true);
      expect(await store.since(quiet, 0)).to.deep.equal({ activities: [], watermark: '0' });
    });

    it('marks a conversation used when found, at most once a minute', async () => {
      const store = await open({ idleMinutes: 60, touchEveryMs: 60_000 });
      const id = newId();
      await store.start(id, user);
      clock.advance(59 * 60);
      expect((await store.find(id))?.lastActiveAt.toMillis()).to.equal(FIXED_NOW.toMillis());
      clock.advance(59 * 60);
      expect(await store.find(id), 'the find at 59 minutes kept it').to.not.equal(undefined);
    });

    it('counts a shared sliding window per key, refusing with the wait', async () => {
      const store = await open();
      const key = `start:${newId()}`;
      const limit = { max: 2, windowMs: 60_000 };
      expect(await store.take(key, limit)).to.deep.equal({ accepted: true });
      clock.advance(10);
      expect(await store.take(key, limit)).to.deep.equal({ accepted: true });
      expect(await store.take(key, limit)).to.deep.equal({ accepted: false, retryAfterSeconds: 50 });
      expect(await store.take(`start:${newId()}`, limit)).to.deep.equal({ accepted: true });
      clock.advance(50);
      expect(await store.take(key, limit)).to.deep.equal({ accepted: true });
      const verdicts = await Promise.all(Array.from({ length: 10 }, () => store.take(`burst:${key}`, { max: 4, windowMs: 60_000 })));
      expect(
        verdicts.filter((v) => v.accepted),
        'concurrent takes never overshoot',
      ).to.have.length(4);
    });
    it('redacts a kept message in place: a fixed text, its sender and client id, nothing the user wrote, and the conversation carries on', async () => {
      const store = await open();
      const id = newId();
      await store.start(id, user);
      await store.appendFromClient(id, message('before'), undefined);
      const said = {
        type: 'message',
        text: 'secret words about a child',
        value: { comment: 'secret words in a form' },
        attachments: [{ contentType: 'text/plain', content: 'secret words attached' }],
        entities: [{ type: 'note', text: 'secret words again' }],
        from: { id: user.id, role: 'user' },
        timestamp: '2026-11-30T09:00:00.000Z',
        channelData: { clientActivityID: 'client-7', note: 'secret words in channel data' },
      };
      const appended = await store.appendFromClient(id, said, 'client-7');
      if (appended.outcome !== 'appended') throw new Error(appended.outcome);
      await store.appendFromBot(id, [message('reply')]);
      expect(await store.redact(id, appended.activity.id!)).to.equal(true);
      const kept = (await store.since(id, 0))!;
      expect(kept.activities.map((a) => a.text)).to.deep.equal(['before', REDACTED_TEXT, 'reply']);
      expect(kept.activities[1]).to.deep.equal({
        type: 'message',
        text: REDACTED_TEXT,
        from: { id: user.id, role: 'user' },
        timestamp: '2026-11-30T09:00:00.000Z',
        channelData: { clientActivityID: 'client-7' },
        id: appended.activity.id,
      });
      expect(JSON.stringify(kept)).not.to.include('secret');
      const resent = await store.appendFromClient(id, said, 'client-7');
      expect(resent.outcome).to.equal('resent');
      expect(JSON.stringify(resent)).not.to.include('secret words in');
      const after = await store.appendFromClient(id, message('after'), undefined);
      expect(after.outcome === 'appended' && after.activity.id).to.equal(`${id}|0000004`);
      expect(await store.redact(id, `${id}|0000099`), 'an activity it does not hold').to.equal(false);
      expect(await store.redact(newId(), `${id}|0000001`), 'a conversation it does not hold').to.equal(false);
    });
  });
}
