import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { findCopiedText } from '../../knowledge/copiedTextCheck';
import { projectRoot } from '../../knowledge/projectRoot';
import { loadContent } from '../../knowledge/contentLoader';
import { validateEntries } from '../../knowledge/contentValidator';
import { COUNCILS } from '../../knowledge/entry';
import { DEFAULT_IGNORE_FILE, seedCoverageReport } from '../../knowledge/seedCoverage';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { shippedKnowledgeBase } from '../helpers/testServices';

describe('shipped knowledge content', () => {
  const { entries, problems } = loadContent();
  const all = [...problems, ...validateEntries(entries)];
  const ids = new Set(entries.map((e) => e.id));

  it('has no errors (what npm run kb:check enforces)', () => {
    expect(all.filter((p) => p.level === 'error').map((p) => `${p.file}: ${p.message}`)).to.deep.equal([]);
  });

  it('is written in its own words, not pasted from the seed strategies', function () {
    const seeds = path.join(projectRoot(), '..', 'shared', 'seeds');
    if (!fs.existsSync(seeds)) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${seeds} is missing: the ../shared checkout must be beside the project in CI`);
      console.log(`      skipped: ${seeds} is not beside this checkout`);
      this.skip();
    }
    const sources = fs.readdirSync(seeds).map((f) => ({ name: f, text: fs.readFileSync(path.join(seeds, f), 'utf8') }));
    expect(findCopiedText(entries, sources).map((p) => `${p.file}: ${p.message}`)).to.deep.equal([]);
  });

  it('has an entry for every named concept of the seed strategies, and an ignore list with nothing stale', function () {
    const seeds = path.join(projectRoot(), '..', 'shared', 'seeds');
    if (!fs.existsSync(seeds)) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${seeds} is missing: the ../shared checkout must be beside the project in CI`);
      console.log(`      skipped: ${seeds} is not beside this checkout`);
      this.skip();
    }
    const { problems: coverage } = seedCoverageReport(entries, seeds, DEFAULT_IGNORE_FILE);
    expect(coverage.map((p) => `${p.level} ${p.file}: ${p.message.split(' has no entry')[0]}`)).to.deep.equal([]);
  });

  it('explains at least 60 acronyms', () => {
    expect(entries.flatMap((e) => e.acronyms).length).to.be.at.least(60);
  });

  it('holds the facts the product must carry', () => {
    const required = [
      'caf',
      'ecaf',
      'lead-professional',
      'tac',
      'key-worker',
      'contactpoint',
      'iqf',
      'qcf',
      'climbing-frame',
      'eyp',
      'graduate-leader-fund',
      'youth-professional-status',
      'pedagogue',
      'core-and-wider-workforce',
      'integrated-working',
      'common-induction-standards',
      'championing-children',
      'common-core',
      'every-child-matters',
      'one-childrens-workforce',
      'one-childrens-workforce-tool',
      'workforce-strategy-2020',
      'children-views-on-workforce',
      'cwdc',
      'gscc',
      'dcsf',
    ];
    expect(required.filter((id) => !ids.has(id))).to.deep.equal([]);
    expect(entries.filter((e) => e.kind === 'common-core').length).to.equal(7);
    expect(entries.filter((e) => e.id.startsWith('ecm-')).length).to.equal(5);
    expect(entries.filter((e) => e.id.startsWith('ocw-')).length).to.equal(7);
    expect(entries.filter((e) => e.id.startsWith('expectation-')).length).to.equal(4);
  });

  it('lists every item of the list-like frameworks', () => {
    const text = (id: string) => entries.find((e) => e.id === id)!;
    const ecm = `${text('every-child-matters').summary} ${text('every-child-matters').body}`.toLowerCase();
    for (const outcome of ['be healthy', 'stay safe', 'enjoy and achieve', 'positive contribution', 'economic well']) expect(ecm).to.include(outcome);
  });

  it('covers the vision, priorities and monitoring of each council', () => {
    for (const council of COUNCILS) {
      const own = entries.filter((e) => e.kind === 'strategy' && e.authority === council).map((e) => e.id);
      expect(own, council).to.include.members([`${council}-workforce-strategy`, `${council}-workforce-priorities`, `${council}-workforce-monitoring`]);
    }
  });

  it('answers the everyday words of the field that once got "I don\'t know" (safeguarding, workforce planning, NRPF, MAPPA, TAF, youth work...)', function () {
    this.timeout(60000);
    const search = new KnowledgeSearch(shippedKnowledgeBase());
    const answered = (q: string) => {
      const outcome = search.search(q);
      return outcome.decision === 'answer' ? outcome.answer?.entry.id : `${outcome.decision} ${outcome.suggestions.map((s) => s.entry.id).join(',')}`;
    };
    expect(answered('what is safeguarding')).to.equal('common-core-safeguarding');
    expect(answered('safeguarding vs child protection')).to.equal('common-core-safeguarding');
    expect(answered('workforce planning')).to.equal('workforce-planning');
    expect(answered('what does childrens services mean')).to.equal('childrens-services');
    expect(answered('nrpf')).to.equal('no-recourse-to-public-funds');
    expect(answered('mappa')).to.equal('mappa');
    expect(answered('subject access request')).to.equal('subject-access-request');
    expect(answered('harmful sexual behaviour')).to.equal('harmful-sexual-behaviour');
    expect(answered('taf')).to.equal('tac');
    expect(answered('youth work')).to.equal('youth-worker');
  });

  it('says when a body has closed', () => {
    for (const id of ['cwdc', 'gscc', 'dcsf', 'contactpoint']) {
      const entry = entries.find((e) => e.id === id)!;
      expect(entry.status, id).to.not.equal('current');
      expect(entry.statusNote, id).to.match(/\d{4}/);
    }
  });
});
