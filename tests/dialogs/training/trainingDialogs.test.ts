import { expect } from 'chai';
import { Activity, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { QuestionAnswerer } from '../../../bot/features/answers/questionAnswerer';
import { EnqueueResult, OutboundMessage } from '../../../bot/platform/delivery/deliveryTypes';
import { Profile } from '../../../bot/platform/store/profiles';
import { ReminderRequests } from '../../../bot/features/training/reminderRequests';
import { TrainingFinder } from '../../../bot/features/training/trainingFinder';
import { TrainingReminders } from '../../../bot/features/training/trainingReminders';
import { StateConversationMemory } from '../../../dialogs/core/conversationMemory';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { loadCheckedCatalogue } from '../../../knowledge/training/checkedCatalogue';
import { cardActions, fixedClock, replyCard, replyText, shippedKnowledgeBase, testDialogServices } from '../../helpers/testServices';

type Reply = ReturnType<DialogTestClient['getNextReply']>;
type Check = RegExp | ((reply: Reply, channel: string) => void);

interface DialogCase {
  name: string;
  /** Saves a profile (or reminders) before the conversation starts. */
  setup?: (context: Awaited<ReturnType<typeof trainingDialogServices>>) => Promise<void>;
  steps: [string, Check][];
  expectedStatus: DialogTurnStatus;
}

/** Accepts every reminder, as the delivery engine does for someone with a personal chat. */
const acceptingDelivery = {
  enqueue: async (messages: OutboundMessage[]): Promise<EnqueueResult> => ({ queued: messages.length, duplicates: 0, unreachable: 0 }),
  cancel: async () => 1,
};

/** The dialog services with the shipped catalogue, reminders over the test database and conversation memory. */
async function trainingDialogServices() {
  const base = await testDialogServices();
  const finder = new TrainingFinder(loadCheckedCatalogue());
  const answerer = new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), base.feedbackLog, fixedClock, finder);
  const reminders = new TrainingReminders(new ReminderRequests(base.database.db, fixedClock), finder.index, acceptingDelivery, fixedClock);
  const conversationState = new ConversationState(new MemoryStorage());
  const services = { ...base.services, answerer, training: { finder, reminders }, conversationMemory: new StateConversationMemory(conversationState) };
  return { ...base, services, reminders, conversationState };
}

const saveProfile =
  (extra: Partial<Profile>) =>
  async ({ store }: Awaited<ReturnType<typeof trainingDialogServices>>) =>
    store.profiles.save({ userId: 'user1', topics: [], ...extra });

const actionsOf = (reply: Reply) => cardActions(replyCard(reply as Partial<Activity>));

const cases: DialogCase[] = [
  {
    name: 'answers "where can I do CAF training" with the course card, its next three sessions and buttons',
    steps: [
      [
        'where can I do CAF training',
        (reply, channel) => {
          expect(replyText(reply)).to.match(
            /^CAF and the lead professional[\s\S]*Next sessions\n- Thu 26 Nov 2026, 13:30\u201316:30, online \(full[^\n]*\n- Tue 8 Dec 2026, 09:30\u201312:30, County Hall[^\n]*\n- Tue 19 Jan 2027, 09:30\u201312:30, online[\s\S]*Book: https:\/\/[\s\S]*About Common Assessment Framework \(CAF\)/,
          );
          const actions = actionsOf(reply);
          // Each session's buttons name its date, so a screen reader's list of buttons tells them apart.
          const calendar = actions.filter((a) => /^Add .* session to calendar$/.test(String(a.title)));
          expect(calendar.map((a) => a.title)).to.deep.equal([
            'Add 26 Nov session to calendar',
            'Add 8 Dec session to calendar',
            'Add 19 Jan session to calendar',
          ]);
          expect(calendar.map((a) => a.url)).to.deep.equal([
            'http://localhost:3978/training/sessions/caf-2026-11-26.ics',
            'http://localhost:3978/training/sessions/caf-2026-12-08.ics',
            'http://localhost:3978/training/sessions/caf-2027-01-19.ics',
          ]);
          // Reminders are proactive messages, which only Teams takes: web chat offers the calendar file alone.
          const remind = actions.filter((a) => /^Remind me/.test(String(a.title)));
          if (channel === 'msteams') {
            expect(remind.map((a) => a.title)).to.deep.equal(['Remind me of 26 Nov session', 'Remind me of 8 Dec session', 'Remind me of 19 Jan session']);
            expect(remind.map((a) => (a.data as { sessionId: string }).sessionId)).to.deep.equal(['caf-2026-11-26', 'caf-2026-12-08', 'caf-2027-01-19']);
            expect(remind.every((a) => a.type === 'Action.Execute')).to.equal(true);
          } else expect(remind).to.deep.equal([]);
          expect(actions.find((a) => a.title === 'Book')).to.include({
            type: 'Action.OpenUrl',
            url: 'https://learning.sample-council.example/book/caf-lead-professional',
          });
        },
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'answers "lead professional course" with the same course',
    steps: [['lead professional course', /^CAF and the lead professional/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'lists the safeguarding levels with sessions next month',
    steps: [
      [
        'safeguarding training next month',
        /^Training courses: sessions next month \(December 2026\)\n- Multi-agency safeguarding: level 2[^\n]*Tue 1 Dec 2026[\s\S]*level 3[\s\S]*level 1 awareness\. Next: Mon 14 Dec 2026/,
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'lists online courses in March, with the sessions either side of the clock change at 09:30',
    steps: [
      ['online courses in March', /online sessions in March 2027[\s\S]*Tue 23 Mar 2027, 09:30\u201312:30, online; Tue 30 Mar 2027, 09:30\u201312:30, online/],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'says when a course has no upcoming sessions, and whom to contact',
    steps: [['youth professional status course', /No sessions scheduled \u2014 contact youth\.workforce@sample-council\.example/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'says it cannot read "training on the 45th" rather than guessing',
    steps: [['training on the 45th', /couldn't read "on the 45th" as a date, so I haven't guessed\.\nTry, for example: "next month"/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'follows "what is TAC?" with the TAC course for "is there training for that?"',
    steps: [
      ['what is TAC?', /^Team Around the Child \(TAC\)/],
      ['is there training for that?', /^Team Around the Child: running a TAC meeting[\s\S]*Next sessions/],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'says so when the last topic has no course',
    steps: [
      ['what was the gscc', /General Social Care Council/],
      ['is there training for that?', /couldn't find a course about General Social Care Council/],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'asks which topic when nothing came before',
    steps: [['is there training for that?', /Which topic do you mean\?/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'asks for settings when there is no profile',
    steps: [['what training do I need?', /Tell me your sector and role in "my settings"/]],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'asks for the start date rather than guessing, naming the mandatory courses',
    setup: saveProfile({ sector: 'health', role: 'health-visitor' }),
    steps: [
      [
        'what training do I need?',
        /I need the date you started in your role[\s\S]*Mandatory for a health visitor:\n- Common induction[\s\S]*- CAF and the lead professional/,
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'lists the pathway with due dates, overdue first',
    setup: saveProfile({ sector: 'social-family-community', role: 'social-worker', startDate: '2026-06-01' }),
    steps: [
      [
        'what training do I need?',
        /who started on 1 Jun 2026:\n- Common induction for the children's workforce: Overdue: it was due by 1 Sep 2026\n- CAF and the lead professional: Due by 1 Dec 2026\n- Multi-agency safeguarding: level 3 \(advanced\): Due by 1 Dec 2026\n- Information sharing: when and how to share: Due by 1 Jun 2027[\s\S]*Recommended:\n- Key working/,
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'has no reminders to list at first, and web chat offers what it can do instead',
    steps: [
      [
        'my reminders',
        (reply, channel) => {
          if (channel === 'msteams') expect(replyText(reply)).to.match(/You have no training reminders/);
          // Web chat never shows "Remind me", so it must not point at it: it offers the calendar file.
          else
            expect(replyText(reply))
              .to.match(/can't send reminders[\s\S]*session to calendar/)
              .and.not.match(/^You have no training reminders/);
        },
      ],
      ['remind me', (reply, channel) => expect(replyText(reply)).to.match(channel === 'msteams' ? /You have no training reminders/ : /session to calendar/)],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
  {
    name: 'lists a reminder with a cancel button',
    setup: async ({ reminders }) => {
      await reminders.request('user1', 'caf-2026-12-08');
    },
    steps: [
      [
        'my reminders',
        (reply) => {
          expect(replyText(reply)).to.match(
            /CAF and the lead professional: Tue 8 Dec 2026, 09:30\u201312:30[\s\S]*a week before \(1 Dec 2026\) and the day before \(7 Dec 2026\)/,
          );
          const cancel = actionsOf(reply).find((a) => a.title === 'Cancel reminder: CAF and the lead professional, 8 Dec');
          expect((cancel?.data as { verb: string; sessionId: string } | undefined)?.sessionId).to.equal('caf-2026-12-08');
        },
      ],
    ],
    expectedStatus: DialogTurnStatus.complete,
  },
];

for (const channel of ['msteams', 'webchat']) {
  describe(`training dialogs on ${channel}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const context = await trainingDialogServices();
        await c.setup?.(context);
        const client = new DialogTestClient(channel, new RootDialog(context.services), undefined, [], context.conversationState);
        for (const [user, check] of c.steps) {
          const reply = await client.sendActivity(user);
          if (check instanceof RegExp) expect(replyText(reply)).to.match(check);
          else check(reply, channel);
        }
        expect(client.dialogTurnResult.status).to.equal(c.expectedStatus);
      });
    }
  });
}
