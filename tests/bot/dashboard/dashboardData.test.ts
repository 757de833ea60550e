import { expect } from 'chai';
import { HttpConnectorSender } from '../../../bot/platform/delivery/connectorSender';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { movableClock } from '../../helpers/testDelivery';
import { COMMS_AAD, seedDashboard, Seeded, STAFF } from './dashboardSeed';
import { adminSessionCookie } from './dashboardSignIn';
import { FakeEntraId, ssoEnv } from './ssoTestKit';
import { teamsRespondent } from '../features/surveys/surveyTestServices';

const ADMIN_TOKEN = 'dashboard-data-admin-token';

forEachEngine((engine) => {
  describe(`dashboard data routes (${engine})`, function () {
    this.timeout(60000);
    const connector = new FakeConnector();
    const entra = new FakeEntraId();
    const clock = movableClock('2026-11-23T09:30:00');
    let test: TestDatabase;
    let bot: RunningBot;
    let seeded: Seeded;
    let adminCookie: string;

    /** A route's JSON as the admin (browser session) or as the comms user who started the pulses (Teams SSO). */
    async function get(path: string, as: 'admin' | 'comms' = 'admin'): Promise<{ status: number; body: Record<string, unknown> }> {
      const headers: Record<string, string> =
        as === 'admin' ? { cookie: adminCookie } : { authorization: `Bearer ${await entra.token(clock.now(), { oid: COMMS_AAD, name: 'Casey Comms' })}` };
      const res = await fetch(`${bot.url}/dashboard/api${path}`, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    before(async () => {
      test = await openTestDatabase(engine);
      const serviceUrl = await connector.start();
      const jwksUrl = await entra.start();
      // With MicrosoftAppId set the bot would ask Entra ID for a connector token; the fake connector needs none.
      const sender = new HttpConnectorSender(async () => undefined, 5000);
      bot = await startBot({ ...ssoEnv(jwksUrl), ADMIN_API_TOKEN: ADMIN_TOKEN, COMMS_USERS: COMMS_AAD }, { database: test.opened, now: clock.now, sender });
      seeded = await seedDashboard(bot.services, serviceUrl, clock.set);
      adminCookie = await adminSessionCookie(bot.url, ADMIN_TOKEN);
    });
    after(async () => {
      await bot?.stop();
      await connector.stop();
      await entra.stop();
      await test?.cleanup();
    });

    it('lists every pulse for an admin, newest first, with responses suppressed exactly as the results are', async () => {
      const { status, body } = await get('/pulses');
      expect(status).to.equal(200);
      const pulses = body.pulses as { survey: { id: number; name: string }; responses: Record<string, unknown> }[];
      expect(pulses.map((p) => p.survey.name)).to.deep.equal([
        'Youth service wellbeing',
        'Induction feedback, November',
        'Wellbeing, November',
        'Wellbeing, October',
      ]);
      for (const pulse of pulses) {
        const results = await bot.services.surveys.results(pulse.survey.id);
        expect(pulse, pulse.survey.name).to.deep.equal({ survey: results!.survey, responses: results!.responses, release: results!.release });
      }
      expect(pulses[1].responses).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses so far' });
      // Eleven answered; the figures cover the two released batches of five.
      expect(pulses[2].responses).to.deep.equal({ suppressed: false, count: 10, invited: 14, rate: 71.4 });
      expect(pulses[2]).to.have.nested.include({ 'release.number': 2, 'release.nextUpdateAfter': 4 });
    });

    it('shows a comms user only the pulses they started, as the chat does', async () => {
      const { status, body } = await get('/pulses', 'comms');
      expect(status).to.equal(200);
      expect((body.pulses as { survey: { name: string } }[]).map((p) => p.survey.name)).to.deep.equal([
        'Induction feedback, November',
        'Wellbeing, November',
        'Wellbeing, October',
      ]);
      expect((await get(`/pulses/${seeded.othersPulse}`, 'comms')).status).to.equal(404);
      expect((await get(`/pulses/${seeded.othersPulse}`)).status).to.equal(200);
    });

    it('returns a wave with 4 responses as "fewer than 5 responses" in every part, with no figures at all', async () => {
      const { status, body } = await get(`/pulses/${seeded.induction}`);
      expect(status).to.equal(200);
      const hidden = { suppressed: true, reason: 'fewer than 5 responses so far' };
      expect(body).to.deep.equal({
        survey: (await bot.services.surveys.results(seeded.induction))!.survey,
        responses: hidden,
        questions: hidden,
        comments: hidden,
        segments: hidden,
        trend: hidden,
        release: { number: 0, nextUpdateAfter: 1, final: false, notIncluded: 0, note: 'No figures yet. Updates after 1 more response.' },
      });
      expect(JSON.stringify(body)).to.not.match(/"(count|percent|mean|favourable|answered|distribution)"/);
    });

    it('returns the figures once the fifth person answers', async () => {
      const outcome = await bot.services.surveys.submit({
        surveyId: seeded.induction,
        respondent: teamsRespondent(STAFF[12].userId),
        data: { 'q.completed-in-three-months': 'no', 'q.induction-route': 'employer-only', 'q.usefulness': '2' },
      });
      expect(outcome.kind).to.equal('recorded');
      const { body } = await get(`/pulses/${seeded.induction}`);
      expect(body.responses).to.deep.equal({ suppressed: false, count: 5, invited: 14, rate: 35.7 });
      const questions = body.questions as { suppressed: boolean; items: { id: string; answered: number }[] };
      expect(questions.suppressed).to.equal(false);
      expect(questions.items.map((q) => [q.id, q.answered])).to.deep.equal([
        ['completed-in-three-months', 5],
        ['induction-route', 5],
        ['usefulness', 5],
      ]);
      expect(body.comments).to.deep.equal({ suppressed: true, reason: 'no comments' });
    });

    it('returns a pulse with figures exactly as the survey service computes them (questions, favourability, eNPS, trend, segments, comments)', async () => {
      const { status, body } = await get(`/pulses/${seeded.november}`);
      expect(status).to.equal(200);
      expect(body).to.deep.equal(JSON.parse(JSON.stringify(await bot.services.surveys.results(seeded.november))));
      const questions = (body.questions as { items: { id: string; favourability?: unknown; enps?: { score: number } }[] }).items;
      expect(questions.find((q) => q.id === 'workload')!.favourability).to.deep.equal({ favourable: 80, neutral: 20, unfavourable: 0 });
      expect(questions.find((q) => q.id === 'recommend')!.enps).to.include({ score: 60 });
      // October's sixth answer came after its only release and was too few to add at close.
      expect(body.trend).to.have.nested.include({ suppressed: false, 'previous.name': 'Wellbeing, October', 'previous.responses': 5 });
      expect(body.segments).to.not.have.nested.property('sector.hidden');
      // The second batch held one health worker and four in education: too few of each to keep, so stored as "not stated".
      expect((body.segments as { sector: { shown: { key: string; responses: number }[] } }).sector.shown.map((s) => [s.key, s.responses])).to.deep.equal([
        ['health', 5],
        ['', 5],
      ]);
    });

    it('answers 404 for a pulse that does not exist or an id that is not one', async () => {
      expect((await get('/pulses/999')).status).to.equal(404);
      expect((await get('/pulses/abc')).status).to.equal(404);
    });

    it('lists briefings with the delivery counts of the briefing service, and follows a send as it progresses', async () => {
      const first = await get('/briefings');
      expect(first.status).to.equal(200);
      expect(first.body.refreshSeconds).to.equal(10);
      const listed = first.body.briefings as { id: number; title: string; counts: Record<string, number> }[];
      expect(listed.map((b) => b.title)).to.deep.equal(['Training catalogue 2027', 'Integrated induction changes']);
      for (const b of listed) expect(b.counts, b.title).to.deep.equal((await bot.services.briefings.status(b.id))!.counts);
      expect(listed[1].counts).to.include({ sent: 14, acknowledged: 5, pending: 0 });
      expect(listed[0].counts).to.include({ sent: 0, pending: 5 });

      clock.set('2026-11-24T09:00:00');
      try {
        await bot.services.delivery.drain();
        // A day later the browser session has expired, so the comms user (Teams SSO) asks.
        const later = (await get('/briefings', 'comms')).body.briefings as { title: string; counts: Record<string, number> }[];
        expect(later[0].counts).to.include({ sent: 5, pending: 0 });
      } finally {
        clock.set('2026-11-23T09:30:00');
      }
    });

    it('returns the content gap report with entry titles, flagging entries no longer in the knowledge base', async () => {
      const { status, body } = await get('/gaps');
      expect(status).to.equal(200);
      expect(body).to.deep.include({ days: 90, since: '2026-08-25T08:30:00.000Z' });
      expect(body.unanswered).to.deep.equal([
        { question: 'how do I claim mileage for home visits', times: 3, lastAsked: '2026-11-23T09:30:00.000Z' },
        { question: 'what is the pedagogue allowance', times: 2, lastAsked: '2026-11-23T09:30:00.000Z' },
        { question: 'who runs the youth club rota', times: 1, lastAsked: '2026-11-23T09:30:00.000Z' },
      ]);
      expect(body.unhelpful).to.deep.equal([
        { entryId: 'caf', title: 'Common Assessment Framework (CAF)', inKnowledgeBase: true, notHelpful: 2, helpful: 1 },
        { entryId: 'camhs', title: 'Child and Adolescent Mental Health Services (CAMHS)', inKnowledgeBase: true, notHelpful: 1, helpful: 0 },
        { entryId: 'retired-entry', title: 'retired-entry', inKnowledgeBase: false, notHelpful: 1, helpful: 0 },
      ]);
      expect((await get('/gaps?days=1')).body).to.deep.include({ days: 1 });
      for (const days of ['0', '3651', '2.5', 'many']) expect((await get(`/gaps?days=${days}`)).status, days).to.equal(400);
    });
  });
});
