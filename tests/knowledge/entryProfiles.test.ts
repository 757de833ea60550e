import { expect } from 'chai';
import { KnowledgeEntry } from '../../knowledge/entry';
import { EntryProfiles, ExampleCounter, SavedEntryProfiles } from '../../knowledge/entryProfiles';
import { loadContent } from '../../knowledge/contentLoader';
import { acronymWords } from '../../knowledge/normalise';
import { decodeTypedArrays, encodeTypedArrays } from '../../knowledge/typedArrayFields';
import { testEntry } from '../helpers/testEntry';

const entry = (id: string, title: string, questions: string[], summary: string, acronyms: string[] = []): KnowledgeEntry =>
  testEntry({ id, title, questions, summary, acronyms });

const entries = [
  entry(
    'lead-professional',
    'Lead professional',
    ['the person who pulls the services round a family together', 'who coordinates support for a child'],
    'One practitioner who coordinates the support a child and family receive.',
  ),
  entry('pedagogue', 'Pedagogue', ['what is pedagogy', 'social pedagogy in children’s homes'], 'A practitioner trained in social pedagogy, common in Europe.'),
  entry('caf', 'Common Assessment Framework', ['how do i do a common assessment'], 'A shared assessment of a child’s additional needs.', ['CAF']),
];

const closest = (profiles: EntryProfiles, question: string): string | undefined => {
  const ranked = [...profiles.similarities(question)].sort((a, b) => b[1].words + b[1].chars - (a[1].words + a[1].chars));
  return ranked[0]?.[0];
};

describe('EntryProfiles', () => {
  const profiles = new EntryProfiles(entries, new Set(['caf']));

  it('finds an entry from a description that does not use its name', () => {
    expect(closest(profiles, 'someone who pulls all the services together for a family')).to.equal('lead-professional');
  });

  it('finds an entry from a misspelling by its spelling', () => {
    const sims = profiles.similarities('pedagouge');
    expect(sims.get('pedagogue')?.words ?? 0).to.equal(0);
    expect(closest(profiles, 'pedagouge')).to.equal('pedagogue');
  });

  it('gives cosines between 0 and 1', () => {
    for (const sim of profiles.similarities('common assessment for a child').values()) {
      expect(sim.words).to.be.within(0, 1 + 1e-9);
      expect(sim.chars).to.be.within(0, 1 + 1e-9);
    }
  });

  it('finds nothing for a question that shares nothing with any entry', () => {
    expect(profiles.similarities('xyzzy qwv').size).to.equal(0);
  });

  it('leaves the body out of the profile', () => {
    expect(profiles.similarities('quokka').size).to.equal(0);
  });

  it('scores exactly the same after being saved as JSON (as the built file holds it) and loaded', () => {
    const asJson = JSON.parse(JSON.stringify(encodeTypedArrays(profiles.save('hash')))) as unknown;
    const loaded = EntryProfiles.load(decodeTypedArrays(asJson) as SavedEntryProfiles, entries, new Set(['caf']));
    expect(loaded).to.not.equal(undefined);
    for (const q of ['someone who pulls all the services together for a family', 'pedagouge', 'whats a caf', 'zanzibar']) {
      expect([...loaded!.similarities(q)]).to.deep.equal([...profiles.similarities(q)]);
    }
  });

  it('refuses saved profiles made for other entries', () => {
    const saved = profiles.save('hash');
    expect(EntryProfiles.load(saved, entries.slice(1), new Set(['caf']))).to.equal(undefined);
    expect(EntryProfiles.load(saved, [...entries].reverse(), new Set(['caf']))).to.equal(undefined);
  });

  it('refuses saved profiles that do not hold together (postings pointing past the entries, or cut short)', () => {
    const saved = profiles.save('hash');
    const pastTheEnd = { ...saved, words: { ...saved.words, entries: saved.words.entries.map(() => entries.length) } };
    expect(EntryProfiles.load(pastTheEnd, entries, new Set(['caf']))).to.equal(undefined);
    const cutShort = { ...saved, chars: { ...saved.chars, weights: saved.chars.weights.subarray(1) } };
    expect(EntryProfiles.load(cutShort, entries, new Set(['caf']))).to.equal(undefined);
  });

  it('weighs every profile exactly (to the bit) as the plain Rocchio sums over maps would, for the shipped content', () => {
    const shipped = loadContent().entries;
    const acronyms = acronymWords(shipped);
    const counter = new ExampleCounter(acronyms);
    const counts = shipped.map((e) => counter.of(e));
    const saved = new EntryProfiles(shipped, acronyms).save('h');
    for (const kind of ['words', 'chars'] as const) {
      // The textbook form: idf over the entries, each example's tf-idf vector at unit length, summed per entry, the sum at unit length.
      const vectors = counts.map((c) => c[kind]);
      const df = new Map<string, number>();
      for (const list of vectors) for (const f of new Set(list.flatMap((v) => [...v.keys()]))) df.set(f, (df.get(f) ?? 0) + 1);
      const idf = new Map([...df].map(([f, d]) => [f, Math.log(1 + vectors.length / d)]));
      const postings = new Map<string, [number, number][]>();
      vectors.forEach((list, at) => {
        const profile = new Map<string, number>();
        for (const v of list) {
          const norm = Math.sqrt([...v].reduce((sum, [f, w]) => sum + (w * idf.get(f)!) ** 2, 0)) || 1;
          for (const [f, w] of v) profile.set(f, (profile.get(f) ?? 0) + (w * idf.get(f)!) / norm);
        }
        const norm = Math.sqrt([...profile.values()].reduce((sum, w) => sum + w * w, 0));
        for (const [f, w] of profile) postings.set(f, [...(postings.get(f) ?? []), [at, norm > 0 ? w / norm : w]]);
      });
      const space = saved[kind];
      expect(space.features, kind).to.deep.equal([...df.keys()]);
      expect([...space.idf], kind).to.deep.equal([...idf.values()]);
      const got = space.features.map((_, i) =>
        [...space.entries.subarray(space.starts[i], space.starts[i + 1])].map((e, k) => [e, space.weights[space.starts[i] + k]]),
      );
      expect(got, kind).to.deep.equal(space.features.map((f) => postings.get(f) ?? []));
    }
  });
});
