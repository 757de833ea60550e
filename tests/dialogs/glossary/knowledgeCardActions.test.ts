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
    expect(data?.ref).to.match(/^[0-9a-f-]{36}$/);
    expect(data?.ids).to.be.an('array').that.is.not.empty;
    expect((data?.ids as string[]).length).to.be.at.most(3);
  });

  it('keeps a name in the question out of the card and the gap log, before and after "None of these"', async () => {
    const adapter = testAdapter(services, 'webchat');
    const [reply] = await exchange(adapter, 'is caf or early help used now, Sarah');
    expect(replyText(reply)).to.match(/Did you mean/);
    expect(JSON.stringify(reply)).to.not.match(/Sarah|Jones/);
    const data = noneOfTheseData(reply)!;
    const [thanks] = await exchange(adapter, submit(NONE_OF_THESE_VERB, data));
    expect(replyText(thanks)).to.match(/noted that none of these answered your question/);
    expect(JSON.stringify(thanks)).to.not.match(/Sarah|Jones/);
    expect(feedbackLog.unanswered.map((g) => [g.question, g.decision, g.channel])).to.deep.equal([
      ['is caf or early help used now, [name]', 'suggest', 'webchat'],
      ['is caf or early help used now, [name]', 'none-of-these', 'webchat'],
    ]);
  });

  it('in Teams, refreshes the card to say the gap was noted, without the button', async () => {
    const adapter = testAdapter(services);
    const data = noneOfTheseData((await exchange(adapter, 'local workforce strategy'))[0])!;
    const replies = await exchange(adapter, execute(NONE_OF_THESE_VERB, { ...data, ids: ['caf', 'tac'] }));
    const body = invokeBody(replies);
    expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = JSON.stringify(body.value);
    expect(card)
      .to.match(/noted that none of these/)
      .and.to.match(/Common Assessment Framework/)
      .and.not.match(/kb\.none/);
    expect(feedbackLog.unanswered.map((g) => g.decision)).to.deep.equal(['suggest', 'none-of-these']);
  });

  it('says it can no longer note a question it does not know (asked before a restart), recording nothing', async () => {
    const [reply] = await exchange(testAdapter(services, 'webchat'), submit(NONE_OF_THESE_VERB, { ref: '3f2b8c1e-0000-4000-8000-000000000000', ids: ['caf'] }));
    expect(replyText(reply)).to.match(/can no longer note that question/);
    expect(feedbackLog.unanswered).to.deep.equal([]);
  });

  const tampered: [string, Record<string, unknown>][] = [
    ['no reference', { ids: ['caf'] }],
    ['a reference that is not text', { ref: { $gt: '' } }],
    ['a question instead of a reference', { question: 'workforce priorities' }],
    ['an empty reference', { ref: '   ' }],
  ];
  for (const [name, data] of tampered) {
    it(`refuses a "None of these" button with ${name}, recording nothing`, async () => {
      const [reply] = await exchange(testAdapter(services, 'webchat'), submit(NONE_OF_THESE_VERB, data));
      expect(replyText(reply)).to.match(/couldn't read that button/);
      expect(feedbackLog.unanswered).to.deep.equal([]);
    });
  }

  it('ignores entry ids on a tampered button that are not entries, or more than three', async () => {
    const adapter = testAdapter(services);
    const replies = await exchange(
      adapter,
      execute(NONE_OF_THESE_VERB, {
        ...noneOfTheseData((await exchange(adapter, 'local workforce strategy'))[0]),
        ids: ['no-such-entry', 7, 'caf', 'tac', 'ecaf', 'lead-professional'],
      }),
    );
    const card = JSON.stringify(invokeBody(replies).value);
    expect(card)
      .to.match(/Common Assessment Framework/)
      .and.not.match(/no-such-entry|Lead professional/);
  });
});
