import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import { buildForTransfer } from '../../bot/features/content/indexBuildWorker';
import { loadContent } from '../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../knowledge/entry';
import { EntryProfiles } from '../../knowledge/entryProfiles';
import { acronymWords } from '../../knowledge/normalise';
import { forgetProfileCounts, rememberProfileCounts } from '../../knowledge/profileCountsMemo';

/** A few dozen shipped entries, with acronyms, aliases and questions: quick to build. */
const entries = loadContent().entries.slice(0, 40);
const withAcronyms = entries.find((e) => e.acronyms.length > 0)!;

/** Everything a worker build sends back but its timestamps. */
function built(list: KnowledgeEntry[]) {
  const reply = buildForTransfer({ entries: list, contentHash: 'hash' });
  if (!reply.ok) throw new Error(reply.error);
  return { index: reply.index, profiles: reply.profiles, tables: reply.tables };
}

describe("profile counts memo (the entries' profiles rebuilt after a publish)", () => {
  afterEach(() => forgetProfileCounts());

  it("reuses an unchanged entry's counts and counts only the edited entry's changed examples", () => {
    const memo = rememberProfileCounts();
    memo.nextBuild();
    new EntryProfiles(entries, acronymWords(entries));
    const edited = entries.map((e, i) => (i === 7 ? { ...e, summary: 'Quokka marmalade rota.' } : e));
    const before = { computed: memo.computed, remembered: memo.remembered };
    memo.nextBuild();
    new EntryProfiles(edited, acronymWords(edited));
    // The new summary, once by words and once by spelling; everything else comes from the last build.
    expect(memo.computed - before.computed).to.equal(2);
    expect(memo.remembered - before.remembered).to.be.greaterThan(100);
  });

  const changes: [string, () => KnowledgeEntry[]][] = [
    ['an added entry', () => [...entries, { ...entries[3], id: 'added-entry', title: 'Zebra crossing patrol', aliases: ['ZCP rota'], acronyms: ['ZCP'] }]],
    ['an edited entry', () => entries.map((e, i) => (i === 5 ? { ...e, questions: [...e.questions, 'who edits this'] } : e))],
    ['a retired entry (its acronym gone, so every stem may read differently)', () => entries.filter((e) => e !== withAcronyms)],
  ];
  for (const [what, change] of changes) {
    it(`an incremental build after ${what} equals a full build: index, profiles and search tables`, () => {
      const full = built(change());
      const memo = rememberProfileCounts();
      memo.nextBuild();
      built(entries);
      memo.nextBuild();
      const incremental = built(change());
      expect(memo.remembered, 'the memo was used').to.be.greaterThan(0);
      expect(isDeepStrictEqual(incremental, full), 'the same as a full build').to.equal(true);
    });
  }
});
