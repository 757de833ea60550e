import { expect } from 'chai';
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import { createStore, Store } from '../../../bot/store/createStore';
import { participantKey } from '../../../bot/surveys/participantKey';
import { OutboundMessage } from '../../../bot/delivery/deliveryTypes';
import { SurveyService } from '../../../bot/surveys/surveyService';
import { Wave } from '../../../bot/surveys/wave';
import { waveTallyFromCounts, waveTallyFromResponses } from '../../../bot/surveys/waveTally';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { recordingSurveyService } from './surveyTestServices';

const START = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

/** Answers to the induction pulse as a card submits them. */
const answers = (usefulness = '4', extra: Record<string, unknown> = {}) => ({
  'q.completed-in-three-months': 'yes',
  'q.induction-route': 'common-induction-standards',
  'q.usefulness': usefulness,
  ...extra,
});

forEachEngine((engine) => {
  describe(`SurveyService (${engine})`, function () {
    // A shared PostgreSQL server migrates one schema at a time; under load, opening a fresh one can take a while.
    this.timeout(60000);
    let test: TestDatabase;
    let store: Store;
    let surveys: SurveyService;
    let clock: DateTime;
    let queued: OutboundMessage[];

    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = START;
      store = createStore(test.opened.db, () => clock);
      ({ surveys, queued } = recordingSurveyService(store, () => clock));
      for (let i = 1; i <= 6; i++) {
        await store.profiles.save({ userId: `u${i}`, sector: i <= 4 ? 'health' : 'education', locality: 'Melton', topics: [] });
        await store.conversations.upsert({ userId: `u${i}`, conversationId: `a:${i}`, channelId: 'msteams', scope: 'personal', serviceUrl: 'https://smba.example/', reference: {} });
      }
    });
    afterEach(() => test.cleanup());

    async function newWave(extra: Record<string, unknown> = {}): Promise<Wave> {
      const checked = surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00', reminder_days: ['2026-11-26'], ...extra });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const wave = await surveys.create(checked.wave);
      await surveys.schedule(wave);
      return (await surveys.waves.get(wave.id))!;
    }

    it('queues the opening card at opening and a reminder on each day, and records how many were invited', async () => {
      const wave = await newWave({ opens_at: '2026-11-24T09:00' });
      expect(wave.invited).to.equal(6);
      expect(wave.queuedAt).to.be.a('string');
      const opening = queued.filter((c) => c.kind === 'pulse');
      const reminders = queued.filter((c) => c.kind === 'pulse-reminder');
      expect(opening.map((c) => c.messageId)).to.deep.equal(Array(6).fill(`pulse:${wave.id}`));
      expect(opening[0].notBefore.toISO()).to.equal('2026-11-24T09:00:00.000+00:00');
      expect(reminders.map((c) => c.messageId)).to.deep.equal(Array(6).fill(`pulse-reminder:${wave.id}:2026-11-26`));
      expect(reminders[0].notBefore.toISO()).to.equal('2026-11-26T10:00:00.000+00:00');
      expect(queued.every((c) => +c.expiresAt! === +wave.closesAt)).to.equal(true);
      expect(await surveys.schedule(wave)).to.equal(true);
      expect(queued).to.have.length(12);
    });

    it('records an answer once: ledger and response together, the second refused and the first kept', async () => {
      const wave = await newWave();
      expect((await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers('5') })).kind).to.equal('recorded');
      expect((await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers('1') })).kind).to.equal('duplicate');
      const rows = await surveys.responses.forWave(wave.id);
      expect(rows.map((r) => r.answers.usefulness)).to.deep.equal([5]);
      expect(await surveys.hasAnswered(wave, 'u1')).to.equal(true);
      expect(await surveys.hasAnswered(wave, 'u2')).to.equal(false);
    });

    it('counts one answer when the same person submits twenty times at once', async () => {
      const wave = await newWave();
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => surveys.submit({ surveyId: wave.id, userId: 'u2', data: answers() })));
      expect(outcomes.filter((o) => o.kind === 'recorded')).to.have.length(1);
      expect(outcomes.filter((o) => o.kind === 'duplicate')).to.have.length(19);
      expect(await surveys.responses.count(wave.id)).to.equal(1);
    });

    it('keeps no user id, conversation id or time with a response, and no time or order with the ledger', async () => {
      const wave = await newWave();
      await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers('4', { 'q.comment': 'Email me at sam@example.org' }) });
      const columns = async (table: string) =>
        engine === 'sqlite'
          ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(test.opened.db)).rows.map((r) => r.name).sort()
          : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(test.opened.db)).rows.map((r) => r.name).sort();
      expect(await columns('survey_responses')).to.deep.equal(['answers', 'comment', 'id', 'locality', 'response_date', 'sector', 'survey_id']);
      expect(await columns('survey_participation')).to.deep.equal(['participant', 'survey_id']);
      const row = await test.opened.db.selectFrom('survey_responses').selectAll().executeTakeFirstOrThrow();
      expect(row.response_date).to.equal('2026-11-23');
      expect(row.id).to.match(/^[0-9a-f-]{36}$/);
      expect(row.comment).to.equal('Email me at [email]');
      expect({ sector: row.sector, locality: row.locality }).to.deep.equal({ sector: 'health', locality: 'Melton' });
      expect(JSON.stringify(row)).to.not.match(/u1|a:1/);
      const ledger = await test.opened.db.selectFrom('survey_participation').selectAll().execute();
      expect(ledger).to.have.length(1);
      expect(ledger[0].participant).to.match(/^[0-9a-f]{64}$/).and.not.include('u1');
      if (engine === 'sqlite') {
        // WITHOUT ROWID: no hidden insert-ordered id pairs a ledger row with its response.
        for (const table of ['survey_responses', 'survey_participation']) {
          const error = await sql`select rowid from ${sql.table(table)}`.execute(test.opened.db).then(() => undefined, (err: Error) => err.message);
          expect(error, table).to.match(/no such column: rowid/);
        }
      }
    });

    it('keeps running tallies that always equal a count of the responses themselves', async () => {
      const wave = await newWave();
      await store.profiles.save({ userId: 'u6', locality: ' melton ', topics: [] });
      for (const [i, u] of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].entries()) {
        await surveys.submit({ surveyId: wave.id, userId: u, data: answers(String((i % 5) + 1), i % 2 ? {} : { 'q.induction-route': 'none' }) });
      }
      const fromCounts = waveTallyFromCounts(wave.template, await surveys.responses.tallies(wave.id));
      const fromRows = waveTallyFromResponses(wave.template, await surveys.responses.forWave(wave.id));
      expect(fromCounts.overall.responses).to.equal(6);
      expect(fromCounts.overall.results()).to.deep.equal(fromRows.overall.results());
      for (const dimension of ['sector', 'locality'] as const) {
        const summary = (t: typeof fromRows) => [...t[dimension].values()].map((s) => [s.key, s.tally.responses, s.tally.results()]).sort();
        expect(summary(fromCounts), dimension).to.deep.equal(summary(fromRows));
      }
      expect([...fromCounts.locality.values()].map((s) => [s.label, s.tally.responses])).to.deep.equal([['Melton', 6]]);
      // The dashboard's headline is the full results' own, without reading comments or the earlier wave.
      const full = (await surveys.results(wave.id))!;
      expect(full.responses).to.include({ suppressed: false, count: 6 });
      expect(await surveys.summary(wave)).to.deep.equal({ survey: full.survey, responses: full.responses });
    });

    it('never puts the secret on a wave object', async () => {
      const wave = await newWave();
      const secret = await surveys.waves.secretOf(wave.id);
      expect(secret).to.be.a('string').with.length.above(40);
      const everything = JSON.stringify([wave, await surveys.waves.list(), await surveys.waves.openAt(clock), await surveys.results(wave.id)]);
      expect(everything).to.not.include(secret!);
    });

    it('destroys the secret 30 days after closing, after which the ledger cannot be linked to anyone', async () => {
      const wave = await newWave();
      await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers() });
      const secret = (await surveys.waves.secretOf(wave.id))!;
      const participant = participantKey(secret, 'u1');
      clock = wave.closesAt.plus({ days: 29 });
      expect(await surveys.destroyExpiredSecrets(30)).to.equal(0);
      expect(await surveys.hasAnswered(wave, 'u1')).to.equal(true);
      clock = wave.closesAt.plus({ days: 30 });
      expect(await surveys.destroyExpiredSecrets(30)).to.equal(1);
      expect(await surveys.waves.secretOf(wave.id)).to.equal(undefined);
      expect((await surveys.waves.get(wave.id))!.secretDestroyed).to.equal(true);
      expect(await surveys.hasAnswered(wave, 'u1')).to.equal(false);
      expect(await surveys.responses.hasAnswered(wave.id, participant)).to.equal(true);
      expect(await surveys.responses.count(wave.id)).to.equal(1);
    });

    it('refuses answers before opening and after closing, saying when, and changes nothing', async () => {
      const wave = await newWave({ opens_at: '2026-11-24T09:00' });
      expect(await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers() })).to.deep.include({ kind: 'notYetOpen', opensOn: 'Tuesday 24 November 2026' });
      clock = wave.closesAt;
      expect(await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers() })).to.deep.include({ kind: 'closed', closedOn: 'Monday 30 November 2026' });
      expect(await surveys.responses.count(wave.id)).to.equal(0);
    });

    it('refuses someone outside the audience, an unknown survey and answers to another pulse\u2019s questions', async () => {
      const wave = await newWave({ audience: { sectors: ['education'] } });
      expect((await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers() })).kind).to.equal('notInAudience');
      expect((await surveys.submit({ surveyId: wave.id, userId: 'u5', data: answers() })).kind).to.equal('recorded');
      expect((await surveys.submit({ surveyId: 9999, userId: 'u6', data: answers() })).kind).to.equal('unknownSurvey');
      expect((await surveys.submit({ surveyId: 'DROP TABLE', userId: 'u6', data: answers() })).kind).to.equal('unknownSurvey');
      expect((await surveys.submit({ surveyId: wave.id, userId: 'u6', data: { ...answers(), 'q.workload': '5' } })).kind).to.equal('tampered');
      expect(await surveys.responses.count(wave.id)).to.equal(1);
      expect(await surveys.hasAnswered(wave, 'u6')).to.equal(false);
    });

    it('shows the card again with errors for invalid answers, recording nothing', async () => {
      const wave = await newWave();
      const outcome = await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers('7') });
      expect(outcome.kind === 'invalid' && outcome.errors).to.deep.equal(['Choose one of the answers shown for \u201CHow useful was your induction?\u201D.']);
      expect(await surveys.hasAnswered(wave, 'u1')).to.equal(false);
    });

    it('lists open pulses meant for someone until they answer', async () => {
      const wave = await newWave({ audience: { sectors: ['health'] } });
      expect((await surveys.openPulsesFor('u1')).open.map((w) => w.id)).to.deep.equal([wave.id]);
      expect((await surveys.openPulsesFor('u5')).open).to.deep.equal([]);
      await surveys.submit({ surveyId: wave.id, userId: 'u1', data: answers() });
      expect(await surveys.openPulsesFor('u1')).to.deep.include({ open: [], answered: 1 });
    });

    it('trends against the previous closed wave of the same template', async () => {
      const first = await newWave({ reminder_days: [] });
      for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) await surveys.submit({ surveyId: first.id, userId: u, data: answers('2') });
      clock = first.closesAt.plus({ days: 1 });
      const second = await newWave({ closes_at: '2026-12-08T17:00', reminder_days: [] });
      for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) await surveys.submit({ surveyId: second.id, userId: u, data: answers('4') });
      const results = (await surveys.results(second.id))!;
      expect(results.trend.suppressed).to.equal(false);
      if (results.trend.suppressed) return;
      expect(results.trend.previous.id).to.equal(first.id);
      expect(results.trend.items.find((i) => i.questionId === 'usefulness')!.change).to.deep.equal({ mean: 2, favourable: 100 });
    });

    it('finds a wave by name or number among those the viewer may see', async () => {
      const mine = await newWave({ owner: 'aad-comms-1', name: 'Induction check, winter' });
      const theirs = await newWave({ owner: 'aad-comms-2', name: 'Induction check, spring' });
      const viewer = { ids: ['aad-comms-1'], admin: false };
      expect((await surveys.findForViewer('induction check', viewer)).match?.id).to.equal(mine.id);
      expect((await surveys.findForViewer(`#${theirs.id}`, viewer)).match).to.equal(undefined);
      expect((await surveys.findForViewer(`#${theirs.id}`, { ids: [], admin: true })).match?.id).to.equal(theirs.id);
      expect((await surveys.findForViewer('spring', { ids: [], admin: true })).match?.id).to.equal(theirs.id);
    });
  });
});
