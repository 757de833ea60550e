import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { CONCERN_CATEGORIES, DEFAULT_LEXICON_DIR, loadLexicon, parseLexiconFile } from '../../../knowledge/safeguarding/lexiconFile';

describe('safeguarding lexicon files', () => {
  it('ships one valid file per category, each with an owner, a review date and terms', () => {
    const { categories, problems } = loadLexicon(DEFAULT_LEXICON_DIR, '2026-11-30');
    expect(problems.filter((p) => p.level === 'error')).to.deep.equal([]);
    expect(categories.map((c) => c.id)).to.deep.equal([...CONCERN_CATEGORIES]);
    for (const c of categories) {
      expect(c.owner, c.id).to.match(/safeguarding lead/i);
      expect(c.terms.length, c.id).to.be.greaterThan(5);
    }
    expect(categories.find((c) => c.id === 'allegation-against-adult')?.routes).to.include('lado');
    expect(categories.find((c) => c.id === 'fgm')?.routes).to.include('fgm-duty');
    expect(categories.find((c) => c.id === 'self-harm')?.routes).to.include('health');
  });

  it('reports a bad phrase, a wrong file name and a bad date, naming the file', () => {
    const bad = parseLexiconFile('neglect.yaml', 'id: neglect\ntitle: Neglect\nowner: DSL\nreview_by: soon\nterms: ["(left alone"]\n');
    expect(bad.problems.map((p) => p.message).join('\n'))
      .to.match(/review_by/)
      .and.match(/not closed/);
    const renamed = parseLexiconFile('other.yaml', 'id: neglect\ntitle: Neglect\nowner: DSL\nreview_by: 2027-01-01\nterms: [neglect]\n');
    expect(renamed.problems[0].message).to.match(/does not match the file name/);
  });

  it('reports a missing category as an error and a passed review date as a warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    fs.writeFileSync(path.join(dir, 'neglect.yaml'), 'id: neglect\ntitle: Neglect\nowner: DSL\nreview_by: 2020-01-01\nterms: [neglect]\n');
    const { problems } = loadLexicon(dir, '2026-11-30');
    expect(problems.filter((p) => p.level === 'error' && /no file for the "fgm" category/.test(p.message))).to.have.length(1);
    expect(problems.filter((p) => p.level === 'warning' && /review date 2020-01-01 has passed/.test(p.message))).to.have.length(1);
  });
});
