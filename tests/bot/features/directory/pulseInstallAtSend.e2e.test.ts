import { expect } from 'chai';
import { directoryBotSuite, installedChatId } from '../../../helpers/directoryBot';
import { movableClock } from '../../../helpers/testDelivery';
import { wellbeingAnswers } from '../surveys/surveyTestServices';

const TOKEN = 'pulse-install-at-send-admin-token';
const GROUP = '77777777-7777-7777-7777-777777777777';
const oid = (i: number) => `eeeeeeee-0000-0000-0000-${String(i).padStart(12, '0')}`;
const teamsId = (i: number) => `29:pulse-teams-${i}`;

describe('a pulse to directory people without the app installs it at send time, and reminds only those who have not answered (end to end)', function () {
  this.timeout(60000);
  // Monday 23 November 2026, 10:00 in London: inside working hours.
  const clock = movableClock('2026-11-23T10:00:00');
  // The Bot Connector names the Teams id of people 1 to 3; for person 4 it fails, so their chat is kept under their object id.
  const suite = directoryBotSuite({
    token: TOKEN,
    catalogAppId: 'catalog-app-pulse',
    teamsIdOf: (aad) => (aad === oid(4) ? undefined : teamsId(Number(aad.slice(-2)))),
    // Pulses take identified people of the configured tenant only: the directory's people are judged as the chats installing the app opens.
    env: { MicrosoftAppTenantId: 'tenant-1' },
    overrides: { now: clock.now },
  });
  const { graph, api } = suite;

  /** Presses "Send my answers" on the pulse card in the chat installing the app opened, as Teams sends it (with the person's real Teams id). */
  const answer = async (i: number, surveyId: number) => {
    const res = await fetch(`${suite.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: suite.serviceUrl,
        id: `act-${i}-${Math.random().toString(36).slice(2)}`,
        from: { id: teamsId(i), name: `Worker ${i}`, aadObjectId: oid(i) },
        conversation: { id: installedChatId(oid(i)), conversationType: 'personal', tenantId: 'tenant-1' },
        recipient: { id: '28:bot', name: 'Workforce Assistant' },
        channelData: { tenant: { id: 'tenant-1' } },
        value: {
          action: { type: 'Action.Execute', verb: 'pulse.submit', data: { verb: 'pulse.submit', surveyId, ...wellbeingAnswers(4, 8) } },
          trigger: 'manual',
        },
      }),
    });
    const text = await res.text();
    expect(res.status, text).to.equal(200);
    return text;
  };

  before(async () => {
    for (let i = 1; i <= 4; i++) graph.users.push({ id: oid(i), displayName: `Worker ${i}`, accountEnabled: true });
    graph.groups.set(GROUP, [1, 2, 3, 4].map(oid));
    // The directory knows them (as a sync without installs would leave it); nobody has the app or has chatted with the bot.
    const { people, mapping } = suite.bot.services.directory;
    await people.upsertPeople(
      [1, 2, 3, 4].map((i) => ({ source: 'graph' as const, aadObjectId: oid(i), displayName: `Worker ${i}`, attributes: {}, enabled: true })),
      mapping(),
    );
    await people.replaceGroup(GROUP, [1, 2, 3, 4].map(oid), undefined, 'Residential care');
  });

  it('invites the whole group, installs the app on first send, takes their answers once, and reminds only the two who did not answer', async () => {
    const { services } = suite.bot;
    const created = await api(
      '/api/surveys',
      {
        template: 'wellbeing-pulse',
        name: 'Residential care wellbeing',
        audience: { groups: [GROUP] },
        opens_at: '2026-11-23T10:00',
        closes_at: '2026-11-30T17:00',
        reminder_days: ['2026-11-26'],
      },
      'pulse-install-at-send-1',
    );
    expect(created.status, await created.clone().text()).to.equal(201);
    const id = ((await created.json()) as { id: number }).id;
    expect((await services.surveys.waves.get(id))!.invited).to.equal(4);

    await services.delivery.drain();
    const installs = graph.graphCalls().filter((c) => c.method === 'POST' && c.path.endsWith('/teamwork/installedApps'));
    expect(installs.map((c) => c.path).sort()).to.deep.equal([1, 2, 3, 4].map((i) => `/v1.0/users/${oid(i)}/teamwork/installedApps`).sort());
    expect(suite.sentTo().sort()).to.deep.equal([1, 2, 3, 4].map((i) => installedChatId(oid(i))).sort());
    // The opening cards moved to the Teams ids read back, so the card's answer is matched to the invitation.
    const invited = await services.store.db.selectFrom('outbox').select(['user_id', 'status']).where('message_id', '=', `pulse:${id}`).execute();
    expect(invited.map((r) => `${r.user_id} ${r.status}`).sort()).to.deep.equal(
      [`${teamsId(1)} sent`, `${teamsId(2)} sent`, `${teamsId(3)} sent`, `aad:${oid(4)} sent`].sort(),
    );

    // Person 1 answers from the card; so does person 4, whose card was addressed by their object id because their Teams id could not be read.
    expect(await answer(1, id)).to.include('your answers were recorded anonymously');
    expect(await answer(4, id)).to.include('your answers were recorded anonymously');
    expect(await answer(1, id)).to.include('already answered this pulse');

    // The reminder day: the two who have not answered are reminded in the chats already open, with nothing installed again.
    const postsBefore = graph.graphCalls().filter((c) => c.method === 'POST').length;
    const sentBefore = suite.sentTo().length;
    clock.set('2026-11-26T10:00:00');
    await services.delivery.drain();
    expect(suite.sentTo().slice(sentBefore).sort()).to.deep.equal([installedChatId(oid(2)), installedChatId(oid(3))].sort());
    expect(graph.graphCalls().filter((c) => c.method === 'POST').length).to.equal(postsBefore);
    // Reminder copies are forgotten once done, so no record says who had not answered.
    expect(await services.store.db.selectFrom('outbox').select('user_id').where('message_id', 'like', `pulse-reminder:${id}:%`).execute()).to.deep.equal([]);
    // The two answers wait sealed for a whole batch, and neither they nor the ledger hold an identifier of the people installed for.
    const waiting = await services.store.db.selectFrom('survey_pending').selectAll().where('survey_id', '=', id).execute();
    const ledger = await services.store.db.selectFrom('survey_participation').selectAll().execute();
    expect(waiting).to.have.length(2);
    expect(JSON.stringify([waiting, ledger])).to.not.match(/pulse-teams-|eeeeeeee-|_app@unq/);
  });
});
