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

  describe('naive Bayes chances', () => {
    it("give every entry a chance, summing to 1, with the entry whose examples use the question's words first", () => {
      const chances = profiles.chances('who coordinates support round a family');
      expect(entries.reduce((sum, e) => sum + chances.of(e.id), 0)).to.be.closeTo(1, 1e-9);
      expect(entries.every((e) => chances.of(e.id) > 0)).to.equal(true);
      expect(chances.likeliest(1)).to.deep.equal(['lead-professional']);
      expect(chances.of('no-such-entry')).to.equal(0);
    });

    it('tell two entries with much the same words apart by the word only one of them uses', () => {
      // Both entries share "plan" and "child"; only one has ever been asked about with "conference".
      const two = [
        entry(
          'cp-plan',
          'Child protection plan',
          ['what goes in a child protection plan', 'plan agreed at conference for a child'],
          'The plan agreed at a conference.',
        ),
        entry('cin-plan', 'Child in need plan', ['plan for a child in need', 'what is a cin plan for a child'], 'The plan for a child in need.'),
      ];
      const chances = new EntryProfiles(two, new Set()).chances('the conference plan');
      expect(chances.of('cp-plan')).to.be.greaterThan(0.8);
    });

    it('are all 0, with no likeliest entry, when the question shares no word with the content', () => {
      const chances = profiles.chances('xyzzy qwv');
      expect(entries.map((e) => chances.of(e.id))).to.deep.equal([0, 0, 0]);
      expect(chances.likeliest(3)).to.deep.equal([]);
    });

    it('list the likeliest entries in order of chance, ties by id, at most as many as asked', () => {
      const shipped = loadContent().entries;
      const chances = new EntryProfiles(shipped, acronymWords(shipped)).chances('who checks staff before they work with children');
      const sorted = shipped.map((e) => e.id).sort((a, b) => chances.of(b) - chances.of(a) || a.localeCompare(b));
      for (const n of [1, 5, 12]) expect(chances.likeliest(n)).to.deep.equal(sorted.slice(0, n));
      expect(chances.likeliest(shipped.length + 3)).to.deep.equal(sorted);
    });

    it('are the same read together with the profile closeness (as the search reads them) as read alone', () => {
      for (const q of ['who coordinates support round a family', 'pedagouge', 'xyzzy qwv']) {
        const both = profiles.closeness(q);
        expect([...both.similarities]).to.deep.equal([...profiles.similarities(q)]);
        expect(entries.map((e) => both.chances.of(e.id))).to.deep.equal(entries.map((e) => profiles.chances(q).of(e.id)));
      }
    });

    it('are exactly the same after being saved as JSON and loaded', () => {
      const asJson = JSON.parse(JSON.stringify(encodeTypedArrays(profiles.save('hash')))) as unknown;
      const loaded = EntryProfiles.load(decodeTypedArrays(asJson) as SavedEntryProfiles, entries, new Set(['caf']));
      for (const q of ['someone who pulls all the services together for a family', 'whats a caf', 'social pedagogy']) {
        expect(entries.map((e) => loaded!.chances(q).of(e.id))).to.deep.equal(entries.map((e) => profiles.chances(q).of(e.id)));
      }
    });

    it('are rebuilt, not skipped, when saved profiles were made before the classifier or its weights are cut short', () => {
      const saved = profiles.save('hash');
      const { bayes: _dropped, ...withoutBayes } = saved.words;
      expect(EntryProfiles.load({ ...saved, words: withoutBayes }, entries, new Set(['caf']))).to.equal(undefined);
      const cutShort = { ...saved, words: { ...saved.words, bayes: { ...saved.words.bayes!, weights: saved.words.bayes!.weights.subarray(1) } } };
      expect(EntryProfiles.load(cutShort, entries, new Set(['caf']))).to.equal(undefined);
    });

    it('weigh every word as the textbook multinomial naive Bayes does, for the shipped content', () => {
      const shipped = loadContent().entries;
      const acronyms = acronymWords(shipped);
      const counter = new ExampleCounter(acronyms);
      const words = shipped.map((e) => counter.of(e).words);
      const vocabulary = new Set(words.flatMap((list) => list.flatMap((v) => [...v.keys()])));
      const built = new EntryProfiles(shipped, acronyms);
      for (const question of ['who pulls the services together round a family', 'lac review', 'what replaced crb checks']) {
        const features = [...new Set(built['questionFeatures'](question).words)].filter((f) => vocabulary.has(f));
        // log P(entry | question) up to a constant: each known feature's smoothed share of the entry's counts, equal priors.
        const logs = words.map((list) => {
          const counts = new Map<string, number>();
          for (const v of list) for (const [f, n] of v) counts.set(f, (counts.get(f) ?? 0) + n);
          const total = [...counts.values()].reduce((a, b) => a + b, 0);
          return features.reduce((sum, f) => sum + Math.log(((counts.get(f) ?? 0) + 0.1) / (total + 0.1 * vocabulary.size)), 0);
        });
        const top = Math.max(...logs);
        const z = logs.reduce((sum, l) => sum + Math.exp(l - top), 0);
        const chances = built.chances(question);
        shipped.forEach((e, i) => expect(chances.of(e.id), `${question} / ${e.id}`).to.be.closeTo(Math.exp(logs[i] - top) / z, 1e-9));
      }
    });
  });
});
