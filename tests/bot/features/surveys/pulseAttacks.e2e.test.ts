import crypto from 'node:crypto';
import { expect } from 'chai';
import { sql } from 'kysely';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { shownText } from '../../../helpers/directLineClient';
import { CLOSED_QUESTIONS, differenceOf, intranetToken, PulseHarness, StaffMember, staffList, TENANT, wellbeing } from './pulseAttackHarness';

/**
 * The four attacks of issue #14, each through the public ways in (web chat's Direct Line,
 * /api/messages as Teams sends it, the admin API, the dashboard and a direct read of the
 * database), each counting what the attacker learnt. Every one succeeded on the code before the fix.
 */

/** The answers a person gave, as the results' distributions name them. */
const closedAnswers = (data: Record<string, string>): Record<string, string> => Object.fromEntries(CLOSED_QUESTIONS.map((q) => [q, data[`q.${q}`]]));

/** Every candidate key a database reader might try: each text value of a wave's row, raw and base64-decoded. */
function candidateKeys(row: Record<string, unknown>): Buffer[] {
  const keys: Buffer[] = [];
  for (const value of Object.values(row)) {
    if (typeof value !== 'string' || value.length < 16) continue;
    keys.push(Buffer.from(value, 'utf8'));
    if (/^[A-Za-z0-9+/=]+$/.test(value)) keys.push(Buffer.from(value, 'base64'));
  }
  return keys;
}

/** Who a database reader can tell answered: each staff member whose ids, under any key found in the database, give a ledger row. */
async function respondentsByRecomputation(test: TestDatabase, surveyId: number, staff: StaffMember[]): Promise<Map<string, StaffMember>> {
  const db = test.opened.db;
  const wave = (await sql<Record<string, unknown>>`select * from survey_waves where id = ${surveyId}`.execute(db)).rows[0];
  const ledger = new Set(
    (await sql<{ participant: string }>`select participant from survey_participation where survey_id = ${surveyId}`.execute(db)).rows.map((r) => r.participant),
  );
  const found = new Map<string, StaffMember>();
  for (const key of candidateKeys(wave)) {
    for (const person of staff) {
      for (const id of [person.userId, person.aadObjectId, `aad:${person.aadObjectId}`]) {
        const mac = crypto.createHmac('sha256', key).update(id, 'utf8').digest('hex');
        if (ledger.has(mac)) found.set(mac, person);
      }
    }
  }
  return found;
}

describe('pulse attack 1: ballot stuffing through web chat', function () {
  this.timeout(60000);
  let test: TestDatabase;
  let h: PulseHarness;
  const staff = staffList(1, () => ({ sector: 'health', locality: 'Melton' }));

  before(async () => {
    test = await openTestDatabase('sqlite');
    h = new PulseHarness(test);
    await h.start();
    await h.enrol(staff);
  });
  after(async () => {
    await h.stop();
    await test.cleanup();
  });

  it('four anonymous conversations cannot push one real answer past the minimum group size, and six tabs count as nobody', async () => {
    const id = await h.startPulse({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    const real = wellbeing([1, 2, 1, 2, 1], 0, 'Only I would write this: the rota broke me');
    expect(await h.answerInTeams(staff[0], id, real)).to.include('recorded anonymously');

    const stuffed: string[] = [];
    for (let tab = 0; tab < 6; tab++) {
      const visitor = await h.webVisitor();
      const pulse = (await visitor.say('pulse')).map(shownText).join('\n');
      const submitted = (await visitor.submitPulse(id, wellbeing([5, 5, 5, 5, 5], 10, `fake ${tab}`))).map(shownText).join('\n');
      stuffed.push(`${pulse}\n${submitted}`);
    }
    const results = await h.results(id);
    expect(JSON.stringify(results), 'the real answer shown').to.not.include('the rota broke me');
    expect(results.responses).to.deep.include({ suppressed: true });
    for (const said of stuffed) {
      expect(said).to.match(/sign in through the intranet/i);
      expect(said).to.not.match(/recorded anonymously/);
    }
  });

  it('a signed-in intranet user counts once, whatever tab they answer from', async () => {
    const id = await h.startPulse({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    const token = await intranetToken({ sub: 'E12345', name: 'Pat Partner' }, h.clock);
    const outcomes: string[] = [];
    for (let tab = 0; tab < 3; tab++) {
      const visitor = await h.webVisitor(token);
      outcomes.push((await visitor.submitPulse(id, wellbeing([3, 3, 3, 3, 3], 7))).map(shownText).join('\n'));
    }
    expect(outcomes[0]).to.match(/recorded anonymously/);
    for (const later of outcomes.slice(1)) expect(later).to.match(/already answered this pulse/);
  });

  it('someone who answered in Teams cannot answer again in web chat when the intranet names their Entra object id', async () => {
    const id = await h.startPulse({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    expect(await h.answerInTeams(staff[0], id, wellbeing([2, 2, 2, 2, 2], 5))).to.include('recorded anonymously');
    const visitor = await h.webVisitor(await intranetToken({ sub: 'E777', oid: staff[0].aadObjectId }, h.clock));
    expect((await visitor.submitPulse(id, wellbeing([5, 5, 5, 5, 5], 10))).map(shownText).join('\n')).to.match(/already answered this pulse/);
  });
});

describe('pulse attack 2: differencing the results before and after each answer', function () {
  this.timeout(120000);
  let test: TestDatabase;
  let h: PulseHarness;
  const staff = staffList(12, (i) => ({ sector: i < 6 ? 'health' : 'education', locality: i % 2 ? 'Melton' : 'Charnwood' }));
  /** Person i's answers: different enough that one response shows in every question. */
  const answersOf = (i: number) => wellbeing([(i % 5) + 1, ((i + 2) % 5) + 1, ((i + 4) % 5) + 1, ((i + 1) % 5) + 1, ((i + 3) % 5) + 1], i % 11, `comment ${i}`);

  before(async () => {
    test = await openTestDatabase('sqlite');
    h = new PulseHarness(test, { MicrosoftAppTenantId: TENANT });
    await h.start();
    await h.enrol(staff);
  });
  after(async () => {
    await h.stop();
    await test.cleanup();
  });

  it('a comms owner polling every surface learns nobody\u2019s answers, and every surface shows the same release', async () => {
    const id = await h.startPulse({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    let previous = await h.results(id);
    let learnt = 0;
    let matched = 0;
    for (const [i, person] of staff.entries()) {
      expect(await h.answerInTeams(person, id, answersOf(i))).to.include('recorded anonymously');
      const now = await h.results(id);
      const dashboard = await h.dashboardResults(id);
      const csv = await h.csv(id);
      const chat = await h.chatResults(id);
      // Every surface shows the same release.
      expect(dashboard.responses, `dashboard after ${i + 1}`).to.deep.equal(now.responses);
      expect(dashboard.questions).to.deep.equal(now.questions);
      if (now.responses.suppressed) {
        expect(csv).to.include('overall,,,,suppressed');
        expect(chat).to.match(/Results are hidden/);
      } else {
        expect(csv).to.include(`overall,,,,responses,,${now.responses.count}`);
        expect(chat).to.match(new RegExp(`Responses: ${now.responses.count}\\b`));
      }
      if (now.release) {
        expect(csv).to.include(now.release.note.includes(',') ? `"${now.release.note}"` : now.release.note);
        expect(chat).to.include(now.release.note);
        expect(dashboard.release).to.deep.equal(now.release);
      }
      const difference = differenceOf(previous, now);
      if (difference) {
        learnt++;
        if (JSON.stringify(difference) === JSON.stringify(closedAnswers(answersOf(i)))) matched++;
      }
      previous = now;
    }
    expect({ learnt, matched }).to.deep.equal({ learnt: 0, matched: 0 });
  });
});

forEachEngine((engine) => {
  describe(`pulse attacks 3 and 4: a database reader with the staff list (${engine})`, function () {
    this.timeout(120000);
    let test: TestDatabase;
    let h: PulseHarness;
    /** Twenty-five staff, so five batches are stored; four are alone in their sector and locality. */
    const staff = staffList(25, (i) =>
      i < 21
        ? { sector: i < 10 ? 'health' : 'education', locality: i % 2 ? 'Melton' : 'Charnwood' }
        : {
            sector: ['youth', 'early-years-childcare', 'sport-culture', 'justice-crime-prevention'][i - 21],
            locality: ['Blaby', 'Harborough', 'Hinckley', 'Oadby'][i - 21],
          },
    );
    const answersOf = (i: number) =>
      wellbeing([(i % 5) + 1, ((i + 2) % 5) + 1, ((i + 4) % 5) + 1, ((i + 1) % 5) + 1, ((i + 3) % 5) + 1], i % 11, `comment from person ${i}`);
    let surveyId: number;

    before(async () => {
      test = await openTestDatabase(engine);
      h = new PulseHarness(test);
      await h.start();
      await h.enrol(staff);
      surveyId = await h.startPulse({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
      for (const [i, person] of staff.entries()) expect(await h.answerInTeams(person, surveyId, answersOf(i))).to.include('recorded anonymously');
    });
    after(async () => {
      await h.stop();
      await test.cleanup();
    });

    /** Whether a stored response (answers as JSON) is person i's. */
    const isAnswerOf = (answers: string, i: number) => {
      const stored = JSON.parse(answers) as Record<string, number | string>;
      return CLOSED_QUESTIONS.every((q) => String(stored[q]) === closedAnswers(answersOf(i))[q]);
    };

    it('cannot tell who answered by recomputing the ledger', async () => {
      expect([...(await respondentsByRecomputation(test, surveyId, staff)).values()].map((p) => p.name)).to.deep.equal([]);
    });

    it('cannot name anyone from segments: no stored response or tally describes fewer people than the threshold', async () => {
      const db = test.opened.db;
      const rows = (await sql<Record<string, unknown>>`select * from survey_responses where survey_id = ${surveyId}`.execute(db)).rows;
      let named = 0;
      for (const row of rows) {
        const alike = staff.filter((p) => (row.sector === undefined || p.sector === row.sector) && (row.locality === undefined || p.locality === row.locality));
        if (alike.length === 1 && isAnswerOf(String(row.answers), staff.indexOf(alike[0]))) named++;
      }
      expect(named, 'responses named by their segments').to.equal(0);
      const small = (
        await sql<{
          dimension: string;
          segment: string;
          responses: number;
        }>`select dimension, segment, responses from survey_tallies where survey_id = ${surveyId} and question_id = '' and responses > 0 and responses < 5`.execute(
          db,
        )
      ).rows;
      expect(small, 'tallies about fewer than 5 people').to.deep.equal([]);
    });

    it('cannot pair a response with its ledger row or its arrival by storage order or transaction', async function () {
      const db = test.opened.db;
      if (engine === 'postgres') {
        const ledger = (
          await sql<{
            xmin: string;
            participant: string;
          }>`select xmin::text as xmin, participant from survey_participation where survey_id = ${surveyId}`.execute(db)
        ).rows;
        const responses = (
          await sql<{
            xmin: string;
            ctid: string;
            answers: string;
          }>`select xmin::text as xmin, ctid::text as ctid, answers from survey_responses where survey_id = ${surveyId}`.execute(db)
        ).rows;
        const byRecomputation = await respondentsByRecomputation(test, surveyId, staff);
        const ledgerXmins = new Map(ledger.map((r) => [r.xmin, r.participant]));
        let named = 0;
        for (const row of responses) {
          const participant = ledgerXmins.get(row.xmin);
          const person = participant ? byRecomputation.get(participant) : undefined;
          if (person && isAnswerOf(row.answers, staff.indexOf(person))) named++;
        }
        expect(named, 'responses named through the ledger row written in the same transaction').to.equal(0);
        expect(
          responses.filter((r) => ledgerXmins.has(r.xmin)),
          'responses sharing a transaction with a ledger row',
        ).to.deep.equal([]);
        // Each batch is written in one transaction of at least the threshold, in shuffled order.
        const batches = new Map<string, { ctid: string; answers: string }[]>();
        for (const row of responses) batches.set(row.xmin, [...(batches.get(row.xmin) ?? []), row]);
        expect(
          [...batches.values()].every((b) => b.length >= 5),
          'every batch of responses has at least five',
        ).to.equal(true);
      }
      // Storage order (SQLite's key order, PostgreSQL's heap order) against arrival order: the attacker names the n-th stored response as the n-th to answer.
      const stored =
        engine === 'postgres'
          ? (await sql<{ answers: string }>`select answers from survey_responses where survey_id = ${surveyId} order by ctid`.execute(db)).rows
          : (await sql<{ answers: string }>`select answers from survey_responses where survey_id = ${surveyId}`.execute(db)).rows;
      const arrivalNamed = stored.filter((row, n) => isAnswerOf(row.answers, n)).length;
      // A fair shuffle leaves about one row per batch in its arrival place by chance; with five batches of five, 20 or more happens once in four million runs, while storing in arrival order names all 25.
      expect(stored.length, 'responses released in batches').to.equal(staff.length);
      expect(arrivalNamed, 'responses whose storage position is their arrival position').to.be.below(20);
    });
  });
});
