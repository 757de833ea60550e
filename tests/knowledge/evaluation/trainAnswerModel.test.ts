import { expect } from 'chai';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { fixtureKnowledgeBase } from '../../helpers/fixtureKnowledge';
import { entryQuestionExamples } from './trainAnswerModel';

/** The fixture corpus with alternate questions, each carrying a word found nowhere else. */
function withQuestions(): KnowledgeBase {
  const base = fixtureKnowledgeBase();
  const questions: Record<string, string[]> = {
    'alpha-plan': ['who keeps the zebrafinch paperwork for a family', 'the plan with the kingfisher review every six weeks'],
    'beta-coordinator': ['the person who pulls the wagtail meetings together', 'who chairs the heron review'],
  };
  const entries = base.entries.map((e) => ({ ...e, questions: questions[e.id] ?? [] }));
  return { entries, index: buildIndex(entries), contentHash: base.contentHash };
}

describe('training examples from the entries\u2019 own questions', () => {
  const kb = withQuestions();
  const examples = entryQuestionExamples(kb);

  it('makes one example per alternate question, labelled with its own entry', () => {
    expect(examples.map((e) => `${e.question.expect}: ${e.question.q}`).sort()).to.deep.equal(
      kb.entries.flatMap((e) => e.questions.map((q) => `${e.id}: ${q}`)).sort(),
    );
    expect(examples.every((e) => e.source === 'entry' && e.inScope)).to.equal(true);
  });

  it('asks each question of an index that does not hold it (its one-off word is unknown there)', () => {
    const oneOff = ['zebrafinch', 'kingfisher', 'wagtail', 'heron'];
    for (const example of examples) {
      const own = example.explanation.terms.filter((t) => oneOff.some((w) => t.term.startsWith(w.slice(0, 5))));
      expect(own, example.question.q).to.have.length.greaterThan(0);
      expect(own.every((t) => !t.known), `${example.question.q} was found in its own index`).to.equal(true);
    }
  });
});
