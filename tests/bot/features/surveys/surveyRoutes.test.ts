import { expect } from 'chai';
import { DateTime } from 'luxon';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { FIXED_NOW } from '../../../helpers/testServices';
import { wellbeingAnswers, teamsRespondent } from './surveyTestServices';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

const body = (extra: Record<string, unknown> = {}) => ({
  template: 'wellbeing-pulse',
  name: 'Wellbeing, winter',
  audience: { sectors: ['health', 'education'] },
  opens_at: '2026-11-23T10:00',
  closes_at: '2026-11-30T17:00',
  reminder_days: ['2026-11-26'],
  anonymity_threshold: 5,
  ...extra,
});

describe('pulse admin API', () => {
  let bot: RunningBot;
  let clock: DateTime;
  const post = (payload: unknown, key = 'key-1', headers: Record<string, string> = auth) =>
    fetch(`${bot.url}/api/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const get = (path: string, headers: Record<string, string> = auth) => fetch(`${bot.url}${path}`, { headers });

  beforeEach(async () => {
    clock = FIXED_NOW;
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: () => clock });
    for (let i = 1; i <= 7; i++)
      await bot.services.store.profiles.save({ userId: `staff-${i}`, sector: i <= 5 ? 'health' : 'education', locality: 'Melton', topics: [] });
  });
  afterEach(() => bot.stop());

  it('starts a wave: 201 with its id, and the same Idempotency-Key returns the same wave without a second', async () => {
    const first = await post(body());
    expect(first.status).to.equal(201);
    const created = (await first.json()) as { id: number; status: string; opens_at: string; anonymity_threshold: number };
    expect(created).to.deep.include({ status: 'open', anonymity_threshold: 5, opens_at: '2026-11-23T10:00:00.000+00:00' });
    clock = FIXED_NOW.plus({ hours: 2 });
    const again = await post(body());
    expect(again.status).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(((await again.json()) as { id: number }).id).to.equal(created.id);
    expect(await bot.services.surveys.waves.list()).to.have.length(1);
  });

  it('answers 409 for the same key with a different body, and 201 for a new key', async () => {
    await post(body());
    const conflict = await post(body({ name: 'Something else' }));
    expect(conflict.status).to.equal(409);
    expect(await conflict.json()).to.deep.include({ error: 'IdempotencyKeyReused' });
    expect((await post(body({ name: 'Something else' }), 'key-2')).status).to.equal(201);
    expect(await bot.services.surveys.waves.list()).to.have.length(2);
  });

  it('answers 422 with every problem, and keeps nothing, for a bad request', async () => {
    const res = await post(body({ template: 'nope', anonymity_threshold: 30, closes_at: '2026-11-20T17:00' }));
    expect(res.status).to.equal(422);
    const error = (await res.json()) as { error: string; details: { field: string }[] };
    expect(error.error).to.equal('ValidationError');
    expect(error.details.map((d) => d.field)).to.include.members(['template', 'anonymity_threshold', 'closes_at']);
    expect((await post(body())).status).to.equal(201);
  });

  it('refuses an owner who is not a comms user or admin, listing it with the other problems in the same 422', async () => {
    const res = await post(body({ owner: 'made-up-owner', anonymity_threshold: 30 }));
    expect(res.status).to.equal(422);
    const error = (await res.json()) as { error: string; problems: { field: string; message: string }[]; details: { field: string }[] };
    expect(error.problems.map((p) => p.field)).to.include.members(['owner', 'anonymity_threshold']);
    expect(error.details).to.deep.equal(error.problems);
    expect(await bot.services.surveys.waves.list()).to.deep.equal([]);
  });

  it('wants an Idempotency-Key and a JSON object', async () => {
    expect((await post(body(), '')).status).to.equal(400);
    expect((await post('[1,2]')).status).to.equal(400);
    expect(await bot.services.surveys.waves.list()).to.deep.equal([]);
  });

  it('needs the admin token', async () => {
    expect((await post(body(), 'k', {})).status).to.equal(401);
    expect((await post(body(), 'k', { authorization: 'Bearer wrong' })).status).to.equal(403);
    expect((await get('/api/surveys/1/results', {})).status).to.equal(401);
    expect((await get('/api/surveys/1/results.csv', { authorization: 'Bearer wrong' })).status).to.equal(403);
  });

  it('hides results below the threshold and returns the suppressed aggregates at it, as JSON and CSV', async () => {
    const { id } = (await (await post(body())).json()) as { id: number };
    const surveys = bot.services.surveys;
    const comments = ['More supervision please', 'Caseloads are too high', 'Good team', 'Call me: 07700 900123', 'Need more training'];
    for (let i = 1; i <= 4; i++)
      expect((await surveys.submit({ surveyId: id, respondent: teamsRespondent(`staff-${i}`), data: wellbeingAnswers(i, 9, comments[i - 1]) })).kind).to.equal(
        'recorded',
      );

    const hidden = (await (await get(`/api/surveys/${id}/results`)).json()) as Record<string, unknown>;
    expect(hidden.responses).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses so far' });
    expect(hidden.questions).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses so far' });
    const hiddenCsv = await (await get(`/api/surveys/${id}/results.csv`)).text();
    expect(hiddenCsv)
      .to.include('overall,,,,suppressed,,fewer than 5 responses so far')
      .and.not.match(/workload|count/);

    await surveys.submit({ surveyId: id, respondent: teamsRespondent('staff-5'), data: wellbeingAnswers(5, 10, comments[4]) });
    const res = await get(`/api/surveys/${id}/results`);
    expect(res.status).to.equal(200);
    const results = (await res.json()) as {
      responses: { count: number };
      questions: { items: { id: string; mean: number; enps?: { score: number } }[] };
      comments: { items: string[] };
      segments: { sector: { shown: { label: string; responses: number }[]; hidden?: { segments: number } } };
    };
    expect(results.responses.count).to.equal(5);
    expect(results.questions.items.find((q) => q.id === 'workload')!.mean).to.equal(3);
    expect(results.questions.items.find((q) => q.id === 'recommend')!.enps!.score).to.equal(100);
    expect(results.comments.items).to.include('Call me: [phone]');
    expect(results.segments.sector.shown.map((s) => [s.label, s.responses])).to.deep.equal([['Health', 5]]);

    const csv = await get(`/api/surveys/${id}/results.csv`);
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).to.equal(`attachment; filename="pulse-${id}-results.csv"`);
    const text = await csv.text();
    expect(text.split('\n')[0]).to.equal('scope,segment,question_id,question,measure,option,value');
    expect(text)
      .to.include('overall,,workload,My workload is manageable,mean,,3')
      .and.include('overall,,recommend,How likely are you to recommend working here to a friend?,enps,,100');
    expect(text).to.include('sector,Health,,,responses,,5');
    expect(text).to.not.match(/supervision please|Caseloads|Good team|07700|\[phone\]/);
  });

  it('lists waves and templates, and answers 404 for a wave that does not exist', async () => {
    await post(body());
    const list = (await (await get('/api/surveys')).json()) as { surveys: { name: string; template: string }[] };
    expect(list.surveys.map((s) => [s.name, s.template])).to.deep.equal([['Wellbeing, winter', 'wellbeing-pulse']]);
    expect(JSON.stringify(list)).to.not.match(/secret/);
    const templates = (await (await get('/api/survey-templates')).json()) as { templates: { id: string }[] };
    expect(templates.templates.map((t) => t.id)).to.include.members(['ocw-self-check', 'wellbeing-pulse', 'induction-feedback']);
    expect((await get('/api/surveys/999/results')).status).to.equal(404);
    expect((await get('/api/surveys/abc/results.csv')).status).to.equal(404);
  });
});
