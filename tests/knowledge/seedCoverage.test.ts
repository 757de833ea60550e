import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { freshFolderEachTest } from '../helpers/tempFolder';
import { loadContent } from '../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../knowledge/entry';
import {
  checkSeedCoverage,
  conceptKey,
  coverageProblems,
  coverageSummary,
  parseIgnoreList,
  readSources,
  seedCoverageReport,
} from '../../knowledge/seedCoverage';
import { FIXTURE_CONTENT_DIR } from '../helpers/fixtureKnowledge';

const entries = (): KnowledgeEntry[] => loadContent(FIXTURE_CONTENT_DIR).entries;
const seed = (text: string) => [{ name: 'seed.txt', text }];
const ignoreList = (text: string) => parseIgnoreList(text).items;

describe('conceptKey', () => {
  it('folds case, apostrophes, "&", plurals, a leading "the" and closing numbers', () => {
    expect(conceptKey("The Children's Trusts")).to.equal(conceptKey('childrens trust'));
    expect(conceptKey('Children & Young People’s Plans')).to.equal(conceptKey("children and young people's plan"));
    expect(conceptKey('Children Act 2004')).to.equal('child act');
    expect(conceptKey('GCSEs')).to.equal(conceptKey('GCSE'));
  });
});

describe('checkSeedCoverage', () => {
  it('counts a concept named by an entry title, alias or acronym as covered', () => {
    const text = 'The Alpha Support Plan (ASP) and the Beta Coordinator meet.';
    const coverage = checkSeedCoverage(entries(), seed(text), []);
    expect(coverage.uncovered.map((c) => c.text)).to.deep.equal([]);
    expect(coverage.covered.map((c) => c.entryId).sort()).to.deep.equal(['alpha-plan', 'alpha-plan', 'beta-coordinator']);
  });

  it('reports a named concept no entry covers as an error naming the seed and line', () => {
    const coverage = checkSeedCoverage(entries(), seed('Intro\nStaff hold the Omega Passport Scheme.'), []);
    expect(coverage.uncovered.map((c) => c.text)).to.deep.equal(['Omega Passport Scheme']);
    const problems = coverageProblems(coverage);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ level: 'error', file: 'seeds/seed.txt' });
    expect(problems[0].message).to.match(/line 2: "Omega Passport Scheme" \(name\) has no entry/);
  });

  it('reports an unknown acronym and a lower-case "the … scheme" phrase', () => {
    const coverage = checkSeedCoverage(entries(), seed('We run the national passport scheme with the ZQX.'), []);
    expect(coverage.uncovered.map((c) => `${c.kind}:${c.text}`)).to.deep.equal(['acronym:ZQX', 'phrase:national passport scheme']);
  });

  it('accepts a council name in front of a covered concept', () => {
    const coverage = checkSeedCoverage(entries(), seed('Ask the Westminster Beta Coordinator.'), []);
    expect(coverage.uncovered).to.deep.equal([]);
    expect(coverage.covered[0].entryId).to.equal('beta-coordinator');
  });

  it('counts covered names joined by small words as covered, but not a covered name with an uncovered one', () => {
    const coverage = checkSeedCoverage(entries(), seed('Ask the Beta Coordinator and Alpha Support Plan.\nAsk the Beta Coordinator of the Omega Network.'), []);
    expect(coverage.covered.map((c) => `${c.concept.text} => ${c.entryId}`)).to.include(
      'Beta Coordinator and Alpha Support Plan => beta-coordinator + alpha-plan',
    );
    expect(coverage.uncovered.map((c) => c.text)).to.deep.equal(['Beta Coordinator of the Omega Network']);
  });

  it('leaves out strings on the ignore list, matched in the same folded form', () => {
    const coverage = checkSeedCoverage(
      entries(),
      seed('Written by Jane Smith. Staff met at Westminster City Hall.'),
      ignoreList('jane smith\tperson: an author\nWestminster City Hall\tplace: a building\n'),
    );
    expect(coverage.uncovered).to.deep.equal([]);
    expect(coverage.ignored.map((i) => i.item.reason)).to.deep.equal(['person: an author', 'place: a building']);
    expect(coverageSummary(coverage)).to.match(/2 strings found, 2 reviewed as not concepts, 0 of 0 concepts covered .* 0 uncovered/);
  });

  it('warns about ignore lines that nothing matches or that an entry now covers', () => {
    const coverage = checkSeedCoverage(entries(), seed('The Beta Coordinator is here.'), ignoreList('Beta Coordinator\tgeneric\nNobody Here\tperson\n'));
    const problems = coverageProblems(coverage);
    expect(problems.map((p) => `${p.level}:${p.message}`)).to.deep.equal([
      'warning:line 1: "Beta Coordinator" can go (beta-coordinator covers it now)',
      'warning:line 2: "Nobody Here" can go (no source mentions it)',
    ]);
  });
});

describe('parseIgnoreList', () => {
  it('needs a reason on every line and skips comments and blank lines', () => {
    const { items, problems } = parseIgnoreList('# reviewed list\n\nJane Smith\tperson\nJohn Smith\n');
    expect(items.map((i) => i.name)).to.deep.equal(['Jane Smith']);
    expect(problems.map((p) => `${p.level}:${p.message}`)).to.deep.equal(['error:line 4: write the string, a tab, then the reason it is not a concept']);
  });
});

describe('seedCoverageReport', () => {
  const folder = freshFolderEachTest('seed-coverage-');

  it('says the check was skipped when the seeds folder is absent, with no problems', () => {
    const report = seedCoverageReport(entries(), path.join(folder(), 'no-seeds'), path.join(folder(), 'ignore.tsv'));
    expect(report.line).to.match(/^seed coverage skipped: .*no-seeds not found/);
    expect(report.problems).to.deep.equal([]);
  });

  it('reads the seeds and the ignore list from disk and reports what is left uncovered', () => {
    fs.mkdirSync(path.join(folder(), 'seeds'));
    fs.writeFileSync(path.join(folder(), 'seeds', '001.txt'), 'Written by Jane Smith.\nThe Beta Coordinator runs the Omega Passport Scheme.\n');
    fs.writeFileSync(path.join(folder(), 'ignore.tsv'), '# reviewed\nJane Smith\tperson\n');
    const report = seedCoverageReport(entries(), path.join(folder(), 'seeds'), path.join(folder(), 'ignore.tsv'));
    expect(report.problems.map((p) => `${p.level}:${p.file}`)).to.deep.equal(['error:seeds/001.txt']);
    expect(report.problems[0].message).to.match(/^line 2: "Omega Passport Scheme" \(name\) has no entry/);
    expect(report.line).to.match(/3 strings found, 1 reviewed as not concepts, 1 of 2 concepts covered by an entry \(50\.0%\), 1 uncovered \(1 seeds in /);
  });

  it('warns, without failing, when the ignore list is missing', () => {
    fs.mkdirSync(path.join(folder(), 'seeds'));
    fs.writeFileSync(path.join(folder(), 'seeds', '001.txt'), 'The Beta Coordinator is here.\n');
    const report = seedCoverageReport(entries(), path.join(folder(), 'seeds'), path.join(folder(), 'missing.tsv'));
    expect(report.problems.map((p) => p.level)).to.deep.equal(['warning']);
  });
});

describe('readSources', () => {
  it('says undefined for a missing folder, so kb:check can report the check as skipped', () => {
    expect(readSources('/no/such/seeds/folder')).to.equal(undefined);
  });
});
