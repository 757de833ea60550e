import { expect } from 'chai';
import { buildKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { termScores } from '../../knowledge/lunrInternals';
import { acronymWords, keyTerms } from '../../knowledge/normalise';
import { loadEvaluationQuestions, TUNING_FILES } from './evaluation/evaluate';

describe('lunr scores read straight from the index', () => {
  const kb = buildKnowledgeBase();
  const acronyms = acronymWords(kb.entries);
  const lunrScores = (terms: string[]) => kb.index.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false }))).map((r) => `${r.ref}:${r.score}`);
  const ours = (terms: string[]) => termScores(kb.index, terms).map((r) => `${r.ref}:${r.score}`);

  it('gives exactly lunr’s scores, in lunr’s order, for every tuning question', function () {
    this.timeout(60000);
    const lists = loadEvaluationQuestions(TUNING_FILES).map((q) => keyTerms(q.q, acronyms));
    const differing = lists.filter((terms) => ours(terms).join() !== lunrScores(terms).join());
    expect(differing.map((t) => t.join(' '))).to.deep.equal([]);
  });

  it('counts a repeated term twice and ignores a term the index lacks, as lunr does', () => {
    const terms = ['caf', 'caf', 'zzzunknownzzz', 'lead'];
    expect(ours(terms)).to.deep.equal(lunrScores(terms));
    expect(ours(terms).length).to.be.greaterThan(0);
  });

  it('finds nothing for no terms or only unknown ones (and is safe with names of object properties)', () => {
    expect(termScores(kb.index, [])).to.deep.equal([]);
    expect(termScores(kb.index, ['zzzunknownzzz', 'constructor', '__proto__'])).to.deep.equal([]);
  });
});
