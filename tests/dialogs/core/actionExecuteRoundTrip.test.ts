import { expect } from 'chai';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';
import { actionExecute, adminPost, sendPersonal } from '../../helpers/teamsTraffic';
import { adaptiveCardProblems } from '../../helpers/validateCard';

const TOKEN = 'round-trip-admin-token';
const STAFF = { id: '29:round-trip', aadObjectId: 'aad-round-trip' };
const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

/**
 * Every Universal Action the bot's cards carry, pressed in Teams as an Action.Execute invoke through
 * /api/messages: each gets HTTP 200 and a proper invoke response (a refreshed card or a message),
 * and the table must cover every verb the bot registers.
 */
describe('Action.Execute round trips for every card action', function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');
  let briefingId = 0;
  let surveyId = 0;
  let gapRef = '';

  const post = (activity: Record<string, unknown>): Promise<{ status: number; body: InvokeBody | undefined }> =>
    sendPersonal({ botUrl: bot.url, serviceUrl }, STAFF, activity);
  const press = (verb: string, data: Record<string, unknown>) => post(actionExecute(verb, data));

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
    await post({ type: 'message', text: 'hi' });
    await bot.services.store.profiles.save({ userId: STAFF.id, sector: 'health', role: 'health-visitor', topics: [], startDate: '2026-09-01' });
    const api = (path: string, body: unknown, key: string) => adminPost(bot.url, TOKEN, path, body, key);
    briefingId = ((await (await api('/api/briefings', { title: 'Round trip', summary: 'A briefing to press buttons on.' }, 'rt-b')).json()) as { id: number })
      .id;
    const survey = (await (
      await api(
        '/api/surveys',
        { template: 'induction-feedback', name: 'Round trip pulse', audience: { everyone: true }, closes_at: '2026-12-01T17:00', anonymity_threshold: 3 },
        'rt-s',
      )
    ).json()) as { id: number };
    expect(survey.id, JSON.stringify(survey)).to.be.a('number');
    surveyId = survey.id;
    // "None of these" carries the reference of a "did you mean" reply the bot gave.
    const suggest = await bot.services.answerer.answer('local workforce strategy', 'msteams');
    gapRef = (suggest.kind === 'suggest' && suggest.gapRef) || '';
    await bot.services.delivery.drain();
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  const cases: Record<string, { data: () => Record<string, unknown>; expect: 'card' | 'message' | 'either'; check?: (body: InvokeBody) => void }> = {
    'kb.show': { data: () => ({ id: 'tac' }), expect: 'message' },
    'kb.feedback': { data: () => ({ id: 'tac', helpful: true }), expect: 'card', check: (b) => expect(JSON.stringify(b.value)).to.match(/glad it helped/) },
    'kb.none': {
      data: () => ({ ref: gapRef, ids: ['tac'] }),
      expect: 'card',
      check: (b) => expect(JSON.stringify(b.value)).to.match(/noted that none of these/),
    },
    'briefing.ack': { data: () => ({ briefingId }), expect: 'card', check: (b) => expect(JSON.stringify(b.value)).to.match(/You confirmed you had read this/) },
    'briefing.refresh': { data: () => ({ briefingId }), expect: 'card', check: (b) => expect(JSON.stringify(b.value)).to.match(/Round trip/) },
    'briefing.show': { data: () => ({ briefingId }), expect: 'message' },
    'briefing.read': { data: () => ({ briefingId, page: 1 }), expect: 'message' },
    'pulse.submit': {
      data: () => ({ surveyId, ...PULSE_ANSWERS }),
      expect: 'card',
      check: (b) => expect(JSON.stringify(b.value)).to.match(/recorded anonymously/),
    },
    'training.course': { data: () => ({ courseId: 'caf-lead-professional' }), expect: 'either' },
    'training.remind': { data: () => ({ sessionId: 'caf-2027-01-19' }), expect: 'either' },
    'training.cancelReminder': { data: () => ({ sessionId: 'caf-2027-01-19' }), expect: 'either' },
  };

  it('has a case for every verb the bot registers', () => {
    expect(Object.keys(cases).sort()).to.deep.equal(bot.services.cardActions.verbs());
  });

  for (const [verb, c] of Object.entries(cases)) {
    it(`answers ${verb} with a proper invoke response`, async () => {
      const { status, body } = await press(verb, c.data());
      expect(status).to.equal(200);
      expect(body, JSON.stringify(body)).to.include({ statusCode: 200 });
      const wanted = c.expect === 'card' ? [CARD] : c.expect === 'message' ? [MESSAGE] : [CARD, MESSAGE];
      expect(wanted).to.include(body!.type);
      if (body!.type === CARD) expect(adaptiveCardProblems(body!.value)).to.deep.equal([]);
      c.check?.(body!);
    });
  }

  it('sends only cards the Adaptive Cards SDK accepts', () => {
    expect(connector.cardProblems()).to.deep.equal([]);
  });

  it('answers an unknown verb with a clean error response', async () => {
    const { status, body } = await press('doStuff', { a: 1 });
    expect(status).to.equal(200);
    expect(body).to.include({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('refuses a tampered action (a briefing never sent to this person) without recording anything', async () => {
    const { body } = await press('briefing.ack', { briefingId: briefingId + 1000 });
    expect(body).to.include({ statusCode: 403, type: 'application/vnd.microsoft.error' });
  });
});

/** Answers to the induction-feedback pulse, as its card sends them. */
const PULSE_ANSWERS: Record<string, string> = {
  'q.completed-in-three-months': 'yes',
  'q.induction-route': 'integrated-induction',
  'q.usefulness': '4',
};
