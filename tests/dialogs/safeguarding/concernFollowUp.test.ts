import { expect } from 'chai';
import { InMemoryFeedbackLog } from '../../../bot/platform/store/feedbackLog';
import { QuestionAnswerer } from '../../../bot/features/answers/questionAnswerer';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { toAnswerJson } from '../../../dialogs/glossary/answerJson';
import { FOLLOW_UP_LEAD, replyAsText } from '../../../dialogs/safeguarding/concernFollowUp';
import { fixedClock, shippedKnowledgeBase, testConfig } from '../../helpers/testServices';

describe('a flagged message with a confident answer, as `npm run ask` shows it', () => {
  const settings = testConfig();
  const answerer = new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), new InMemoryFeedbackLog(), fixedClock, null);
  const flagged = answerer.reply('the basic skills and knowledge everyone who works with kids is meant to have');
  const concern = answerer.reply('mum keeps leaving the twins home alone till gone midnight');

  it('prints the contacts first, then the answer', () => {
    const text = replyAsText(flagged, 'submit', settings);
    const contacts = text.indexOf('Worried about a child\u2019s safety?');
    const lead = text.indexOf(FOLLOW_UP_LEAD);
    expect(contacts).to.equal(0);
    expect(lead).to.be.greaterThan(contacts);
    expect(text.slice(lead)).to.match(/Common Core/i);
  });

  it('reports the answer in --json, marked urgent', () => {
    const json = toAnswerJson(flagged, settings);
    expect(json).to.include({ answered: true, id: 'common-core', urgent: true });
    expect(json.text.indexOf('Worried about a child\u2019s safety?')).to.equal(0);
  });

  it('reports a concern with no confident answer as urgent and unanswered, contacts only', () => {
    const json = toAnswerJson(concern, settings);
    expect(json).to.include({ answered: false, id: null, urgent: true });
    expect(json.text).to.not.include(FOLLOW_UP_LEAD);
  });
});
