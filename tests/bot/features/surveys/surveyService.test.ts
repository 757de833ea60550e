import { expect } from 'chai';
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import { createStore, Store } from '../../../../bot/platform/store/createStore';
import { PulseKeys } from '../../../../bot/features/surveys/pulseKeys';
import { OutboundMessage } from '../../../../bot/platform/delivery/deliveryTypes';
import { SurveyService } from '../../../../bot/features/surveys/surveyService';
import { Wave } from '../../../../bot/features/surveys/wave';
import { waveTallyFromCounts, waveTallyFromResponses } from '../../../../bot/features/surveys/waveTally';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { recordingSurveyService, teamsRespondent as staff, testPulseKeys } from './surveyTestServices';

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
      ({ surveys, queued } = recordingSurveyService(store, () => clock, engine));
      for (let i = 1; i <= 6; i++) {
        await store.profiles.save({ userId: `u${i}`, sector: i <= 4 ? 'health' : 'education', locality: 'Melton', topics: [] });
        await store.conversations.upsert({
          userId: `u${i}`,
          conversationId: `a:${i}`,
          channelId: 'msteams',
          aadObjectId: `u${i}`,
          scope: 'personal',
          serviceUrl: 'https://smba.example/',
          reference: {},
        });
      }
    });
    afterEach(() => test.cleanup());

    async function newWave(extra: Record<string, unknown> = {}): Promise<Wave> {
      const checked = surveys.check({
        template: 'induction-feedback',
        audience: { everyone: true },
        closes_at: '2026-11-30T17:00',
        reminder_days: ['2026-11-26'],
        ...extra,
      });
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
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers('5') })).kind).to.equal('recorded');
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers('1') })).kind).to.equal('duplicate');
      // The answer waits, sealed, for a batch of five; nothing is released yet.
      expect(await surveys.responses.waiting(wave.id)).to.equal(1);
      expect(await surveys.responses.forWave(wave.id)).to.deep.equal([]);
      expect(await surveys.hasAnswered(wave, staff('u1'))).to.equal(true);
      expect(await surveys.hasAnswered(wave, staff('u2'))).to.equal(false);
    });

    it('counts one answer when the same person submits twenty times at once', async () => {
      const wave = await newWave();
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => surveys.submit({ surveyId: wave.id, respondent: staff('u2'), data: answers() })));
      expect(outcomes.filter((o) => o.kind === 'recorded')).to.have.length(1);
      expect(outcomes.filter((o) => o.kind === 'duplicate')).to.have.length(19);
      expect(await surveys.responses.waiting(wave.id)).to.equal(1);
    });

    it('keeps no user id, conversation id, time or segment with a response, and no key in the database', async () => {
      const wave = await newWave();
      await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers('4', { 'q.comment': 'Email me at sam@example.org, Sam Jones here' }) });
      await surveys.submit({ surveyId: wave.id, respondent: staff('u2'), data: answers('4', { 'q.comment': 'x'.repeat(400) }) });
      const columns = async (table: string) =>
        engine === 'sqlite'
          ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(test.opened.db)).rows.map((r) => r.name).sort()
          : (
              await sql<{
                name: string;
              }>`select column_name as name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(
                test.opened.db,
              )
            ).rows
              .map((r) => r.name)
              .sort();
      expect(await columns('survey_pending')).to.deep.equal(['id', 'sealed', 'survey_id']);
      expect(await columns('survey_participation')).to.deep.equal(['participant', 'survey_id']);
      expect(await columns('survey_responses')).to.deep.equal(['answers', 'comment', 'id', 'survey_id']);
      expect(await columns('survey_waves')).to.not.include('secret');
      // Waiting answers are sealed and padded to one size, whatever their comment.
      const pending = await test.opened.db.selectFrom('survey_pending').selectAll().execute();
      expect(pending.map((p) => p.sealed.length)).to.have.members([pending[0].sealed.length, pending[0].sealed.length]);
      expect(JSON.stringify(pending)).to.not.match(/sam@|Sam Jones|usefulness|comment/);
      for (const u of ['u3', 'u4', 'u5']) await surveys.submit({ surveyId: wave.id, respondent: staff(u), data: answers('3') });
      const rows = await test.opened.db.selectFrom('survey_responses').selectAll().execute();
      expect(rows).to.have.length(5);
      expect(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.id))).to.equal(true);
      expect(rows.map((r) => r.comment)).to.include('Email me at [email], [name] here');
      expect(JSON.stringify(rows)).to.not.match(/u1|a:1|2026-11/);
      expect(await surveys.responses.waiting(wave.id)).to.equal(0);
      // The ledger holds keyed hashes only a holder of the server secret can recompute.
      const ledger = (await test.opened.db.selectFrom('survey_participation').select('participant').execute()).map((r) => r.participant);
      expect(ledger).to.have.length(5);
      expect(ledger).to.include(testPulseKeys().participant(wave.id, 'aad:u1'));
      expect(ledger).to.not.include(new PulseKeys(Buffer.from('another-secret-of-thirty-two-characters!')).participant(wave.id, 'aad:u1'));
      if (engine === 'sqlite') {
        // WITHOUT ROWID: no hidden insert-ordered id gives the order rows were written in.
        for (const table of ['survey_responses', 'survey_participation', 'survey_pending']) {
          const error = await sql`select rowid from ${sql.table(table)}`.execute(test.opened.db).then(
            () => undefined,
            (err: Error) => err.message,
          );
          expect(error, table).to.match(/no such column: rowid/);
        }
      }
    });

    it('releases in whole batches: the tallies change only when five new answers are in, and equal a count of the responses', async () => {
      const wave = await newWave();
      await store.profiles.save({ userId: 'u6', locality: ' melton ', topics: [] });
      const submitted = [];
      for (const [i, u] of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].entries()) {
        submitted.push(
          await surveys.submit({ surveyId: wave.id, respondent: staff(u), data: answers(String((i % 5) + 1), i % 2 ? {} : { 'q.induction-route': 'none' }) }),
        );
        const released = waveTallyFromCounts(wave.template, await surveys.responses.tallies(wave.id)).overall.responses;
        expect(released, `released after ${i + 1}`).to.equal(i + 1 >= 5 ? 5 : 0);
      }
      expect(await surveys.responses.waiting(wave.id)).to.equal(1);
      const fromCounts = waveTallyFromCounts(wave.template, await surveys.responses.tallies(wave.id));
      const fromRows = waveTallyFromResponses(wave.template, await surveys.responses.forWave(wave.id));
      expect(fromCounts.overall.results()).to.deep.equal(fromRows.overall.results());
      // Four in health and one in education: each rarer than five in the batch, so both are stored as "not stated".
      expect([...fromCounts.sector.values()].map((s) => [s.key, s.tally.responses])).to.deep.equal([['', 5]]);
      expect([...fromCounts.locality.values()].map((s) => [s.label, s.tally.responses])).to.deep.equal([['Melton', 5]]);
      // The dashboard's headline is the full results' own, without reading comments or the earlier wave.
      const full = (await surveys.results(wave.id))!;
      expect(full.responses).to.include({ suppressed: false, count: 5 });
      expect(full.release).to.include({ number: 1, nextUpdateAfter: 4, final: false });
      expect(full.release.note).to.equal('Figures as released Monday 23 November 2026 at 10:00. Updates after 4 more responses.');
      expect(await surveys.summary(wave)).to.deep.equal({ survey: full.survey, responses: full.responses, release: full.release });
    });

    it('at close, releases the last batch when it is big enough, and empties the ledger', async () => {
      const wave = await newWave();
      for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) await surveys.submit({ surveyId: wave.id, respondent: staff(u), data: answers('2') });
      await surveys.submit({ surveyId: wave.id, respondent: staff('u6'), data: answers('5') });
      clock = wave.closesAt;
      expect(await surveys.hasAnswered(wave, staff('u6'))).to.equal(true);
      expect(await surveys.finishClosedWaves()).to.equal(1);
      expect(await surveys.finishClosedWaves()).to.equal(0);
      const results = (await surveys.results(wave.id))!;
      expect(results.responses).to.include({ count: 5 });
      expect(results.release).to.include({ final: true, notIncluded: 1, nextUpdateAfter: null });
      expect(results.release.note).to.match(
        /^Final figures, released Monday 23 November 2026 at 10:00\. 1 answer received after the last update is not included: fewer than 5 cannot be added/,
      );
      expect(await test.opened.db.selectFrom('survey_participation').selectAll().execute()).to.deep.equal([]);
      expect(await test.opened.db.selectFrom('survey_pending').selectAll().execute()).to.deep.equal([]);
      expect(await surveys.hasAnswered(wave, staff('u1'))).to.equal(false);
    });

    it('releases a first batch at close even when smaller than the threshold, where the usual suppression hides it', async () => {
      const wave = await newWave();
      for (const u of ['u1', 'u2']) await surveys.submit({ surveyId: wave.id, respondent: staff(u), data: answers('2') });
      clock = wave.closesAt.plus({ minutes: 1 });
      const results = (await surveys.results(wave.id))!;
      expect(results.responses).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses' });
      expect(results.release).to.include({ number: 1, final: true, notIncluded: 0 });
    });

    it('refuses answers before opening and after closing, saying when, and changes nothing', async () => {
      const wave = await newWave({ opens_at: '2026-11-24T09:00' });
      expect(await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers() })).to.deep.include({
        kind: 'notYetOpen',
        opensOn: 'Tuesday 24 November 2026',
      });
      clock = wave.closesAt;
      expect(await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers() })).to.deep.include({
        kind: 'closed',
        closedOn: 'Monday 30 November 2026',
      });
      expect(await surveys.responses.waiting(wave.id)).to.equal(0);
    });

    it('counts a person once across identities: an answer under any of them blocks another', async () => {
      const wave = await newWave();
      const web = { userId: 'dl_user_E1', identities: ['aad:u1', 'web:E1'] };
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers() })).kind).to.equal('recorded');
      expect((await surveys.submit({ surveyId: wave.id, respondent: web, data: answers() })).kind).to.equal('duplicate');
      expect((await surveys.submit({ surveyId: wave.id, respondent: { userId: 'dl_user_E1', identities: ['web:E1'] }, data: answers() })).kind).to.equal(
        'recorded',
      );
      expect((await surveys.submit({ surveyId: wave.id, respondent: web, data: answers() })).kind).to.equal('duplicate');
      expect(await surveys.responses.waiting(wave.id)).to.equal(2);
    });

    it('refuses someone outside the audience, an unknown survey and answers to another pulse\u2019s questions', async () => {
      const wave = await newWave({ audience: { sectors: ['education'] } });
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers() })).kind).to.equal('notInAudience');
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u5'), data: answers() })).kind).to.equal('recorded');
      expect((await surveys.submit({ surveyId: 9999, respondent: staff('u6'), data: answers() })).kind).to.equal('unknownSurvey');
      expect((await surveys.submit({ surveyId: 'DROP TABLE', respondent: staff('u6'), data: answers() })).kind).to.equal('unknownSurvey');
      expect((await surveys.submit({ surveyId: wave.id, respondent: staff('u6'), data: { ...answers(), 'q.workload': '5' } })).kind).to.equal('tampered');
      expect(await surveys.responses.waiting(wave.id)).to.equal(1);
      expect(await surveys.hasAnswered(wave, staff('u6'))).to.equal(false);
    });

    it('shows the card again with errors for invalid answers, recording nothing', async () => {
      const wave = await newWave();
      const outcome = await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers('7') });
      expect(outcome.kind === 'invalid' && outcome.errors).to.deep.equal(['Choose one of the answers shown for \u201CHow useful was your induction?\u201D.']);
      expect(await surveys.hasAnswered(wave, staff('u1'))).to.equal(false);
    });

    it('lists open pulses meant for someone until they answer', async () => {
      const wave = await newWave({ audience: { sectors: ['health'] } });
      expect((await surveys.openPulsesFor(staff('u1'))).open.map((w) => w.id)).to.deep.equal([wave.id]);
      expect((await surveys.openPulsesFor(staff('u5'))).open).to.deep.equal([]);
      await surveys.submit({ surveyId: wave.id, respondent: staff('u1'), data: answers() });
      expect(await surveys.openPulsesFor(staff('u1'))).to.deep.include({ open: [], answered: 1 });
    });

    it('trends against the previous closed wave of the same template', async () => {
      const first = await newWave({ reminder_days: [] });
      for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) await surveys.submit({ surveyId: first.id, respondent: staff(u), data: answers('2') });
      clock = first.closesAt.plus({ days: 1 });
      const second = await newWave({ closes_at: '2026-12-08T17:00', reminder_days: [] });
      for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) await surveys.submit({ surveyId: second.id, respondent: staff(u), data: answers('4') });
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
