import { expect } from 'chai';
import { DateTime } from 'luxon';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { wellbeingAnswers } from './surveyTestServices';

const TOKEN = 'pulse-e2e-admin-token';
const COMMS_AAD = 'aad-comms-e2e';
/** Monday 23 November 2026, 09:30 in London: inside working hours. */
const START = DateTime.fromISO('2026-11-23T09:30', { zone: 'Europe/London' });

/** Twelve staff: five in health, five in education, two in youth; odd ones in Charnwood, even ones in Melton. */
const STAFF = Array.from({ length: 12 }, (_, i) => ({
  userId: `29:staff-${i + 1}`,
  aadObjectId: `aad-staff-${i + 1}`,
  conversationId: `a:personal-staff-${i + 1}`,
  sector: i < 5 ? 'health' : i < 10 ? 'education' : 'youth',
  locality: i % 2 === 0 ? 'Charnwood' : 'Melton',
}));
type Person = { userId: string; aadObjectId: string; conversationId: string };
const COMMS: Person = { userId: '29:comms', aadObjectId: COMMS_AAD, conversationId: 'a:personal-comms' };

forEachEngine((engine) => {
  describe(`a whole pulse wave through /api/messages (${engine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;
    let bot: RunningBot;
    let serviceUrl: string;
    let clock: DateTime;
    const connector = new FakeConnector();

    const activity = (person: Person, extra: Record<string, unknown>) => ({
      channelId: 'msteams',
      serviceUrl,
      id: `act-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      from: { id: person.userId, name: person.userId, aadObjectId: person.aadObjectId },
      conversation: { id: person.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      recipient: { id: '28:bot', name: 'Workforce Assistant' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    });
    const send = async (body: unknown) => {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
    };
    const say = (person: Person, text: string) => send(activity(person, { type: 'message', text }));
    /** Presses "Send my answers" on a Teams pulse card (Action.Execute) and returns the invoke response. */
    const execute = async (person: Person, surveyId: number, data: Record<string, unknown>) => {
      const res = await send(
        activity(person, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'pulse.submit', data: { verb: 'pulse.submit', surveyId, ...data } }, trigger: 'manual' },
        }),
      );
      expect(res.status).to.equal(200);
      return res.body as { statusCode: number; type: string; value: unknown };
    };
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${bot.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
    const startPulse = async (key: string, body: Record<string, unknown>) => {
      const res = await api('/api/surveys', { method: 'POST', headers: { 'idempotency-key': key }, body: JSON.stringify(body) });
      expect(res.status).to.equal(201);
      return ((await res.json()) as { id: number }).id;
    };
    const results = async (id: number) =>
      (await (await api(`/api/surveys/${id}/results`)).json()) as Record<string, { suppressed: boolean } & Record<string, unknown>>;
    /** Cards the connector received since `from`, as [conversation, fallback text]. */
    const cardsSince = (from: number) =>
      connector
        .messages()
        .slice(from)
        .map(
          (m) =>
            [
              (m.conversation as { id: string }).id,
              (m.attachments as { content: { fallbackText: string } }[] | undefined)?.[0]?.content.fallbackText ?? String(m.text ?? ''),
            ] as const,
        );

    before(async () => {
      test = await openTestDatabase(engine);
      serviceUrl = await connector.start();
      clock = START;
      bot = await startBot(
        { ADMIN_API_TOKEN: TOKEN, COMMS_USERS: COMMS_AAD, DELIVERY_RATE_PER_SECOND: '500', DELIVERY_CONVERSATION_RATE_PER_SECOND: '100' },
        { database: test.opened, now: () => clock },
      );
      // Each person says hello first, so the bot holds their personal chat; profiles give the segments.
      for (const person of [...STAFF, COMMS]) expect((await say(person, 'hi')).status).to.be.oneOf([200, 201, 202]);
      for (const s of STAFF) await bot.services.store.profiles.save({ userId: s.userId, sector: s.sector, locality: s.locality, topics: [] });
    });
    after(async () => {
      await bot.stop();
      await connector.stop();
      await test.cleanup();
    });

    it('runs a wave from start to results, with anonymity held throughout', async () => {
      const surveys = bot.services.surveys;
      const id = await startPulse('wave-1', {
        template: 'wellbeing-pulse',
        name: 'Wellbeing, November',
        audience: { sectors: ['health', 'education', 'youth'] },
        opens_at: '2026-11-23T10:00',
        closes_at: '2026-11-30T17:00',
        reminder_days: ['2026-11-26'],
        owner: COMMS_AAD,
      });

      // Nothing goes out before opening time; at opening, one card to each of the twelve, in their personal chat.
      let mark = connector.messages().length;
      await bot.services.delivery.drain();
      expect(cardsSince(mark)).to.deep.equal([]);
      clock = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });
      await bot.services.delivery.drain();
      const opening = cardsSince(mark);
      expect(opening.map(([conversation]) => conversation).sort()).to.deep.equal(STAFF.map((s) => s.conversationId).sort());
      expect(opening.every(([, text]) => /^Wellbeing and workload pulse/.test(text))).to.equal(true);
      const sent = connector.messages().slice(mark);
      const card = (sent[0].attachments as { content: Record<string, unknown> }[])[0].content;
      expect(card.version).to.equal('1.5');
      expect(JSON.stringify(card)).to.include('"type":"Action.Execute"').and.include('"verb":"pulse.submit"');

      // Four answers: everything is hidden.
      for (const [i, s] of STAFF.slice(0, 4).entries()) {
        const response = await execute(s, id, wellbeingAnswers(i + 1, 9, `comment from person ${i + 1}`));
        expect(response).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expect(JSON.stringify(response.value)).to.include('Thank you \u2014 your answers were recorded anonymously').and.not.include('comment from person');
      }
      const atFour = await results(id);
      for (const part of ['responses', 'questions', 'comments', 'segments', 'trend'])
        expect(atFour[part]).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses so far' });

      // A second submission is refused and the first kept.
      const twice = await execute(STAFF[0], id, wellbeingAnswers(5, 0));
      expect(JSON.stringify(twice.value)).to.include('already answered this pulse');

      // The fifth answer shows the results.
      await execute(STAFF[4], id, wellbeingAnswers(5, 10, 'comment from person 5'));
      const atFive = await results(id);
      expect(atFive.responses).to.deep.include({ suppressed: false, count: 5, invited: 12 });
      const workload = (atFive.questions as unknown as { items: { id: string; mean: number; distribution: { count: number }[] }[] }).items.find(
        (q) => q.id === 'workload',
      )!;
      expect(workload.mean).to.equal(3);
      expect(workload.distribution.map((d) => d.count)).to.deep.equal([1, 1, 1, 1, 1]);

      // Six more answer (one of the two youth workers does not): the figures move only when five new answers are in.
      for (const s of STAFF.slice(5, 10)) await execute(s, id, wellbeingAnswers(4, 8));
      expect((await results(id)).responses).to.deep.include({ count: 10 });
      await execute(STAFF[10], id, wellbeingAnswers(4, 8));
      const eleven = await results(id);
      expect(eleven.responses).to.deep.include({ count: 10 });
      expect((eleven.release as unknown as { note: string }).note).to.equal(
        'Figures as released Monday 23 November 2026 at 10:00. Updates after 4 more responses.',
      );
      // Each batch was all health, then all education; its localities (three and two) were too few to keep, so they are stored as "not stated".
      const segments = eleven.segments as unknown as {
        sector: { shown: { label: string; responses: number }[]; hidden?: unknown };
        locality: { shown: { label: string; responses: number }[] };
      };
      expect(segments.sector.shown.map((s) => [s.label, s.responses])).to.deep.equal([
        ['Education', 5],
        ['Health', 5],
      ]);
      expect(segments.sector.hidden).to.equal(undefined);
      expect(JSON.stringify(segments.sector)).to.not.match(/Youth/);
      expect(segments.locality.shown.map((s) => [s.label, s.responses])).to.deep.equal([['Not stated', 10]]);

      // The reminder day: only the one person who has not answered is reminded.
      mark = connector.messages().length;
      clock = DateTime.fromISO('2026-11-26T10:00', { zone: 'Europe/London' });
      await bot.services.delivery.drain();
      expect(cardsSince(mark).map(([conversation]) => conversation)).to.deep.equal([STAFF[11].conversationId]);
      expect(cardsSince(mark)[0][1]).to.match(/^Reminder: you haven't answered this pulse yet/);
      // Reminder copies are forgotten once done, so no delivery record says who had not answered.
      expect(await bot.services.delivery.records(`pulse-reminder:${id}:2026-11-26`)).to.deep.equal([]);

      // The owner asks in chat and sees the same figures; the CSV holds aggregates only.
      mark = connector.messages().length;
      await say(COMMS, 'results of wellbeing november');
      const [[where, text]] = cardsSince(mark);
      expect(where).to.equal(COMMS.conversationId);
      expect(text)
        .to.match(/Responses: 10/)
        .and.match(/Response rate: 83\.3% of 12 invited/)
        .and.match(/My workload is manageable: mean 3\.50 \u00B7 70% favourable/);
      expect(text).to.include('Updates after 4 more responses.');
      const csv = await (await api(`/api/surveys/${id}/results.csv`)).text();
      expect(csv).to.include('overall,,,,responses,,10').and.include('sector,Health,,,responses,,5').and.include('locality,Not stated,,,responses,,10');
      expect(csv).to.not.match(/comment from person|staff-|aad-(staff|comms)/);

      // Nothing in the responses table identifies anyone (the identifiers are spelt out, as a random row id may hold "aad-").
      const rows = await test.opened.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', id).execute();
      expect(rows).to.have.length(10);
      expect(JSON.stringify(rows)).to.not.match(/29:staff-|aad-staff-|aad-comms|a:personal|T\d\d:\d\d/);

      // After closing: refused with the date, and the wave's trend baseline is ready.
      clock = DateTime.fromISO('2026-11-30T17:00', { zone: 'Europe/London' });
      const late = await execute(STAFF[11], id, wellbeingAnswers(3, 5));
      expect(JSON.stringify(late.value)).to.include('this pulse closed on Monday 30 November 2026');
      // The final release: the one answer after the last update is too few to add without revealing it.
      const final = await results(id);
      expect(final.responses).to.deep.include({ count: 10 });
      expect(final.release).to.deep.include({ final: true, notIncluded: 1 });
      expect(await surveys.responses.count(id)).to.equal(10);

      // A second wave of the same template trends against the first.
      clock = DateTime.fromISO('2026-12-07T09:00', { zone: 'Europe/London' });
      const second = await startPulse('wave-2', {
        template: 'wellbeing-pulse',
        name: 'Wellbeing, December',
        audience: { everyone: true },
        closes_at: '2026-12-14T17:00',
        owner: COMMS_AAD,
      });
      mark = connector.messages().length;
      await bot.services.delivery.drain();
      expect(cardsSince(mark).filter(([, t]) => /^Wellbeing and workload pulse/.test(t))).to.have.length(13);
      for (const s of STAFF.slice(0, 6)) await execute(s, second, wellbeingAnswers(5, 10));
      const trend = (await results(second)).trend as unknown as {
        suppressed: boolean;
        previous: { id: number; responses: number };
        items: { questionId: string; change: Record<string, number> }[];
      };
      expect(trend.suppressed).to.equal(false);
      expect(trend.previous).to.include({ id, responses: 10 });
      expect(trend.items.find((i) => i.questionId === 'workload')!.change).to.deep.equal({ mean: 1.5, favourable: 30 });
    });

    it('sends only cards the Adaptive Cards SDK accepts', () => {
      expect(connector.cardProblems()).to.deep.equal([]);
    });
  });
});
