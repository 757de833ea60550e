import { expect } from 'chai';
import { InMemoryFeedbackLog } from '../../../../bot/platform/store/feedbackLog';
import { AnswerReply, NEEDS_TOPIC_NOTE, QuestionAnswerer } from '../../../../bot/features/answers/questionAnswerer';
import { TrainingFinder } from '../../../../bot/features/training/trainingFinder';
import { loadCatalogue } from '../../../../knowledge/training/catalogueLoader';
import { KnowledgeSearch } from '../../../../knowledge/knowledgeSearch';
import { shippedKnowledgeBase } from '../../../helpers/testServices';
import { london } from '../training/trainingFixtures';

const shown = (reply: AnswerReply): string => {
  switch (reply.kind) {
    case 'answer':
      return `answer ${reply.entry.id}`;
    case 'course':
      return `course ${reply.listing.course.id}`;
    case 'courses':
      return `courses ${reply.listings.map((l) => l.course.id).join(',')}`;
    default:
      return reply.kind;
  }
};

describe('QuestionAnswerer: training questions', () => {
  const catalogue = loadCatalogue().catalogue;
  const make = (log = new InMemoryFeedbackLog()) =>
    new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), log, () => london('2026-11-23T10:00'), new TrainingFinder(catalogue));
  const answerer = make();

  const cases: [string, string][] = [
    ['where can I do CAF training', 'course caf-lead-professional'],
    ['lead professional course', 'course caf-lead-professional'],
    ['what is a CAF?', 'answer caf'],
    ['what is TAC', 'answer tac'],
    // A question naming the course's subject gets the glossary's "did you mean", not the course. (The teaching-assistant wording
    // now gets the course: the glossary's only guess for it is workforce remodelling, which names higher level teaching assistants.)
    ['can a social worker be the lead professional', 'suggest'],
    ['newcastle integrated induction course', 'answer newcastle-integrated-induction'],
    ['training and development agency for schools still going?', 'answer tda'],
    // The course is named outright ("Apprenticeships in the children's workforce"); the glossary only has the narrower, older
    // Modern Apprenticeships entry and is unsure of it, so the course is shown (as the evaluation questions expect).
    ['apprenticeships', 'course apprenticeships'],
    ['what were modern apprenticeships', 'answer modern-apprenticeships'],
    ['apprenticeship training', 'course apprenticeships'],
    ['training on the 45th', 'trainingDate'],
    ['first aid training', 'courses '],
  ];
  for (const [question, expected] of cases) it(`answers "${question}" with ${expected}`, () => expect(shown(answerer.reply(question))).to.equal(expected));

  it('keeps a "did you mean" question as a gap once the gaps are recorded, and "None of these" by its reference', async () => {
    const log = new InMemoryFeedbackLog();
    const withLog = make(log);
    const reply = await withLog.answer('can a social worker be the lead professional', 'msteams');
    if (reply.kind !== 'suggest' || !reply.gapRef) throw new Error(`expected "did you mean" with a reference, got ${reply.kind}`);
    await withLog.recordGaps();
    expect(await withLog.recordNoneOfThese(reply.gapRef, 'msteams')).to.equal(true);
    expect(log.unanswered.map((u) => `${u.question} ${u.decision}`)).to.deep.equal([
      'can a social worker be the lead professional suggest',
      'can a social worker be the lead professional none-of-these',
    ]);
  });

  it('keeps safeguarding first, even in a training question', () => {
    expect(answerer.reply('I need safeguarding training because a child told me they are being abused at home').kind).to.equal('urgent');
  });

  it('gives the related glossary entry with a course', () => {
    const reply = answerer.reply('where can I do CAF training');
    if (reply.kind !== 'course') throw new Error('expected a course');
    expect(reply.related.map((e) => e.id)).to.deep.equal(['caf', 'lead-professional', 'ecaf']);
  });

  it('answers "is there training for that?" from the last entry', () => {
    expect(shown(answerer.reply('is there training for that?', { lastEntryId: 'tac' }))).to.equal('course team-around-the-child');
    const none = answerer.reply('is there training for that?', { lastEntryId: 'gscc' });
    expect(none.kind === 'courses' && none.note).to.match(/couldn't find a course about General Social Care Council/);
    const unsure = answerer.reply('is there training for that?');
    expect(unsure.kind === 'courses' && unsure.note).to.equal(NEEDS_TOPIC_NOTE);
  });

  it('records a training question it could not answer, and not one it could', async () => {
    const log = new InMemoryFeedbackLog();
    const withLog = make(log);
    await withLog.answer('where can I do CAF training', 'msteams');
    await withLog.answer('first aid training', 'msteams');
    await withLog.recordGaps();
    expect(log.unanswered.map((u) => `${u.question} ${u.decision}`)).to.deep.equal(['first aid training unknown']);
  });

  it('shows a course by id, and nothing for an unknown one', () => {
    expect(shown(answerer.showCourse('key-worker')!)).to.equal('course key-worker');
    expect(answerer.showCourse('nope')).to.equal(undefined);
  });

  it('leaves training out when told to', () => {
    const glossaryOnly = new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), new InMemoryFeedbackLog(), () => london('2026-11-23T10:00'), null);
    expect(glossaryOnly.reply('where can I do CAF training').kind).to.not.match(/^course/);
  });
});
