import { expect } from 'chai';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { cardActions, replyCard, replyText, testDialogServices } from '../../helpers/testServices';

type Check = RegExp | ((reply: ReturnType<DialogTestClient['getNextReply']>) => void);

interface DialogCase {
  name: string;
  steps: [string, Check][];
  expectedStatus: DialogTurnStatus;
}

const cases: DialogCase[] = [
  { name: 'greets on "hi"', steps: [['hi', /Hello, I'm .*What is a CAF\?/s]], expectedStatus: DialogTurnStatus.complete },
  { name: 'explains itself on "help"', steps: [['help', /answer questions about the words/]], expectedStatus: DialogTurnStatus.complete },
  {
    name: 'answers "whats a caf?" with the CAF entry and its source',
    steps: [['whats a caf?', /^Common Assessment Framework \(CAF\)[\s\S]*Source: /]],
    expectedStatus: DialogTurnStatus.complete,
  },
  { name: 'answers "LP role"', steps: [['LP role', /^Lead professional/]], expectedStatus: DialogTurnStatus.complete },
  {
    name: 'answers "team around the child meaning"',
    steps: [['team around the child meaning', /^Team Around the Child \(TAC\)/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'answers "what are the six areas of the common core"',
    steps: [['what are the six areas of the common core', /^Common Core of Skills and Knowledge/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  { name: 'answers "ECM?"', steps: [['ECM?', /^Every Child Matters/]], expectedStatus: DialogTurnStatus.complete },
  {
    name: 'says when a body has closed',
    steps: [['what was the gscc', /General Social Care Council[\s\S]*(Closed|No longer exists|Replaced|Historical): .*20\d\d/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'admits it does not know about banana bread',
    steps: [['recipe for banana bread', /I don't know that one[\s\S]*please ask/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  { name: 'admits it does not know about annual leave', steps: [['book my annual leave', /I don't know that one/]], expectedStatus: DialogTurnStatus.complete },
  { name: 'offers choices when unsure', steps: [['council workforce strategy', /Did you mean:\n- .+\n- .+/]], expectedStatus: DialogTurnStatus.complete },
  {
    name: 'gives safeguarding contacts, not a search, for a disclosure',
    steps: [['a young person just told me they are being abused', /call 999[\s\S]*\[to be set by the council/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'gives contacts for "a child in my group is being hurt at home"',
    steps: [['I think a child in my group is being hurt at home', /immediate danger, call 999/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'answers "what is safeguarding training?" normally',
    steps: [
      [
        'What is safeguarding training?',
        (r) => {
          // A normal answer (the safeguarding courses), not the disclosure contacts.
          expect(replyText(r)).to.match(/^Training courses\n- [^\n]*safeguarding/i);
          expect(replyText(r)).to.match(/^(?![\s\S]*999)/);
        },
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  { name: 'asks for words when sent only emoji', steps: [['\u{1F600}\u{1F600}', /couldn't find a question/]], expectedStatus: DialogTurnStatus.complete },
  {
    name: 'answers the first 1,000 characters of a very long message and says so',
    steps: [[`what is a caf ${'please '.repeat(1400)}`, /read only the first 1,000 characters[\s\S]*Common Assessment Framework/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'does not echo HTML or Markdown from the question',
    steps: [
      [
        '<script>alert(1)</script> [click](http://evil.example) what is TAC',
        (r) => {
          // A reply is sent (an answer about TAC, or the usual "I don't know that one"), without the markup.
          expect(r, 'a reply').to.not.equal(undefined);
          expect(replyText(r)).to.match(/^(Team Around the Child \(TAC\)|I don't know that one\.)/);
          expect(JSON.stringify(r)).to.not.match(/script|evil\.example/);
        },
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  { name: 'has nothing to cancel', steps: [['cancel', /nothing to cancel/]], expectedStatus: DialogTurnStatus.complete },
];

for (const channel of ['msteams', 'webchat']) {
  describe(`RootDialog on ${channel}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const { services } = await testDialogServices();
        const client = new DialogTestClient(channel, new RootDialog(services));
        for (const [user, check] of c.steps) {
          const reply = await client.sendActivity(user);
          if (check instanceof RegExp) expect(replyText(reply)).to.match(check);
          else check(reply);
        }
        expect(client.dialogTurnResult.status).to.equal(c.expectedStatus);
      });
    }

    it('uses the right kind of button for the channel', async () => {
      const { services } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      const reply = await client.sendActivity('what is a lead professional');
      const card = replyCard(reply);
      expect(card).to.include({ type: 'AdaptiveCard', version: '1.5' });
      const feedback = cardActions(card).filter((a) => (a.data as { verb?: string } | undefined)?.verb === 'kb.feedback');
      expect(feedback.map((a) => a.title)).to.deep.equal(['Yes', 'No']);
      expect(feedback[0].type).to.equal(channel === 'msteams' ? 'Action.Execute' : 'Action.Submit');
      const related = cardActions(card).filter((a) => (a.data as { verb?: string } | undefined)?.verb === 'kb.show');
      expect(related.length).to.be.within(1, 4);
    });

    it('records what it could not answer, with personal details scrubbed', async () => {
      const { services, feedbackLog } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('email jo.bloggs@example.org about the rota on 07700 900123');
      expect(feedbackLog.unanswered).to.have.length(1);
      expect(feedbackLog.unanswered[0].question).to.equal('email [email] about the rota on [phone]');
      expect(feedbackLog.unanswered[0].channel).to.equal(channel);
    });

    it('uses the council numbers from configuration', async () => {
      const { services } = await testDialogServices({ SAFEGUARDING_FRONT_DOOR_PHONE: '0116 305 0005', SAFEGUARDING_FRONT_DOOR_NAME: 'First Response' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      const reply = await client.sendActivity('a pupil told me her dad hits her');
      expect(replyText(reply))
        .to.match(/First Response today: 0116 305 0005/)
        .and.not.match(/to be set by the council: children/);
    });
  });
}
