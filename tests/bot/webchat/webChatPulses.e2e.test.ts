import { expect } from 'chai';
import { SignJWT } from 'jose';
import { DirectLineClient, ReceivedActivity, shownText } from '../../helpers/directLineClient';
import { OfficialClient } from '../../helpers/directLineJs';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';
import { checkBriefing } from '../../../bot/features/briefings/briefingInput';
import { PULSE_THANKS } from '../../../dialogs/surveys/createPulseThanksCard';

const SECRET = 'intranet-signs-web-chat-pulse-users-with-this';
const NOW = '2026-11-24T10:00:00';

/** The wellbeing pulse's answers as its card's inputs carry them. */
const ANSWERS = {
  'q.workload': '4',
  'q.manager-support': '4',
  'q.supervision': '3',
  'q.valued': '4',
  'q.wellbeing': '4',
  'q.recommend': '8',
  'q.comment': 'More supervision time, please',
};

describe('web chat pulses for people signed in by the intranet (DirectLineJS over the built-in Direct Line)', function () {
  this.timeout(90000);
  const clock = movableClock(NOW);
  let bot: RunningBot;
  let surveyId: number;
  const clients: OfficialClient[] = [];

  async function userToken(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(clock.now().minus({ minutes: 1 }).toSeconds()))
      .setExpirationTime(Math.floor(clock.now().plus({ hours: 1 }).toSeconds()))
      .sign(new TextEncoder().encode(SECRET));
  }

  /** Opens the chat as the intranet page does (signed in when claims are given), with the official Direct Line client. */
  async function openChat(claims?: Record<string, unknown>): Promise<{ client: OfficialClient; userId: string }> {
    const page = await new DirectLineClient(bot.url).pageToken(claims ? { userToken: await userToken(claims) } : {});
    expect(page.status).to.equal(200);
    const client = new OfficialClient(`${bot.url}/v3/directline`, page.body.token, false);
    clients.push(client);
    return { client, userId: page.body.user.id };
  }

  /** Waits for an activity from the bot that passes the check. */
  async function arrives(client: OfficialClient, check: (a: ReceivedActivity) => boolean, what: string): Promise<ReceivedActivity> {
    const deadline = Date.now() + 20000;
    for (;;) {
      const found = client.received.find((a) => a.from?.role !== 'user' && check(a));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${what} did not arrive; received: ${client.received.map(shownText).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const send = (client: OfficialClient, activity: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) =>
      client.directLine.postActivity({ type: 'message', from: { id: 'ignored' }, ...activity } as never).subscribe({ next: () => resolve(), error: reject }),
    );

  before(async () => {
    bot = await startBot({ WEBCHAT_TOKEN_SECRET: SECRET }, { now: clock.now });
    const checked = bot.services.surveys.check({
      template: 'wellbeing-pulse',
      name: 'Wellbeing, late November',
      audience: { everyone: true },
      closes_at: '2026-11-30T17:00',
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    surveyId = (await bot.services.surveys.create(checked.wave)).id;
    const everyone = checkBriefing(
      { title: 'Winter safeguarding contacts', summary: 'Who to call over the holidays.', audience: { everyone: true } },
      clock.now(),
      'Europe/London',
    );
    if (!everyone.ok) throw new Error(everyone.errors.join('; '));
    await bot.services.briefings.publish(await bot.services.briefings.create(everyone.draft, 'test'));
  });
  after(async () => {
    for (const c of clients) c.end();
    await bot?.stop();
  });

  it('tells a signed-in person of the pulse open to them, lets them answer it, and then no longer mentions it', async () => {
    const { client, userId } = await openChat({ sub: 'E-web-1', name: 'Robin Web' });
    const greeting = await arrives(client, (a) => /pulse open to you/.test(a.text ?? ''), 'the greeting');
    expect(greeting.text).to.contain('"Wellbeing, late November"').and.contain('Say **pulse** to answer');

    await send(client, { text: 'pulse' });
    const card = await arrives(
      client,
      (a) => (a.attachments?.[0]?.content as { body?: unknown[] } | undefined)?.body !== undefined && shownText(a).includes('anonymous') && !a.text,
      'the pulse card',
    );
    const content = card.attachments![0].content as unknown as { actions: { type: string; data: Record<string, unknown> }[] };
    const submit = content.actions.find((a) => a.type === 'Action.Submit' && a.data.verb === 'pulse.submit');
    expect(submit, 'the card submits in web chat').to.not.equal(undefined);
    // What Web Chat posts when the button is pressed: the button's data with the inputs' values.
    await send(client, { value: { ...submit!.data, ...ANSWERS } });
    await arrives(client, (a) => shownText(a).includes(PULSE_THANKS), 'the thanks');
    const identified = bot.services.surveys.identify({ channelId: 'webchat', from: { id: userId } });
    expect(identified.ok, 'a verified web chat user is identified').to.equal(true);
    if (identified.ok) expect(await bot.services.surveys.hasAnswered({ id: surveyId }, identified.respondent)).to.equal(true);

    const again = await openChat({ sub: 'E-web-1', name: 'Robin Web' });
    await arrives(again.client, (a) => shownText(a).length > 0, 'the welcome');
    await new Promise((r) => setTimeout(r, 1500));
    expect(again.client.received.map(shownText).join('\n')).to.not.match(/pulse open to you/);
  });

  it('never counts a second answer from the same person, keeps no identity beside the answer, and shows no figure under the minimum group size', async () => {
    const { client } = await openChat({ sub: 'E-web-1', name: 'Robin Web' });
    await arrives(client, (a) => shownText(a).length > 0, 'the welcome');
    await send(client, { value: { verb: 'pulse.submit', surveyId, ...ANSWERS } });
    await arrives(client, (a) => /already answered|answered this pulse/i.test(shownText(a)), 'the refusal');
    const results = await bot.services.surveys.results(surveyId);
    expect(JSON.stringify(results)).to.not.contain('E-web-1').and.not.contain('Robin');
    expect(JSON.stringify(results)).to.not.contain('More supervision time');
  });

  it('lets an anonymous visitor read a briefing published to everyone', async () => {
    const { client } = await openChat();
    await arrives(client, (a) => shownText(a).length > 0, 'the welcome');
    await send(client, { text: 'latest briefings' });
    await arrives(
      client,
      (a) => JSON.stringify(a.attachments ?? []).includes('Winter safeguarding contacts') || (a.text ?? '').includes('Winter safeguarding contacts'),
      'the briefing',
    );
  });

  it('tells an anonymous visitor nothing of pulses and how to take part, without recording anything', async () => {
    const { client } = await openChat();
    await arrives(client, (a) => shownText(a).length > 0, 'the welcome');
    await send(client, { value: { verb: 'pulse.submit', surveyId, ...ANSWERS } });
    const refusal = await arrives(client, (a) => /signed in/.test(shownText(a)), 'the refusal');
    expect(shownText(refusal)).to.match(/sign in through the intranet/);
    expect(client.received.map(shownText).join('\n')).to.not.match(/pulse open to you/);
  });
});
