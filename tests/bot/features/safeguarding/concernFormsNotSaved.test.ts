import crypto from 'node:crypto';
import { expect } from 'chai';
import { Activity, TestAdapter } from 'botbuilder';
import { sql } from 'kysely';
import { Services } from '../../../../bot/app/services';
import { stamp } from '../../../../bot/platform/store/timestamps';
import { Wave } from '../../../../bot/features/surveys/wave';
import { testAdapter, testBotServices } from '../../../helpers/testBot';
import { FIXED_NOW, replyText } from '../../../helpers/testServices';
import { exchange } from '../../../helpers/adapterExchange';

/** A word found nowhere else, so finding it anywhere in the database means the concern was saved. */
const MARKER = `quibbix${crypto.randomBytes(4).toString('hex')}`;
const isUrgent = (a: Partial<Activity> | undefined) => /^(Worried about a child\u2019s safety\?|A child in danger now\? Call 999\.)/.test(replyText(a));

/** Releases the wave's sealed answers (as closing it does), so their comments can be read in the clear. */
async function released(services: Services, wave: Wave): Promise<string[]> {
  await services.surveys.responses.finalise(wave.id, 1, stamp(FIXED_NOW));
  return services.surveys.responses.comments(wave.id);
}

/** Every row of every table, as an insider with the database would read it. */
async function wholeDatabase(services: Services): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(services.database.db);
  const dumps = await Promise.all(tables.rows.map((t) => sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(services.database.db)));
  return JSON.stringify(dumps.map((d) => d.rows));
}

const STAFF = { id: '29:staff-1', name: 'Sam Staff', aadObjectId: 'aad-staff-1' };
const WEB_STAFF = { id: 'dl_user_E1001', name: 'Sam Staff' };

/** A card submission as each channel sends it: Teams' Action.Execute invoke, web chat's message with a value. */
function submission(channel: string, data: Record<string, unknown>): Partial<Activity> {
  return channel === 'msteams'
    ? { type: 'invoke', name: 'adaptiveCard/action', from: STAFF, value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' } }
    : { type: 'message', from: WEB_STAFF, value: data };
}

for (const channel of ['msteams', 'webchat']) {
  describe(`a concern typed into a saved form field on ${channel} shows the card and is not saved (issue 12)`, () => {
    let services: Services;
    let adapter: TestAdapter;
    let wave: Wave;

    beforeEach(async () => {
      services = await testBotServices({}, { now: () => FIXED_NOW });
      const checked = services.surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      wave = await services.surveys.create(checked.wave);
      for (const userId of [STAFF.id, WEB_STAFF.id]) await services.store.profiles.save({ userId, sector: 'health', locality: 'Melton', topics: [] });
      adapter = testAdapter(services, channel);
    });
    afterEach(() => services.close());

    it('a pulse comment: the card says it will not reach anyone quickly, the answers count, the comment is kept nowhere', async () => {
      const replies = await exchange(
        adapter,
        submission(channel, {
          verb: 'pulse.submit',
          surveyId: wave.id,
          'q.completed-in-three-months': 'yes',
          'q.induction-route': 'employer-only',
          'q.usefulness': '4',
          'q.comment': `induction was ok but the ${MARKER} lad in my group says his dad burns him with cigarettes`,
        }),
      );
      const urgent = replies.find(isUrgent);
      expect(urgent, 'the urgent card is the first message').to.equal(replies.find((r) => r.type === 'message'));
      expect(replyText(urgent)).to.match(/will not reach anyone quickly/);
      expect(await services.surveys.responses.waiting(wave.id), 'the ratings are still recorded').to.equal(1);
      expect(await released(services, wave), 'no comment once the answers are opened').to.deep.equal([]);
      expect(await services.surveys.responses.count(wave.id)).to.equal(1);
      expect(await wholeDatabase(services))
        .to.not.include(MARKER)
        .and.not.include('cigarettes');
    });

    it('an ordinary pulse comment is still kept', async () => {
      await exchange(
        adapter,
        submission(channel, {
          verb: 'pulse.submit',
          surveyId: wave.id,
          'q.completed-in-three-months': 'yes',
          'q.induction-route': 'employer-only',
          'q.usefulness': '4',
          'q.comment': `more ${MARKER} shadowing please`,
        }),
      );
      expect(await released(services, wave)).to.deep.equal([`more ${MARKER} shadowing please`]);
    });

    it('a settings field and a briefing authoring field: the card, and nothing of the concern saved', async () => {
      const settings = await exchange(
        adapter,
        submission(channel, {
          verb: 'settings.about',
          sector: 'health',
          role: 'health-visitor',
          authority: 'leicestershire',
          locality: 'Melton',
          team: `${MARKER} - a mum on my caseload leaves her baby alone all night`,
          startDate: '2026-09-01',
        }),
      );
      expect(settings.some(isUrgent)).to.equal(true);
      const briefing = await exchange(
        adapter,
        submission(channel, { verb: 'briefing.form', title: 'Update', body: `${MARKER} a girl in year 8 told me her uncle is taking her abroad to be cut` }),
      );
      expect(briefing.some(isUrgent)).to.equal(true);
      expect(await wholeDatabase(services)).to.not.include(MARKER);
    });
  });
}
