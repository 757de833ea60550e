import { expect } from 'chai';
import { AlternateQuestions, WeightedTerm } from '../../knowledge/alternateQuestions';
import { KnowledgeEntry } from '../../knowledge/entry';
import { keyTerms } from '../../knowledge/normalise';
import { testEntry } from '../helpers/testEntry';

const entry = (id: string, title: string, questions: string[]): KnowledgeEntry => testEntry({ id, title, questions });

const entries = [
  entry('lead-professional', 'Lead professional', ['who coordinates support for a family', 'the one worker a family deals with']),
  entry('tac', 'Team around the child', ['the workers who meet with a family to plan support', 'who sits round the table with the family']),
  entry('caf', 'Common Assessment Framework', ['how do i assess a family with extra needs']),
];
const acronyms = new Set<string>();
const idf = (term: string) => 1 + term.length / 10;

/** Each entry's best cosine, computed the plain way: every question's weights against the query's. */
function expected(query: WeightedTerm[]): Map<string, number> {
  const norm = Math.sqrt(query.reduce((sum, t) => sum + t.weight * t.weight, 0));
  const best = new Map<string, number>();
  for (const e of entries)
    for (const q of e.questions) {
      const terms = [...new Set(keyTerms(q, acronyms))];
      const weights = new Map(terms.map((t) => [t, idf(t)]));
      const qNorm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
      let dot = 0;
      let shared = false;
      for (const { term, weight } of query)
        if (weights.has(term)) {
          dot += weight * weights.get(term)!;
          shared = true;
        }
      if (!shared) continue;
      const similarity = dot / (norm * qNorm);
      if (similarity > (best.get(e.id) ?? 0)) best.set(e.id, similarity);
    }
  return best;
}

const weighted = (text: string): WeightedTerm[] => keyTerms(text, acronyms).map((term) => ({ term, weight: idf(term) }));

describe('AlternateQuestions', () => {
  const questions = new AlternateQuestions(entries, acronyms, idf, new Map());

  it('gives each entry the cosine of its nearest question', () => {
    const query = weighted('who plans support with the family');
    const got = questions.similarities(query);
    const want = expected(query);
    expect([...got.keys()].sort()).to.deep.equal([...want.keys()].sort());
    for (const [id, similarity] of want) expect(got.get(id)).to.be.closeTo(similarity, 1e-12);
  });

  it('gives the same answer however many searches came before (nothing is left over from the last one)', () => {
    const first = [...questions.similarities(weighted('who coordinates support for a family'))];
    questions.similarities(weighted('the workers who meet round the table'));
    questions.similarities(weighted('assess extra needs'));
    expect([...questions.similarities(weighted('who coordinates support for a family'))]).to.deep.equal(first);
  });

  it('counts a term the query repeats once per mention, as before', () => {
    const query = [...weighted('family'), ...weighted('family support')];
    const got = questions.similarities(query);
    for (const [id, similarity] of expected(query)) expect(got.get(id)).to.be.closeTo(similarity, 1e-12);
  });

  it('finds nothing for words no question uses', () => {
    expect(questions.similarities(weighted('zebra crossing')).size).to.equal(0);
  });

  it('searches a reloaded copy exactly as the original', () => {
    const reloaded = AlternateQuestions.load(questions.save())!;
    const query = weighted('who sits with the family to plan support');
    expect([...reloaded.similarities(query)]).to.deep.equal([...questions.similarities(query)]);
  });
});
