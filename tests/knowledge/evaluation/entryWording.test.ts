import { expect } from 'chai';
import { fixtureKnowledgeBase } from '../../helpers/fixtureKnowledge';
import { entryWordingOf } from './entryWording';
import { EvaluationQuestion, unseenWordingQuestions } from './evaluate';

describe('questions worded as an entry’s own text', () => {
  const kb = fixtureKnowledgeBase();
  const entries = kb.entries.map((e) => (e.id === 'beta-coordinator' ? { ...e, questions: ['Who pulls the wagtail meetings together?'] } : e));
  const isEntryWording = entryWordingOf(entries);

  it('counts a question that, once normalised, is its entry’s title, acronym, alias or alternate question', () => {
    const planted: EvaluationQuestion[] = [
      { q: 'Alpha Support Plan (ASP)', expect: 'alpha-plan' },
      { q: 'alpha support plan', expect: 'alpha-plan' },
      { q: 'asp', expect: 'alpha-plan' },
      { q: 'Alpha plan?', expect: 'alpha-plan' },
      { q: 'who pulls the wagtail meetings together', expect: 'beta-coordinator' },
      { q: 'alpha plan', expect: 'missing:something', also: ['alpha-plan'] },
    ];
    expect(planted.filter((q) => !isEntryWording(q)).map((q) => q.q)).to.deep.equal([]);
  });

  it('does not count paraphrases, another entry’s text or out-of-scope questions', () => {
    const unseen: EvaluationQuestion[] = [
      { q: 'what is the alpha plan', expect: 'alpha-plan' },
      { q: 'the plan agreed with a family', expect: 'alpha-plan' },
      { q: 'alpha plan', expect: 'beta-coordinator' },
      { q: 'alpha plan', expect: null },
    ];
    expect(unseen.filter(isEntryWording).map((q) => q.q)).to.deep.equal([]);
  });

  it('leaves a planted verbatim question out of the unseen-wording questions the tuning report scores', () => {
    const questions: EvaluationQuestion[] = [
      { q: 'what does the family coordinator do', expect: 'beta-coordinator' },
      { q: 'Family coordinator', expect: 'beta-coordinator' },
      { q: 'where can i park', expect: null },
    ];
    expect(unseenWordingQuestions({ ...kb, entries }, questions).map((q) => q.q)).to.deep.equal(['what does the family coordinator do', 'where can i park']);
  });
});
