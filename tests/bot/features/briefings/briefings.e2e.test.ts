import { expect } from 'chai';
import { checkBriefing } from '../../../../bot/features/briefings/briefingInput';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { actionExecute, sendPersonal, TeamsPerson } from '../../../helpers/teamsTraffic';

const TOKEN = 'briefings-admin-token-123456';
const COMMS = { id: '29:comms-author', aadObjectId: 'aad-comms' };

describe('strategy briefings, end to end', function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');
  /** How many briefings the database holds, whatever their state. */
  const briefingRows = async () =>
    Number(
      (
        await bot.services.store.db
          .selectFrom('briefings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Sends an activity from someone's personal chat, as Teams would, and returns the HTTP answer. */
  const send = (from: TeamsPerson, activity: Record<string, unknown>) => sendPersonal({ botUrl: bot.url, serviceUrl }, from, activity);
  const execute = (from: TeamsPerson, verb: string, data: Record<string, unknown>) => send(from, actionExecute(verb, data));
  const lastTo = (userId: string) => JSON.stringify(connector.calls.filter((c) => c.conversationId === `a:${userId}` && c.method === 'POST').pop()?.body ?? {});
  const api = (path: string, init: RequestInit & { key?: string; token?: string } = {}) =>
    fetch(`${bot.url}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token !== '' ? { authorization: `Bearer ${init.token ?? TOKEN}` } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
    });

  const staff = ['29:hv-1', '29:hv-2', '29:ta-1', '29:ta-2', '29:yw-1'];

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ COMMS_USERS: 'aad-comms', ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
    for (const id of [...staff, COMMS.id]) await send({ id }, { text: 'hi' });
    const profiles = bot.services.store.profiles;
    for (const id of staff.slice(0, 2)) await profiles.save({ userId: id, sector: 'health', role: 'health-visitor', topics: [] });
    for (const id of staff.slice(2, 4)) await profiles.save({ userId: id, sector: 'education', role: 'teaching-assistant', topics: [] });
    await profiles.save({ userId: staff[4], sector: 'youth', role: 'youth-worker', topics: [], quietStart: '09:00', quietEnd: '12:00' });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  let briefingId = 0;

  it('refuses "new briefing" to staff without the comms role, creating nothing', async () => {
    await send({ id: staff[0] }, { text: 'new briefing' });
    expect(lastTo(staff[0])).to.match(/only the communications team/);
    expect(await briefingRows()).to.equal(0);
  });

  it('lets a comms user author, preview, test and send a briefing in chat', async () => {
    await send(COMMS, { text: 'new briefing' });
    expect(lastTo(COMMS.id)).to.match(/New briefing/);
    const form = {
      verb: 'briefing.form',
      title: 'Integrated induction changes',
      summary: 'From January the integrated induction covers CAF and the lead professional role.',
      body: '## What changes\nMore on **CAF**.',
      link: 'https://intranet.example.gov.uk/induction',
      topics: 'training',
      sectors: 'health,youth',
    };
    await send(COMMS, { value: { ...form, summary: 'x'.repeat(301) } });
    expect(lastTo(COMMS.id)).to.match(/300 characters or fewer/);
    await send(COMMS, { value: form });
    expect(lastTo(COMMS.id))
      .to.match(/Preview: Integrated induction changes/)
      .and.match(/Reaches now[^"]*"[^"]*"value":"3 people/);
    const sentBefore = connector.calls.length;
    await send(COMMS, { value: { verb: 'briefing.preview.test' } });
    const author = connector.calls
      .slice(sentBefore)
      .filter((c) => c.conversationId === `a:${COMMS.id}`)
      .map((c) => JSON.stringify(c.body));
    // One test copy per press, then the preview to confirm from.
    expect(author.filter((b) => /TEST \\u2014 Strategy briefing|TEST — Strategy briefing/.test(b))).to.have.length(1);
    expect(author.at(-1)).to.match(/Preview: Integrated induction changes/);
    await send(COMMS, { value: { verb: 'briefing.preview.confirm' } });
    expect(
      lastTo(COMMS.id),
      connector.calls
        .filter((c) => c.conversationId === `a:${COMMS.id}`)
        .slice(-3)
        .map((c) => JSON.stringify(c.body).slice(0, 400))
        .join('\n'),
    ).to.match(/Queued for 3 people/);
    const briefing = await bot.services.briefings.findByTitle('Integrated induction changes');
    expect(briefing).to.include({ status: 'published', recipients: 3 });
    briefingId = briefing!.id;
  });

  it('delivers one card to each person in the audience, holding it for quiet hours', async () => {
    await bot.services.delivery.drain();
    expect(lastTo(staff[0])).to.match(/Strategy briefing[\s\S]*Integrated induction changes/);
    expect(lastTo(staff[1])).to.match(/Integrated induction changes/);
    expect(lastTo(staff[2])).to.not.match(/Integrated induction changes/);
    expect(lastTo(staff[4])).to.not.match(/Integrated induction changes/);
    clock.set('2026-11-24T12:00:00');
    await bot.services.delivery.drain();
    expect(lastTo(staff[4])).to.match(/Integrated induction changes/);
    expect(await bot.services.briefings.status(briefingId)).to.have.nested.include({ 'counts.sent': 3, 'counts.pending': 0 });
  });

  it('records "Got it" and refreshes the card; refuses it from someone never sent the briefing', async () => {
    const ok = await execute({ id: staff[0] }, 'briefing.ack', { briefingId });
    expect(ok.status).to.equal(200);
    expect(ok.body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(ok.body))
      .to.match(/You confirmed you had read this/)
      .and.not.match(/"title":"Got it"/);
    const tampered = await execute({ id: staff[2] }, 'briefing.ack', { briefingId });
    expect(tampered.body).to.include({ statusCode: 403, type: 'application/vnd.microsoft.error' });
    expect((await bot.services.briefings.status(briefingId))!.counts.acknowledged).to.equal(1);
  });

  it('shows the author the delivery status', async () => {
    await send(COMMS, { text: 'status of integrated induction changes' });
    expect(lastTo(COMMS.id)).to.match(/Sent: 3[\s\S]*Acknowledged: 1 \(33%\)/);
  });

  it('edits a sent briefing and updates the cards in place', async () => {
    await send(COMMS, { text: `edit briefing #${briefingId}` });
    expect(lastTo(COMMS.id)).to.match(/Edit briefing/);
    await send(COMMS, { value: { verb: 'briefing.form', title: 'Integrated induction changes (updated)', summary: 'Now from February.', topics: 'training' } });
    expect(lastTo(COMMS.id)).to.match(/Cards to update/);
    await send(COMMS, { value: { verb: 'briefing.preview.confirm' } });
    expect(lastTo(COMMS.id)).to.match(/Updating 3 card/);
    clock.advance({ seconds: 5 });
    await bot.services.delivery.drain();
    const updates = connector.calls.filter((c) => c.method === 'PUT');
    expect(updates).to.have.length(3);
    expect(JSON.stringify(updates[0].body)).to.match(/Now from February/);
    // The person who pressed "Got it" keeps seeing it done; the others still have the button.
    const updatedFor = (userId: string) => JSON.stringify(updates.find((c) => c.conversationId === `a:${userId}`)?.body);
    expect(updatedFor(staff[0]))
      .to.match(/You confirmed you had read this/)
      .and.not.match(/"title":"Got it"/);
    expect(updatedFor(staff[1])).to.match(/"title":"Got it"/);
  });

  it('finds a briefing for a news question from someone it was meant for, and not for others', async () => {
    await send({ id: staff[0] }, { text: "what's new on the integrated induction?" });
    expect(lastTo(staff[0]))
      .to.match(/Strategy briefing[\s\S]*Integrated induction changes \(updated\)/)
      .and.not.match(/"title":"Got it"/);
    await send({ id: staff[2] }, { text: "what's new on the integrated induction?" });
    expect(lastTo(staff[2])).to.not.match(/Strategy briefing/);
  });

  it('lists the latest briefings meant for a person', async () => {
    await send({ id: staff[1] }, { text: 'latest briefings' });
    expect(lastTo(staff[1])).to.match(/Latest briefings for you[\s\S]*updated/);
    await send({ id: staff[2] }, { text: 'latest briefings' });
    expect(lastTo(staff[2])).to.match(/no current briefings for you/);
  });

  it('records "Got it" from someone in the audience who opened it from "latest briefings" without a delivered copy', async () => {
    const newcomer = '29:hv-new';
    await send({ id: newcomer }, { text: 'hi' });
    await bot.services.store.profiles.save({ userId: newcomer, sector: 'health', role: 'health-visitor', topics: [] });
    expect(await bot.services.briefings.wasSentTo(briefingId, newcomer)).to.equal(false);
    const shown = await execute({ id: newcomer }, 'briefing.show', { briefingId });
    expect(shown.body).to.include({ statusCode: 200 });
    const ack = await execute({ id: newcomer }, 'briefing.ack', { briefingId });
    expect(ack.body, JSON.stringify(ack.body)).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(ack.body)).to.match(/You confirmed you had read this/);
    expect((await bot.services.briefings.status(briefingId))!.counts).to.include({ opened: 1, sent: 3 });
    await send(COMMS, { text: 'status of integrated induction changes' });
    expect(lastTo(COMMS.id)).to.match(/Read from \\"latest briefings\\"[^0-9]*1/);
    // Someone outside the audience is still refused.
    expect((await execute({ id: staff[2] }, 'briefing.ack', { briefingId })).body).to.include({ statusCode: 403 });
  });

  it('recalls a briefing after confirmation, deleting the sent cards', async () => {
    await send(COMMS, { text: `recall briefing #${briefingId}` });
    expect(lastTo(COMMS.id)).to.match(/Recall .{1,2}Integrated induction changes \(updated\)/);
    await send(COMMS, { text: 'yes' });
    expect(lastTo(COMMS.id)).to.match(/Recalled\. 0 pending copies stopped; deleting 3 sent card/);
    await bot.services.delivery.drain();
    expect(connector.calls.filter((c) => c.method === 'DELETE')).to.have.length(3);
    expect((await bot.services.briefings.status(briefingId))!.counts).to.include({ recalled: 3, sent: 0 });
  });

  it('sends only cards the Adaptive Cards SDK accepts', () => {
    expect(connector.cardProblems()).to.deep.equal([]);
  });

  describe('admin API', () => {
    const body = { title: 'Safeguarding week', summary: 'Sessions all week.', audience: { sectors: ['education'] }, topics: ['safeguarding'] };

    it('refuses missing and wrong tokens and malformed JSON', async () => {
      expect((await api('/api/briefings', { method: 'POST', body: JSON.stringify(body), key: 'k0', token: '' })).status).to.equal(401);
      expect((await api('/api/briefings', { method: 'POST', body: JSON.stringify(body), key: 'k0', token: 'nope' })).status).to.equal(403);
      const malformed = await api('/api/briefings', { method: 'POST', body: '{"title": ', key: 'k0' });
      expect(malformed.status).to.equal(400);
      expect(await malformed.json()).to.be.an('object');
      expect((await api('/api/briefings', { method: 'POST', body: JSON.stringify(body) })).status).to.equal(400);
    });

    it('creates once per Idempotency-Key', async () => {
      const first = await api('/api/briefings', { method: 'POST', body: JSON.stringify(body), key: 'cms-1' });
      expect(first.status).to.equal(201);
      const { id } = (await first.json()) as { id: number };
      const again = await api('/api/briefings', { method: 'POST', body: JSON.stringify(body), key: 'cms-1' });
      expect(again.status).to.equal(201);
      expect(((await again.json()) as { id: number }).id).to.equal(id);
      const reused = await api('/api/briefings', { method: 'POST', body: JSON.stringify({ ...body, title: 'Other' }), key: 'cms-1' });
      expect(reused.status).to.equal(409);
      await bot.services.delivery.drain();
      const read = (await (await api(`/api/briefings/${id}`)).json()) as { title: string; delivery: { sent: number } };
      expect(read.title).to.equal('Safeguarding week');
      expect(read.delivery.sent).to.equal(2);
      const csv = await (await api(`/api/briefings/${id}/deliveries.csv`)).text();
      expect(csv.split('\n')[0]).to.equal('user_id,status,attempts,sent_at,acknowledged_at,last_error');
      expect(csv).to.include('29:ta-1,sent,1,');
    });

    it('queues the briefing it created and no other', async () => {
      // A briefing saved in chat but not yet queued (its author's turn is still running) is not the API's to publish.
      const draft = checkBriefing({ ...body, title: 'Saved in chat' }, clock.now(), 'Europe/London');
      if (!draft.ok) throw new Error(draft.errors.join('; '));
      const other = await bot.services.briefings.create(draft.draft, COMMS.id);
      const created = await api('/api/briefings', { method: 'POST', body: JSON.stringify({ ...body, title: 'Created by the CMS' }), key: 'only-mine' });
      const { id } = (await created.json()) as { id: number };
      expect((await bot.services.briefings.get(id))?.status).to.equal('published');
      expect((await bot.services.briefings.get(other))?.status).to.equal('publishing');
      await bot.services.briefings.recall(other);
    });

    const invalid: [string, Record<string, unknown>, number, RegExp][] = [
      ['a missing title', { ...body, title: '' }, 422, /title/],
      ['a summary over 300 characters', { ...body, summary: 's'.repeat(301) }, 422, /300 characters/],
      ['an expiry before publishing', { ...body, publish_at: '2026-12-01T09:00', expires_at: '2026-11-30T09:00' }, 422, /expiry must be after/],
      ['an audience matching nobody', { ...body, audience: { sectors: ['sport-culture'] } }, 422, /Nobody matches/],
      ['an unknown field', { ...body, colour: 'red' }, 422, /colour|Unrecognized|unrecognized/],
      ['a publish time in the past', { ...body, publish_at: '2026-01-01T09:00' }, 422, /publish time is in the past/],
      ['an owner who is not a comms user or admin', { ...body, owner: 'someone-else' }, 422, /someone-else.{0,4} is not a comms user or admin/],
      ['a javascript: link', { ...body, link: 'javascript:alert(1)' }, 422, /link must start with https/],
      ['a javascript: link in the body', { ...body, body: 'Read [this](javascript:alert(document.cookie)) now.' }, 422, /Links must start with http/],
      ['a data: link in the summary', { ...body, summary: 'See <data:text/html,hi>' }, 422, /Links must start with http/],
    ];
    for (const [name, payload, status, message] of invalid) {
      it(`answers ${status} to ${name}, creating nothing`, async () => {
        const before = await briefingRows();
        const res = await api('/api/briefings', { method: 'POST', body: JSON.stringify(payload), key: `bad-${name.replace(/\W+/g, '-')}` });
        expect(res.status).to.equal(status);
        expect(JSON.stringify(await res.json())).to.match(message);
        expect(await briefingRows(), 'rows in the briefings table').to.equal(before);
      });
    }

    it('lists every problem at once, each with its field', async () => {
      const res = await api('/api/briefings', {
        method: 'POST',
        body: JSON.stringify({ ...body, title: '', link: 'javascript:alert(1)', publish_at: '2026-01-01T09:00', owner: 'nobody-known', colour: 'red' }),
        key: 'many-problems',
      });
      expect(res.status).to.equal(422);
      const answer = (await res.json()) as { error: string; problems: { field: string; message: string }[] };
      expect(answer.error).to.equal('ValidationError');
      expect(answer.problems.map((p) => p.field)).to.include.members(['title', 'link', 'publish_at', 'owner', 'request']);
    });

    it('accepts an owner who is a comms user, and records the briefing under them', async () => {
      const res = await api('/api/briefings', {
        method: 'POST',
        body: JSON.stringify({ ...body, title: 'On behalf of comms', owner: 'aad-comms' }),
        key: 'owned',
      });
      expect(res.status).to.equal(201);
      const { id } = (await res.json()) as { id: number };
      expect((await bot.services.briefings.get(id))?.createdBy).to.equal('aad-comms');
    });

    it('takes a publish time a moment ago as "now" (clocks and typing take time), and says so', async () => {
      const res = await api('/api/briefings', {
        method: 'POST',
        body: JSON.stringify({ ...body, title: 'Just now', publish_at: clock.now().minus({ minutes: 2 }).toFormat("yyyy-MM-dd'T'HH:mm") }),
        key: 'just-now',
      });
      expect(res.status).to.equal(201);
      expect(JSON.stringify(await res.json())).to.match(/in the past, so it will be sent now/);
    });

    it('PATCH changes only the fields sent, keeping the body, topics and link', async () => {
      const full = { ...body, title: 'Partial', body: '## Details\nThe long part.', link: 'https://intranet.example.gov.uk/partial' };
      const created = (await (await api('/api/briefings', { method: 'POST', body: JSON.stringify(full), key: 'partial' })).json()) as { id: number };
      const patched = await api(`/api/briefings/${created.id}`, { method: 'PATCH', body: JSON.stringify({ summary: 'Only the summary changes.' }) });
      expect(patched.status).to.equal(200);
      expect(await bot.services.briefings.get(created.id)).to.deep.include({
        summary: 'Only the summary changes.',
        body: full.body,
        topics: ['safeguarding'],
        link: full.link,
        title: 'Partial',
      });
      const cleared = await api(`/api/briefings/${created.id}`, { method: 'PATCH', body: JSON.stringify({ link: null }) });
      expect(cleared.status).to.equal(200);
      expect((await bot.services.briefings.get(created.id))?.link).to.equal(undefined);
      const bad = await api(`/api/briefings/${created.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ body: '[x](javascript:void(0))', title: '', audience: {} }),
      });
      expect(bad.status).to.equal(422);
      const problems = ((await bad.json()) as { problems: { field: string }[] }).problems.map((p) => p.field);
      expect(problems).to.include.members(['title', 'body', 'request']);
      expect((await bot.services.briefings.get(created.id))?.body).to.equal(full.body);
    });

    it('edits the words with PATCH and recalls with DELETE', async () => {
      const created = (await (
        await api('/api/briefings', { method: 'POST', body: JSON.stringify({ ...body, title: 'To change' }), key: 'patch-me' })
      ).json()) as { id: number };
      await bot.services.delivery.drain();
      const patched = await api(`/api/briefings/${created.id}`, { method: 'PATCH', body: JSON.stringify({ summary: 'Changed.' }) });
      expect(patched.status).to.equal(200);
      expect(await bot.services.briefings.get(created.id)).to.include({ summary: 'Changed.', version: 2 });
      expect((await api(`/api/briefings/${created.id}`, { method: 'PATCH', body: JSON.stringify({ audience: {} }) })).status).to.equal(422);
      const recalled = await api(`/api/briefings/${created.id}`, { method: 'DELETE' });
      expect(recalled.status).to.equal(200);
      expect((await api(`/api/briefings/${created.id}`, { method: 'DELETE' })).status).to.equal(409);
      expect((await api('/api/briefings/424242')).status).to.equal(404);
    });
  });
});
