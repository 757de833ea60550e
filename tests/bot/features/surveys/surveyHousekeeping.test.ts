import { expect } from 'chai';
import { DateTime } from 'luxon';
import { IdempotencyKeys } from '../../../../bot/platform/store/idempotencyKeys';
import { createStore } from '../../../../bot/platform/store/createStore';
import { openDatabase } from '../../../../bot/platform/store/openDatabase';
import { IN_MEMORY } from '../../../../bot/platform/store/sqliteDatabase';
import { surveyHousekeeping } from '../../../../bot/features/surveys/surveyHousekeeping';
import { FIXED_NOW, silentLogger } from '../../../helpers/testServices';
import { addStaff, recordingSurveyService, teamsRespondent } from './surveyTestServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

describe('pulse housekeeping', () => {
  it('queues waves saved but never queued, makes the final release of closed waves, empties their ledgers and forgets old idempotency keys', async () => {
    let clock = FIXED_NOW;
    const { db } = await openDatabase({ dataDir: IN_MEMORY, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    const store = createStore(db, () => clock);
    const { surveys, queued } = recordingSurveyService(store, () => clock);
    const keys = new IdempotencyKeys(db, () => clock);
    await addStaff(store, ['health', 'youth']);
    const checked = surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    if (!checked.ok) throw new Error('bad wave');
    const wave = await surveys.create(checked.wave);
    await keys.once({ key: 'k', route: 'POST /api/surveys', body: {} }, async () => ({ status: 201, body: {} }));

    const housekeeping = surveyHousekeeping({ surveys, idempotencyKeys: keys, now: () => clock, logger: silentLogger });
    await housekeeping.runOnce();
    expect(queued.map((c) => c.userId)).to.deep.equal(['staff-1', 'staff-2']);
    expect((await surveys.waves.get(wave.id))!.invited).to.equal(2);
    await housekeeping.runOnce();
    expect(queued).to.have.length(2);

    for (const userId of ['staff-1', 'staff-2'])
      expect(
        (
          await surveys.submit({
            surveyId: wave.id,
            respondent: teamsRespondent(userId),
            data: { 'q.completed-in-three-months': 'yes', 'q.induction-route': 'none', 'q.usefulness': '3' },
          })
        ).kind,
      ).to.equal('recorded');
    clock = DateTime.fromISO('2026-12-30T17:00', { zone: 'Europe/London' });
    await housekeeping.runOnce();
    expect(await surveys.responses.release(wave.id)).to.deep.include({ number: 1, responses: 2, finalAt: '2026-12-30T17:00:00.000Z' });
    expect(await db.selectFrom('survey_participation').selectAll().execute()).to.deep.equal([]);
    expect(await surveys.hasAnswered(wave, teamsRespondent('staff-1'))).to.equal(false);
    expect((await keys.once({ key: 'k', route: 'POST /api/surveys', body: {} }, async () => ({ status: 201, body: { again: true } }))).replayed).to.equal(
      false,
    );
    await db.destroy();
  });
});
