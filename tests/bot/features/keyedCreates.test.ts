import { expect } from 'chai';
import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../knowledge/surveys/templateLoader';
import { checkBriefing } from '../../../bot/features/briefings/briefingInput';
import { Briefings } from '../../../bot/features/briefings/briefings';
import { checkWaveRequest } from '../../../bot/features/surveys/waveRequest';
import { SurveyWaves } from '../../../bot/features/surveys/surveyWaves';
import { IdempotencyKeys, KeyedResponse } from '../../../bot/platform/store/idempotencyKeys';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';

const NOW = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

/** A response the key store cannot keep (JSON cannot write a cycle), so the keyed write fails after the work. */
function unkeepable(): KeyedResponse {
  const body: Record<string, unknown> = {};
  body.self = body;
  return { status: 201, body };
}

forEachEngine((engine) => {
  describe(`keyed creates take no transaction and leave nothing half-written (${engine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;
    let keys: IdempotencyKeys;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
      keys = new IdempotencyKeys(test.opened.db, () => NOW);
    });
    afterEach(() => test.cleanup());

    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail('the kept response should have failed to write'),
        (err: Error) => expect(err.message).to.match(/circular/i),
      );

    it('rolls back the briefing when its kept response fails to write', async () => {
      const checked = checkBriefing({ title: 'T', summary: 'S' }, NOW, 'Europe/London');
      if (!checked.ok) throw new Error('bad briefing');
      const briefings = new Briefings(test.opened.db, () => NOW);
      await refused(
        keys.once({ key: 'k1', route: 'POST /api/briefings', body: {} }, async () => {
          await briefings.create(checked.draft, 'admin-api');
          return unkeepable();
        }),
      );
      expect(await test.opened.db.selectFrom('briefings').select('id').execute()).to.deep.equal([]);
    });

    it('rolls back the wave when its kept response fails to write', async () => {
      const checked = checkWaveRequest(
        { template: 'wellbeing-pulse', audience: { everyone: true }, opens_at: '2026-11-24T09:00', closes_at: '2026-12-01T17:00' },
        { templates: loadTemplatesOrThrow(), now: NOW, defaultThreshold: 5, reminderTime: '10:00' },
      );
      if (!checked.ok) throw new Error('bad wave');
      const waves = new SurveyWaves(test.opened.db, () => NOW);
      await refused(
        keys.once({ key: 'k1', route: 'POST /api/surveys', body: {} }, async () => {
          await waves.create(checked.wave);
          return unkeepable();
        }),
      );
      expect(await waves.list()).to.deep.equal([]);
    });
  });
});
