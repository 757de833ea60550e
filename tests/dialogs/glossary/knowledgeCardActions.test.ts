import { expect } from 'chai';
import { Activity } from 'botbuilder';
import { InMemoryFeedbackLog } from '../../../bot/platform/store/feedbackLog';
import { Services } from '../../../bot/app/services';
import { NONE_OF_THESE_VERB } from '../../../dialogs/glossary/createSuggestionsCard';
import { testAdapter, testBotServices } from '../../helpers/testBot';
import { replyCard, replyText } from '../../helpers/testServices';
import { exchange, submitAction as submit, executeAction as execute, invokeBody } from '../../helpers/adapterExchange';

/** The data of a card's "None of these" button, as the bot sent it. */
function noneOfTheseData(reply: Partial<Activity>): Record<string, unknown> | undefined {
  const found = JSON.stringify(replyCard(reply) ?? {}).match(/\{[^{}]*"verb":"kb\.none"[^{}]*\}/);
  return found ? (JSON.parse(found[0]) as Record<string, unknown>) : undefined;
}

describe('"did you mean" buttons', () => {
  let services: Services;
  let feedbackLog: InMemoryFeedbackLog;
  beforeEach(async () => {
    feedbackLog = new InMemoryFeedbackLog();
    services = await testBotServices({}, { feedbackLog });
  });
  afterEach(() => services.close());

  it('offers up to three entries, each with a one-line summary, and "None of these"', async () => {
    const [reply] = await exchange(testAdapter(services, 'webchat'), 'local workforce strategy');
    expect(replyText(reply)).to.match(/Did you mean:\n- [^:\n]+: .+\n/);
    const data = noneOfTheseData(reply);
    expect(data?.question).to.equal('local workforce strategy');
    expect(data?.ids).to.be.an('array').that.is.not.empty;
    expect((data?.ids as string[]).length).to.be.at.most(3);
  });

  it('records "None of these" as a content gap, scrubbed of personal details, and thanks the person', async () => {
    const adapter = testAdapter(services, 'webchat');
    const [reply] = await exchange(adapter, submit(NONE_OF_THESE_VERB, { question: 'priorities for jo.bloggs@example.org on 07700 900123', ids: ['caf'] }));
    expect(replyText(reply)).to.match(/noted that none of these answered your question/);
    const gaps = feedbackLog.unanswered.filter((u) => u.decision === 'none-of-these');
    expect(gaps.map((g) => [g.question, g.channel])).to.deep.equal([['priorities for [email] on [phone]', 'webchat']]);
  });

  it('in Teams, refreshes the card to say the gap was noted, without the button', async () => {
    const replies = await exchange(testAdapter(services), execute(NONE_OF_THESE_VERB, { question: 'workforce priorities', ids: ['caf', 'tac'] }));
    const body = invokeBody(replies);
    expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = JSON.stringify(body.value);
    expect(card)
      .to.match(/noted that none of these/)
      .and.to.match(/Common Assessment Framework/)
      .and.not.match(/kb\.none/);
    expect(feedbackLog.unanswered).to.have.length(1);
  });

  const tampered: [string, Record<string, unknown>][] = [
    ['no question', { ids: ['caf'] }],
    ['a question that is not text', { question: { $gt: '' } }],
    ['a question longer than the gap log keeps', { question: 'x'.repeat(501) }],
    ['an empty question', { question: '   ' }],
  ];
  for (const [name, data] of tampered) {
    it(`refuses a "None of these" button with ${name}, recording nothing`, async () => {
      const [reply] = await exchange(testAdapter(services, 'webchat'), submit(NONE_OF_THESE_VERB, data));
      expect(replyText(reply)).to.match(/couldn't read that button/);
      expect(feedbackLog.unanswered).to.deep.equal([]);
    });
  }

  it('ignores entry ids on a tampered button that are not entries, or more than three', async () => {
    const replies = await exchange(
      testAdapter(services),
      execute(NONE_OF_THESE_VERB, { question: 'q', ids: ['no-such-entry', 7, 'caf', 'tac', 'ecaf', 'lead-professional'] }),
    );
    const card = JSON.stringify(invokeBody(replies).value);
    expect(card)
      .to.match(/Common Assessment Framework/)
      .and.not.match(/no-such-entry|Lead professional/);
  });
});
