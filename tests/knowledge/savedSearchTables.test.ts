import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { knowledgeBaseOf } from '../../bot/features/content/liveKnowledge';
import { loadContent } from '../../knowledge/contentLoader';
import { withDerivedTables } from '../../knowledge/derivedTables';
import { KnowledgeBase, loadOrBuildKnowledgeBase, readKnowledgeBase, saveKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { restoreSearchTables, SavedSearchTables } from '../../knowledge/savedSearchTables';
import { FIXTURE_CONTENT_DIR } from '../helpers/fixtureKnowledge';
import { shippedKnowledgeBase } from '../helpers/testServices';
import { loadEvaluationQuestions } from './evaluation/evaluate';

/** The same knowledge base with nothing derived saved, so the search builds every table itself. */
const bare = (kb: KnowledgeBase): KnowledgeBase => ({ entries: kb.entries, index: kb.index, contentHash: kb.contentHash });

describe('search tables saved with the built knowledge base', function () {
  this.timeout(120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-tables-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Forty shipped entries, with their alternate questions (the fixture corpus has none).
  const small = withDerivedTables(knowledgeBaseOf(loadContent().entries.slice(0, 40)));
  const askedOf = small.entries.slice(0, 8).map((e) => e.questions[0]);

  it('measure every evaluation question exactly as freshly built tables do, after a round trip through the file', () => {
    const kb = shippedKnowledgeBase();
    const file = path.join(dir, 'shipped.json');
    saveKnowledgeBase(kb, file);
    const loaded = new KnowledgeSearch(readKnowledgeBase(file)!);
    const fresh = new KnowledgeSearch(bare(kb));
    expect(loaded.tablesLoaded, 'the saved tables were used').to.equal(true);
    expect(fresh.tablesLoaded).to.equal(false);
    const questions = loadEvaluationQuestions();
    expect(questions.length).to.be.greaterThan(200);
    for (const { q } of questions) {
      // explain() holds every feature the answer model reads, so equal explanations mean equal answers.
      expect(loaded.explain(q), q).to.deep.equal(fresh.explain(q));
      expect(loaded.search(q), q).to.deep.equal(fresh.search(q));
    }
  });

  it('are refused and rebuilt when they were built for other content', () => {
    const kb = small;
    // Tables of this content with every alternate question's weight zeroed, tagged as another content's.
    const zeroed = { ...kb.tables, alternates: { ...kb.tables.alternates, weights: new Float64Array(kb.tables.alternates.weights.length) } };
    const stale = new KnowledgeSearch({ ...kb, tables: { ...zeroed, contentHash: 'other content' } });
    expect(stale.tablesLoaded).to.equal(false);
    const fresh = new KnowledgeSearch(bare(kb));
    const trusted = new KnowledgeSearch({ ...kb, tables: zeroed });
    expect(askedOf.every((q) => typeof q === 'string')).to.equal(true);
    for (const q of askedOf) {
      expect(stale.explain(q), q).to.deep.equal(fresh.explain(q));
      expect(
        fresh.explain(q).candidates.some((c) => c.features.questionSim > 0),
        q,
      ).to.equal(true);
      // The same zeroed tables claimed for this content are used, which shows the check is what kept them out.
      expect(trusted.explain(q).candidates.every((c) => c.features.questionSim === 0)).to.equal(true);
    }
  });

  it('are refused when they do not hold together, whatever content they claim', () => {
    const kb = small;
    const saved = kb.tables;
    const broken: [string, SavedSearchTables][] = [
      ['a name pointing past the entries', { ...saved, names: { ...saved.names, entries: saved.names.entries.map(() => kb.entries.length) } }],
      ['a name list pointing past the names', { ...saved, names: { ...saved.names, records: saved.names.records.map(() => saved.names.terms.length) } }],
      ['question weights cut short', { ...saved, alternates: { ...saved.alternates, weights: saved.alternates.weights.subarray(1) } }],
      ['a question of an unknown entry', { ...saved, alternates: { ...saved.alternates, ids: saved.alternates.ids.map(() => 'nobody') } }],
      ['counts as plain numbers', { ...saved, dfCounts: [...saved.dfCounts] as unknown as Int32Array }],
      ['entries in another order', { ...saved, ids: [...saved.ids].reverse() }],
      ['an older layout', { ...saved, layout: saved.layout - 1 }],
      ['a missing field', { ...saved, titleTerms: undefined } as unknown as SavedSearchTables],
    ];
    expect(restoreSearchTables(saved, kb.entries, kb.contentHash), 'the intact tables load').to.not.equal(undefined);
    for (const [name, tables] of broken) {
      expect(restoreSearchTables(tables, kb.entries, kb.contentHash), name).to.equal(undefined);
      expect(new KnowledgeSearch({ ...kb, tables }).tablesLoaded, name).to.equal(false);
    }
  });

  it('in a damaged file make the whole file be refused and rebuilt from the content, not half used', () => {
    const file = path.join(dir, 'fixture.json');
    const first = loadOrBuildKnowledgeBase(FIXTURE_CONTENT_DIR, file);
    expect(first.rebuilt).to.equal(true);
    expect(loadOrBuildKnowledgeBase(FIXTURE_CONTENT_DIR, file).rebuilt, 'an intact file is read').to.equal(false);
    // One digit of one saved number changed: still valid JSON, still the right shape, but not what was built.
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('"dfTerms"');
    const digit = text.slice(at).search(/[0-9]/) + at;
    fs.writeFileSync(file, text.slice(0, digit) + String((Number(text[digit]) + 1) % 10) + text.slice(digit + 1));
    expect(readKnowledgeBase(file), 'the damaged file is refused').to.equal(undefined);
    const again = loadOrBuildKnowledgeBase(FIXTURE_CONTENT_DIR, file);
    expect(again.rebuilt).to.equal(true);
    expect(new KnowledgeSearch(again.kb).tablesLoaded).to.equal(true);
    expect(readKnowledgeBase(file), 'the rebuilt file reads back').to.not.equal(undefined);
    fs.writeFileSync(file, 'not json at all');
    expect(loadOrBuildKnowledgeBase(FIXTURE_CONTENT_DIR, file).rebuilt, 'a file that is not JSON is rebuilt').to.equal(true);
  });
});
