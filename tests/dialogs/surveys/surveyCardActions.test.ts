import { expect } from 'chai';
import { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { Services } from '../../../bot/app/services';
import { Wave } from '../../../bot/features/surveys/wave';
import { notIdentifiedMessage } from '../../../dialogs/surveys/surveyCardActions';
import { testAdapter, testBotServices } from '../../helpers/testBot';
import { FIXED_NOW, replyCard, replyText } from '../../helpers/testServices';
import { exchange } from '../../helpers/adapterExchange';

const STAFF = { id: '29:staff-1', name: 'Sam Staff', aadObjectId: 'aad-staff-1' };
/** The same kind of person in web chat, signed in through the intranet. */
const WEB_STAFF = { id: 'dl_user_E1001', name: 'Sam Staff' };
const answers = (usefulness = '4', extra: Record<string, unknown> = {}) => ({
  'q.completed-in-three-months': 'yes',
  'q.induction-route': 'employer-only',
  'q.usefulness': usefulness,
  'q.comment': 'Shadowing helped most.',
  ...extra,
});
const execute = (data: Record<string, unknown>, from = STAFF): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  from,
  value: { action: { type: 'Action.Execute', verb: 'pulse.submit', data: { verb: 'pulse.submit', ...data } }, trigger: 'manual' },
});
const submit = (data: Record<string, unknown>, from: { id: string; name: string } = WEB_STAFF): Partial<Activity> => ({
  type: 'message',
  from,
  value: { verb: 'pulse.submit', ...data },
});
const invokeBody = (replies: Partial<Activity>[]) =>
  (replies.find((r) => r.type === 'invokeResponse')?.value as { status: number; body: { statusCode: number; type: string; value: unknown } }).body;

describe('pulse card submissions', () => {
  it('refuses a Teams user from another tenant when MicrosoftAppTenantId is set', async () => {
    const tenanted = await testBotServices({ MicrosoftAppTenantId: 'tenant-ours' }, { now: () => FIXED_NOW });
    try {
      const checked = tenanted.surveys.check({ template: 'induction-feedback', audience: { everyone: true }, closes_at: '2026-11-30T17:00' });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const pulse = await tenanted.surveys.create(checked.wave);
      const from = (tenant: string) => ({ ...execute({ surveyId: pulse.id, ...answers() }), channelData: { tenant: { id: tenant } } });
      const theirs = invokeBody(await exchange(testAdapter(tenanted), from('tenant-theirs')));
      expect(theirs).to.include({ statusCode: 403 });
      expect(await tenanted.surveys.responses.waiting(pulse.id)).to.equal(0);
      const ours = invokeBody(await exchange(testAdapter(tenanted), from('TENANT-OURS')));
      expect(JSON.stringify(ours.value)).to.include('recorded anonymously');
    } finally {
      await tenanted.close();
    }
  });

  let services: Services;
  let clock: DateTime;
  let wave: Wave;

  beforeEach(async () => {
    clock = FIXED_NOW;
    services = await testBotServices({}, { now: () => clock });
    const checked = services.surveys.check({ template: 'induction-feedback', audience: { sectors: ['health'] }, closes_at: '2026-11-30T17:00' });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    wave = await services.surveys.create(checked.wave);
    for (const userId of [STAFF.id, WEB_STAFF.id]) await services.store.profiles.save({ userId, sector: 'health', locality: 'Melton', topics: [] });
  });
  afterEach(() => services.close());

  describe('in Teams (Action.Execute)', () => {
    it('records the answers and refreshes the card to a thank-you that shows none of them', async () => {
      const body = invokeBody(await exchange(testAdapter(services), execute({ surveyId: wave.id, ...answers() })));
      expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      const card = JSON.stringify(body.value);
      expect(card).to.include('Thank you \u2014 your answers were recorded anonymously');
      expect(card).to.not.match(/Shadowing|employer|Input\./);
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(1);
    });

    it('shows the card again with the errors and the answers kept, recording nothing', async () => {
      const body = invokeBody(await exchange(testAdapter(services), execute({ surveyId: wave.id, ...answers('9') })));
      expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      const card = JSON.stringify(body.value);
      expect(card).to.include('There is a problem').and.include('Choose one of the answers shown for');
      expect(card).to.include('"value":"employer-only"').and.include('Shadowing helped most.');
      expect(card).to.include('"type":"Action.Execute"');
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(0);
    });

    it('refuses a second submission and keeps the first', async () => {
      await exchange(testAdapter(services), execute({ surveyId: wave.id, ...answers('5') }));
      const body = invokeBody(await exchange(testAdapter(services), execute({ surveyId: wave.id, ...answers('1') })));
      expect(JSON.stringify(body.value)).to.include('already answered this pulse');
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(1);
    });

    it('says when the pulse closed, recording nothing', async () => {
      clock = wave.closesAt.plus({ minutes: 1 });
      const body = invokeBody(await exchange(testAdapter(services), execute({ surveyId: wave.id, ...answers() })));
      expect(JSON.stringify(body.value)).to.include('this pulse closed on Monday 30 November 2026');
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(0);
    });

    const refusals: [string, () => Partial<Activity>, number, RegExp][] = [
      ['a survey that does not exist', () => execute({ surveyId: 424242, ...answers() }), 404, /can't find that pulse/],
      [
        'answers naming another pulse\u2019s question',
        () => execute({ surveyId: wave.id, ...answers(), 'q.workload': '5' }),
        400,
        /don't match this pulse's questions/,
      ],
      [
        'someone outside the audience',
        () => execute({ surveyId: wave.id, ...answers() }, { id: '29:other', name: 'Other', aadObjectId: 'aad-other' }),
        403,
        /isn't open to you/,
      ],
      [
        'a Teams user with no AAD object id',
        () => execute({ surveyId: wave.id, ...answers() }, { id: STAFF.id, name: STAFF.name } as typeof STAFF),
        403,
        /can't confirm you're a member of staff/,
      ],
    ];
    for (const [name, activity, status, message] of refusals) {
      it(`refuses ${name} with a clear message, changing nothing`, async () => {
        const body = invokeBody(await exchange(testAdapter(services), activity()));
        expect(body).to.include({ statusCode: status, type: 'application/vnd.microsoft.error' });
        expect((body.value as { message: string }).message).to.match(message);
        expect(await services.surveys.responses.waiting(wave.id)).to.equal(0);
      });
    }
  });

  describe('in Web Chat (Action.Submit)', () => {
    it('records the answers and says thank you', async () => {
      const replies = await exchange(testAdapter(services, 'webchat'), submit({ surveyId: wave.id, ...answers() }));
      expect(replies.map(replyText)).to.deep.equal(['Thank you \u2014 your answers were recorded anonymously.']);
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(1);
    });

    it('replies with the card again, errors first and answers kept, when an answer is missing', async () => {
      const replies = await exchange(testAdapter(services, 'webchat'), submit({ surveyId: wave.id, ...answers(''), 'q.comment': 'x'.repeat(501) }));
      const card = replyCard(replies[0]);
      expect(replyText(replies[0]))
        .to.match(/Answer \u201CHow useful was your induction\?\u201D/)
        .and.match(/501 characters long/);
      expect(JSON.stringify(card)).to.include('"type":"Action.Submit"').and.include('"value":"employer-only"');
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(0);
    });

    it('refuses an anonymous visitor, whatever settings they claimed, and says to sign in through the intranet', async () => {
      const visitor = { id: 'dl_anon_3f0c6c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: 'Visitor' };
      await services.store.profiles.save({ userId: visitor.id, sector: 'health', locality: 'Melton', topics: [] });
      const replies = await exchange(testAdapter(services, 'webchat'), submit({ surveyId: wave.id, ...answers() }, visitor));
      expect(replies.map(replyText)).to.deep.equal([notIdentifiedMessage('anonymousWebChat')]);
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(0);
    });

    it('refuses a second submission in words', async () => {
      await exchange(testAdapter(services, 'webchat'), submit({ surveyId: wave.id, ...answers() }));
      const replies = await exchange(testAdapter(services, 'webchat'), submit({ surveyId: wave.id, ...answers() }));
      expect(replyText(replies[0])).to.match(/already answered this pulse/);
      expect(await services.surveys.responses.waiting(wave.id)).to.equal(1);
    });
  });
});
