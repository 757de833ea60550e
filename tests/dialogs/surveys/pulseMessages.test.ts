import { expect } from 'chai';
import { DateTime } from 'luxon';
import { createPulseRenderers } from '../../../dialogs/surveys/pulseMessages';
import { createStore } from '../../../bot/platform/store/createStore';
import { openDatabase } from '../../../bot/platform/store/openDatabase';
import { IN_MEMORY } from '../../../bot/platform/store/sqliteDatabase';
import { FIXED_NOW, replyCard, silentLogger } from '../../helpers/testServices';
import { addStaff, recordingSurveyService, teamsRespondent } from '../../bot/features/surveys/surveyTestServices';
import { migrationFolders } from '../../../bot/app/migrationFolders';

describe('pulse renderers', () => {
  it('builds the card for the person\u2019s channel, drops it once they have answered, and sends nothing outside the open window', async () => {
    let clock = FIXED_NOW;
    const { db } = await openDatabase({ dataDir: IN_MEMORY, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    const store = createStore(db, () => clock);
    const { surveys } = recordingSurveyService(store, () => clock);
    const [teams] = await addStaff(store, ['health'], 'msteams');
    const checked = surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    if (!checked.ok) throw new Error('bad wave');
    const wave = await surveys.create(checked.wave);
    const { pulse, reminder } = createPulseRenderers(surveys, () => clock);

    const toTeams = await pulse({ kind: 'pulse', messageId: `pulse:${wave.id}`, userId: teams, channelId: 'msteams' });
    expect(JSON.stringify(replyCard(toTeams))).to.include('"type":"Action.Execute"');
    const toWeb = await reminder({ kind: 'pulse-reminder', messageId: `pulse-reminder:${wave.id}:2026-11-26`, userId: 'web-1', channelId: 'webchat' });
    expect(JSON.stringify(replyCard(toWeb)))
      .to.include('"type":"Action.Submit"')
      .and.include('Reminder:');

    await surveys.submit({
      surveyId: wave.id,
      respondent: teamsRespondent(teams),
      data: { 'q.completed-in-three-months': 'yes', 'q.induction-route': 'none', 'q.usefulness': '3' },
    });
    expect(await reminder({ kind: 'pulse-reminder', messageId: `pulse-reminder:${wave.id}:2026-11-26`, userId: teams, channelId: 'msteams' })).to.equal(
      undefined,
    );
    expect(await pulse({ kind: 'pulse', messageId: 'pulse:999', userId: 'web-1', channelId: 'webchat' })).to.equal(undefined);
    clock = DateTime.fromISO('2026-11-30T17:00', { zone: 'Europe/London' });
    expect(await reminder({ kind: 'pulse-reminder', messageId: `pulse-reminder:${wave.id}:2026-11-26`, userId: 'web-1', channelId: 'webchat' })).to.equal(
      undefined,
    );
    await db.destroy();
  });

  it('reads the wave and who answered through the survey service, not its repositories', async () => {
    const { db } = await openDatabase({ dataDir: IN_MEMORY, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    const store = createStore(db, () => FIXED_NOW);
    const { surveys } = recordingSurveyService(store, () => FIXED_NOW);
    const checked = surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
    if (!checked.ok) throw new Error('bad wave');
    const wave = await surveys.create(checked.wave);
    // Only the two service methods the renderers are allowed: reaching for `waves` or `responses` would throw.
    const source = { wave: (id: number) => surveys.wave(id), recipientHasAnswered: () => Promise.resolve(true) };
    const { pulse, reminder } = createPulseRenderers(source, () => FIXED_NOW);
    expect(replyCard(await pulse({ kind: 'pulse', messageId: `pulse:${wave.id}`, userId: 'u1', channelId: 'msteams' }))).to.not.equal(undefined);
    expect(await reminder({ kind: 'pulse-reminder', messageId: `pulse-reminder:${wave.id}:2026-11-26`, userId: 'u1', channelId: 'msteams' })).to.equal(
      undefined,
    );
    await db.destroy();
  });
});
