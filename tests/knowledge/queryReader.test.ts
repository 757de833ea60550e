import { expect } from 'chai';
import lunr from 'lunr';
import { documentFrequencies } from '../../knowledge/lunrInternals';
import { indexTerms } from '../../knowledge/normalise';
import { QueryReader } from '../../knowledge/queryReader';

describe('QueryReader', () => {
  const texts = [
    'Safeguarding training for the multi-agency workforce',
    'The key worker and the keyworker role',
    'Common Assessment Framework (CAF) for early help',
  ];
  const acronyms = new Set(['caf', 'glf', 'bvpi', 'cafcass']);
  const index = lunr(function build() {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('body');
    texts.forEach((t, i) => this.add({ id: String(i), body: [...indexTerms(t, acronyms), 'glf', 'bvpi', 'cafcass', 'ca'].join(' ') }));
  });
  const df = documentFrequencies(index);
  const pairs = new Set(
    texts.flatMap((t) => {
      const terms = indexTerms(t, acronyms);
      return terms.slice(1).map((term, i) => `${terms[i]} ${term}`);
    }),
  );
  const reader = new QueryReader(index, df, acronyms, pairs);
  const read = (q: string) => reader.read(q).map((t) => t.term);

  it('splits words run together into known words', () => {
    expect(read('multiagency')).to.deep.equal(['multi', 'agenc']);
    expect(read('safeguardingtraining')).to.deep.equal(['safeguard', 'train']);
    expect(reader.read('multiagency').every((t) => t.rejoined)).to.equal(true);
  });

  it('splits a phrase run together, framing words and all', () => {
    expect(read('keyworkertraining')).to.deep.equal(['keywork', 'train']);
  });

  it('joins words typed apart when the content writes them as one', () => {
    expect(read('safe guarding')).to.deep.equal(['safeguard']);
    expect(read('work force')).to.deep.equal(['workforc']);
  });

  it('keeps two words apart when the content also uses them as a pair', () => {
    expect(read('key worker')).to.deep.equal(['key', 'worker']);
  });

  it('repairs typos against the index vocabulary', () => {
    const [term] = reader.read('safegaurding');
    expect(term).to.deep.include({ term: 'safeguard', corrected: true, known: true });
  });

  it('does not read an everyday word as an acronym with a letter added or dropped ("golf" is not GLF)', () => {
    expect(reader.read('golf')).to.deep.equal([{ term: 'golf', corrected: false, known: false }]);
    expect(reader.read('bvip')[0]).to.deep.include({ term: 'bvpi', corrected: true });
    expect(reader.read('bvpu')[0]).to.deep.include({ term: 'bvpu', known: false });
  });

  it('marks a typo only the alternate questions write ("famly") as standing for the word it is near', () => {
    const typoIndex = lunr(function build() {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('body');
      this.field('questions');
      this.add({ id: '0', body: indexTerms('family group conference').join(' '), questions: 'famli' });
    });
    const typoReader = new QueryReader(typoIndex, documentFrequencies(typoIndex), new Set(), new Set(), new Set(['famli']));
    expect(typoReader.read('famly')).to.deep.equal([
      { term: 'famli', corrected: false, known: true, standsFor: 'famili' },
      { term: 'famili', corrected: true, known: true },
    ]);
  });

  it('reads a near spelling of a long acronym as that acronym rather than splitting it ("cafcas" is not CAF + "ca")', () => {
    expect(reader.read('cafcas')).to.deep.equal([{ term: 'cafcass', corrected: true, known: true }]);
  });

  describe('a word the content never writes, whose stem it knows ("leed" is Leeds stemmed)', () => {
    const placeTexts = ['The lead professional coordinates support for a family', 'Restorative practice across Leeds', 'Practice lead for the team'];
    const placeIndex = lunr(function build() {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('body');
      placeTexts.forEach((t, i) => this.add({ id: String(i), body: indexTerms(t).join(' ') }));
    });
    const placePairs = new Set(
      placeTexts.flatMap((t) => {
        const terms = indexTerms(t);
        return terms.slice(1).map((term, i) => `${terms[i]} ${term}`);
      }),
    );
    const written = new Set(placeTexts.flatMap((t) => t.toLowerCase().split(/\W+/)));
    const placeReader = new QueryReader(placeIndex, documentFrequencies(placeIndex), new Set(), placePairs, new Set(), written);

    it('is read as the near term it pairs with its neighbour as the content does ("leed professional" is the lead professional)', () => {
      expect(placeReader.read('leed professional')[0]).to.deep.include({ term: 'lead', corrected: true });
    });

    it('keeps a word the content writes, and one with no telling neighbour', () => {
      expect(placeReader.read('restorative practice in leeds').map((t) => t.term)).to.include('leed');
      expect(placeReader.read('leed')[0]).to.deep.include({ term: 'leed', corrected: false });
    });
  });

  describe('a word running letters and a number together', () => {
    const numbered = ['NVQ level 3 in children and young people', 'Working Together 2018', 'Key stage 2 (KS2)'];
    const numberedAcronyms = new Set(['nvq', 'ks2']);
    const numberedIndex = lunr(function build() {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('body');
      numbered.forEach((t, i) => this.add({ id: String(i), body: indexTerms(t, numberedAcronyms).join(' ') }));
    });
    const numberedReader = new QueryReader(numberedIndex, documentFrequencies(numberedIndex), numberedAcronyms, new Set());

    it('is read as its two runs when the index does not know it ("nvq3" is NVQ 3, "wt2018" keeps 2018)', () => {
      expect(numberedReader.read('nvq3').map((t) => t.term)).to.deep.equal(['nvq', '3']);
      expect(numberedReader.read('nvq3').every((t) => t.rejoined)).to.equal(true);
      expect(numberedReader.read('wt2018')).to.deep.include({ term: '2018', corrected: false, known: true, rejoined: true });
      expect(numberedReader.read('2018wt').map((t) => t.term)).to.include('2018');
    });

    it('stays whole when the index knows it, and an ordinal keeps its ending ("ks2", "21st")', () => {
      expect(numberedReader.read('ks2').map((t) => t.term)).to.deep.equal(['ks2']);
      expect(numberedReader.read('21st').map((t) => t.term)).to.not.include('st');
    });
  });

  it('marks words the knowledge base has never seen', () => {
    expect(reader.read('zebra')).to.deep.equal([{ term: 'zebra', corrected: false, known: false }]);
  });
});
