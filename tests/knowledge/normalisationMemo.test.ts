import { expect } from 'chai';
import { buildForTransfer } from '../../bot/features/content/indexBuildWorker';
import { loadContent } from '../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../knowledge/entry';
import { forgetNormalisation, NormalisationMemo, rememberNormalisation } from '../../knowledge/normalisationMemo';

/** A few dozen shipped entries: enough names, acronyms and questions to exercise every table, quick to build. */
const entries = loadContent().entries.slice(0, 40);
const withAcronyms = entries.find((e) => e.acronyms.length > 0)!;

/** The index, profiles and tables a build sends back, without its timestamps. */
function built(list: KnowledgeEntry[]) {
  const reply = buildForTransfer({ entries: list, contentHash: 'hash' });
  if (!reply.ok) throw new Error(reply.error);
  return { index: reply.index, profiles: reply.profiles, tables: reply.tables };
}

/** A build with no memo at all, as before any build was remembered. */
function fullBuild(list: KnowledgeEntry[]) {
  forgetNormalisation();
  return built(list);
}

describe('normalisation memo (index worker rebuilds)', () => {
  let memo: NormalisationMemo;
  beforeEach(() => {
    memo = rememberNormalisation();
    memo.nextBuild();
    built(entries);
  });
  afterEach(() => forgetNormalisation());

  const changes: [string, () => KnowledgeEntry[]][] = [
    ['an added entry', () => [...entries, { ...entries[3], id: 'added-entry', title: 'Zebra crossing patrol', aliases: ['ZCP rota'], acronyms: ['ZCP'] }]],
    [
      'an edited entry',
      () =>
        entries.map((e, i) =>
          i === 5 ? { ...e, summary: `${e.summary} Edited for the remembered build.`, questions: [...e.questions, 'who edits this'] } : e,
        ),
    ],
    ['a retired entry (its acronym gone)', () => entries.filter((e) => e !== withAcronyms)],
  ];
  for (const [what, change] of changes) {
    it(`builds exactly what a full build does after ${what}`, () => {
      memo.nextBuild();
      const remembered = built(change());
      expect(memo.remembered).to.be.greaterThan(0);
      expect(remembered).to.deep.equal(fullBuild(change()));
    });
  }

  it('normalises only the changed entry again after an edit', () => {
    const before = memo.computed;
    memo.nextBuild();
    built(entries.map((e, i) => (i === 5 ? { ...e, summary: 'Quokka marmalade.' } : e)));
    // The new summary's text and its two new words, each once per way it is read (a few at most, not the content again).
    expect(memo.computed - before).to.be.within(1, 6);
  });

  it('forgets texts the last two builds did not use', () => {
    memo.nextBuild();
    built(entries.slice(0, 2));
    memo.nextBuild();
    built(entries.slice(0, 2));
    const before = memo.computed;
    memo.nextBuild();
    built(entries);
    expect(memo.computed - before).to.be.greaterThan(100);
  });
});
