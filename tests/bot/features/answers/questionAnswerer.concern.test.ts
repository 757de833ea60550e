import { expect } from 'chai';
import { InMemoryFeedbackLog } from '../../../../bot/platform/store/feedbackLog';
import { AnswerReply, QuestionAnswerer } from '../../../../bot/features/answers/questionAnswerer';
import { TrainingFinder } from '../../../../bot/features/training/trainingFinder';
import { loadCatalogue } from '../../../../knowledge/training/catalogueLoader';
import { KnowledgeSearch } from '../../../../knowledge/knowledgeSearch';
import { shippedKnowledgeBase } from '../../../helpers/testServices';
import { london } from '../training/trainingFixtures';

/** What follows the contacts, in a form a test can compare: the entry or course shown, or nothing. */
const followUpOf = (reply: AnswerReply): string | undefined => {
  expect(reply.kind, 'the contacts come first').to.equal('urgent');
  if (reply.kind !== 'urgent' || !reply.followUp) return undefined;
  return reply.followUp.kind === 'answer' ? `answer ${reply.followUp.entry.id}` : `course ${reply.followUp.listing.course.id}`;
};

describe('QuestionAnswerer: a flagged message still gets its answer', () => {
  const catalogue = loadCatalogue().catalogue;
  const make = (log = new InMemoryFeedbackLog()) =>
    new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), log, () => london('2026-11-23T10:00'), new TrainingFinder(catalogue));
  const answerer = make();

  // Knowledge questions the detector flags (it keeps its recall): the contacts, then the confident answer.
  const answered: [string, string][] = [
    ['the basic skills and knowledge everyone who works with kids is meant to have', 'answer common-core'],
    ['keyworker for families with disabled kids - what do they do', 'answer key-worker'],
    ['training on when i can and cant share info about families', 'course information-sharing'],
    ["what is TAC? I'm worried about a child on my caseload", 'answer tac'],
  ];
  for (const [message, expected] of answered)
    it(`follows the contacts for "${message}" with ${expected}`, () => expect(followUpOf(answerer.reply(message))).to.equal(expected));

  it('gives a real concern with no confident answer the contacts only (no guesses, no "I don\u2019t know")', () => {
    expect(followUpOf(answerer.reply('mum keeps leaving the twins home alone till gone midnight'))).to.equal(undefined);
  });

  it('answers no term of a message that a signal phrase reports as a concern ("yp" is incidental there)', () => {
    expect(followUpOf(answerer.reply('concernd about a yp'))).to.equal(undefined);
  });

  it('adds nothing after the contacts when a child is in danger now, even beside a question', () => {
    expect(followUpOf(answerer.reply('what is TAC? a man is hitting a child in front of me right now'))).to.equal(undefined);
  });

  it('counts the follow-up by its entry id only and puts nothing of a flagged message in the gap log', async () => {
    const log = new InMemoryFeedbackLog();
    const counting = make(log);
    await counting.answer('the basic skills and knowledge everyone who works with kids is meant to have', 'msteams');
    await counting.answer('mum keeps leaving the twins home alone till gone midnight', 'msteams');
    expect(log.answered).to.deep.equal(['common-core']);
    expect(log.unanswered).to.deep.equal([]);
    expect(log.feedback).to.deep.equal([]);
  });
});
