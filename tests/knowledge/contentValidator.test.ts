import { expect } from 'chai';
import { loadContent } from '../../knowledge/contentLoader';
import { validateEntries } from '../../knowledge/contentValidator';
import { KnowledgeEntry } from '../../knowledge/entry';
import { FIXTURE_CONTENT_DIR } from '../helpers/fixtureKnowledge';

const base = (): KnowledgeEntry[] => loadContent(FIXTURE_CONTENT_DIR).entries;
const messages = (entries: KnowledgeEntry[], today?: string) => validateEntries(entries, today).map((p) => `${p.level}:${p.file}:${p.message}`);

describe('validateEntries', () => {
  it('accepts the fixture corpus (no errors)', () => {
    expect(messages(base()).filter((m) => m.startsWith('error'))).to.deep.equal([]);
  });

  it('fails on a duplicate id', () => {
    const entries = base();
    entries.push({ ...entries[0] });
    expect(messages(entries).join('\n')).to.match(/error:alpha-plan.md:duplicate id/);
  });

  it('fails on an alias claimed by two entries, whatever its case or punctuation', () => {
    const entries = base();
    entries[1] = { ...entries[1], aliases: ['Alpha-Plan'] };
    expect(messages(entries).join('\n')).to.match(/alias "Alpha-Plan" is also claimed by alpha-plan/);
  });

  it('fails on an acronym claimed by two entries', () => {
    const entries = base();
    entries[1] = { ...entries[1], acronyms: ['ASP'] };
    expect(messages(entries).join('\n')).to.match(/"ASP" is also claimed/);
  });

  it('fails on a question asked in two entries, whatever its case or punctuation', () => {
    const entries = base();
    entries[0] = { ...entries[0], questions: ['What replaced the old plan?'] };
    entries[1] = { ...entries[1], questions: ['what replaced the old plan'] };
    expect(messages(entries).join('\n')).to.match(/question "what replaced the old plan" is also asked in alpha-plan/);
  });

  it('lets one entry repeat a question in other words without complaint', () => {
    const entries = base();
    entries[0] = { ...entries[0], questions: ['What replaced the old plan?', 'what replaced the old plan'] };
    expect(messages(entries).filter((m) => m.includes('is also asked'))).to.deep.equal([]);
  });

  it('fails on a related link to an unknown entry', () => {
    const entries = base();
    entries[0] = { ...entries[0], related: ['no-such-entry'] };
    expect(messages(entries).join('\n')).to.match(/related entry "no-such-entry" does not exist/);
  });

  it('warns, without failing, on a review date that has passed', () => {
    const out = messages(base(), '2026-11-22');
    expect(out).to.include('warning:gamma-council.md:review date 2020-01-01 has passed (owner: Test Team)');
    expect(out.filter((m) => m.startsWith('error'))).to.deep.equal([]);
  });
});
