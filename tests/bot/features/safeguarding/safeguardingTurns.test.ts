import { expect } from 'chai';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Activity, TestAdapter } from 'botbuilder';
import { runLoggedTurn } from '../../../../bot/app/loggedTurn';
import { sql } from 'kysely';
import { InMemoryFeedbackLog } from '../../../../bot/platform/store/feedbackLog';
import { Services } from '../../../../bot/app/services';
import { testAdapter, testBotServices } from '../../../helpers/testBot';
import { replyText } from '../../../helpers/testServices';
import { exchange } from '../../../helpers/adapterExchange';

const isUrgent = (a: Partial<Activity> | undefined) => /^(Worried about a child\u2019s safety\?|A child in danger now\? Call 999\.)/.test(replyText(a));

/** Everything the bot keeps in its database, as one string, to prove a flagged message left nothing behind. */
async function everythingStored(services: Services): Promise<string> {
  const tables = ['bot_state', 'conversation_refs', 'profiles', 'answer_feedback', 'unanswered_questions'];
  const rows = await Promise.all(tables.map((t) => sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(services.database.db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

/** A pulse comment (or any form) submitted the way each channel submits it. */
function submission(channel: string, data: Record<string, unknown>): Partial<Activity> {
  return channel === 'msteams'
    ? { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: data.verb, data } } }
    : { type: 'message', value: data };
}

for (const channel of ['msteams', 'webchat']) {
  describe(`safeguarding through the bot on ${channel}`, () => {
    let services: Services;
    let feedbackLog: InMemoryFeedbackLog;
    let adapter: TestAdapter;

    beforeEach(async () => {
      feedbackLog = new InMemoryFeedbackLog();
      services = await testBotServices({ SAFEGUARDING_LADO_PHONE: '0116 222 2222' }, { feedbackLog });
      adapter = testAdapter(services, channel);
    });
    afterEach(() => services.close());

    it('answers a concern with the urgent card first and stores none of its words', async () => {
      const replies = await exchange(adapter, 'mum keeps leaving the twins home alone till gone midnight, xylophone');
      expect(isUrgent(replies[0]), replyText(replies[0])).to.equal(true);
      expect(replyText(replies[0])).to.match(/What to do now/);
      expect(feedbackLog.unanswered, 'nothing in the gap report').to.deep.equal([]);
      expect(await everythingStored(services))
        .to.not.include('xylophone')
        .and.not.include('midnight');
    });

    it('gives a vague worry the card and what to do now, then answers the question beside it', async () => {
      const replies = await exchange(adapter, "what is TAC? I'm worried about a child on my caseload");
      expect(isUrgent(replies[0])).to.equal(true);
      expect(replyText(replies[0]))
        .to.match(/Write down what you saw and heard/)
        .and.match(/Tell your designated safeguarding lead \(DSL\) today/);
      expect(replies.map(replyText).join('\n')).to.match(/And to answer your question:\nTeam Around the Child/);
      expect(feedbackLog.answered, 'the answer after the contacts is counted by its entry id').to.deep.equal(['tac']);
    });

    it('sends the contacts at once, then the answer to a knowledge question the detector flags', async () => {
      const replies = await exchange(adapter, 'keyworker for families with disabled kids - what do they do');
      expect(replies, replies.map(replyText).join('\n---\n')).to.have.length(3);
      expect(isUrgent(replies[0]), 'the contacts come first').to.equal(true);
      expect(replyText(replies[1])).to.equal('And to answer your question:');
      expect(replies[2].attachments?.[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect(replyText(replies[2])).to.match(/^Key worker/i);
    });

    it('gives a real concern with no confident answer the contacts only', async () => {
      const replies = await exchange(adapter, 'mum keeps leaving the twins home alone till gone midnight');
      expect(replies).to.have.length(1);
      expect(isUrgent(replies[0])).to.equal(true);
    });

    it('keeps the words of a flagged question out of logs, stores, the gap report and metrics when its answer follows', async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
      const log = new InMemoryFeedbackLog();
      const logged = await testBotServices({}, { feedbackLog: log, logger });
      try {
        const loggedAdapter = new TestAdapter(
          (context) => runLoggedTurn({ bot: logged.bot, logger, metrics: logged.metrics }, context.activity, (logic) => logic(context)),
          { channelId: channel },
        );
        const replies = await exchange(loggedAdapter, 'keyworker for families with disabled kids - what do they do');
        expect(replies.map(replyText).join('\n'), 'the answer was sent').to.match(/And to answer your question:\nKey worker/i);
        expect(lines.length, 'the turn was logged').to.be.greaterThan(0);
        const everything = [lines.join('\n'), await everythingStored(logged), JSON.stringify(log), await logged.metrics.registry.metrics()].join('\n');
        for (const words of ['disabled kids', 'keyworker for families', 'what do they do']) expect(everything).to.not.include(words);
        expect(log.answered, 'only the entry id is counted').to.deep.equal(['key-worker']);
        expect(log.unanswered).to.deep.equal([]);
      } finally {
        await logged.close();
      }
    });

    it('names the LADO for a worry about a colleague, with the configured number', async () => {
      const [card] = await exchange(adapter, 'a colleague keeps messaging a 15 year old girl late at night and buying her presents');
      expect(replyText(card)).to.include('LADO').and.include('0116 222 2222');
    });

    it('still answers topic questions normally', async () => {
      for (const question of ['what does county lines mean', 'what are the signs of neglect', 'whats a caf']) {
        const [reply] = await exchange(adapter, question);
        expect(isUrgent(reply), question).to.equal(false);
      }
    });

    it('interrupts a form half-way through, keeps the form waiting and saves nothing of the concern', async () => {
      expect(replyText((await exchange(adapter, 'my settings'))[0])).to.match(/Step 1 of 2/);
      const replies = await exchange(adapter, 'sorry one sec, a yp just told me her stepdad touches her at night');
      expect(isUrgent(replies[0])).to.equal(true);
      expect(replies).to.have.length(1);
      const next = await exchange(adapter, {
        type: 'message',
        value: {
          verb: 'settings.about',
          sector: 'health',
          role: 'health-visitor',
          authority: 'leicestershire',
          locality: 'Melton',
          team: '0-19 team',
          startDate: '2026-09-01',
        },
      });
      expect(replyText(next[0])).to.match(/Step 2 of 2/);
      expect(await everythingStored(services)).to.not.include('stepdad');
    });

    it('shows the card at once for a concern typed into a pulse comment, saying it stays anonymous', async () => {
      const replies = await exchange(
        adapter,
        submission(channel, {
          verb: 'pulse.submit',
          surveyId: 987,
          'q.comment': 'workload is fine but a boy in my group says his dad burns him with cigarettes',
        }),
      );
      const urgent = replies.find(isUrgent);
      expect(urgent, 'an urgent card was sent').to.not.equal(undefined);
      expect(replies.indexOf(urgent!)).to.equal(0);
      expect(replyText(urgent)).to.match(/pulse comment stays anonymous[\s\S]*will not reach anyone quickly/);
    });

    it('checks free text in any other card form too, and leaves ordinary submissions alone', async () => {
      const flagged = await exchange(
        adapter,
        submission(channel, { verb: 'briefing.create', title: 'Update', body: 'a girl in year 8 told me her uncle is taking her abroad to be cut' }),
      );
      expect(replyText(flagged.find(isUrgent)))
        .to.match(/Forms are not watched/)
        .and.match(/FGM/);
      const ordinary = await exchange(adapter, submission(channel, { verb: 'pulse.submit', surveyId: 987, 'q.comment': 'more supervision please' }));
      expect(ordinary.some(isUrgent)).to.equal(false);
    });

    it('counts urgent cards in /metrics by category, with no text', async () => {
      await exchange(adapter, 'mum keeps leaving the twins home alone till gone midnight');
      const metrics = await services.metrics.registry.metrics();
      expect(metrics).to.match(/staffbot_safeguarding_cards_total\{category="neglect"\} 1/);
      expect(metrics).to.not.include('midnight');
    });
  });
}
