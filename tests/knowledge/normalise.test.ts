import { expect } from 'chai';
import { acronymWords, keyTerms, normaliseText, stem, words } from '../../knowledge/normalise';

describe('normalise', () => {
  const cases: [string, string][] = [
    ['Whats a CAF?', 'what a caf'],
    ['wot r u', 'what are you'],
    ['t.a.c and Y.O.T. workers, e.g. here', 'tac and yot workers eg here'],
    ['whos the lp', 'who the lp'],
    ['Oxon and Leics and the Toon', 'oxfordshire and leicestershire and the newcastle'],
    ['What\u2019s the LP role', 'what the lp role'],
    ['organization behavior', 'organisation behaviour'],
    ['C&F and CYP&F', 'cf and cypf'],
    ['the children\u2019s trust', 'the children trust'],
    ['  lots   of\tspace ', 'lots of space'],
    ['<b>bold</b> *stars*', 'b bold b stars'],
    ['realize prize', 'realise prize'],
    ['excellent in their practise', 'excellent in their practice'],
  ];
  for (const [input, expected] of cases) {
    it(`folds "${input}"`, () => expect(normaliseText(input)).to.equal(expected));
  }

  it('drops question framing and stop words, and stems what is left', () => {
    expect(keyTerms('whats the meaning of CAFs')).to.deep.equal(['caf']);
    expect(keyTerms('What are the six areas of the Common Core?')).to.deep.equal(['6', 'area', 'common', 'core']);
    expect(keyTerms('3rd area')).to.deep.equal(['3', 'area']);
  });

  it('treats irregular plurals as their singular', () => {
    expect(stem('children')).to.equal(stem('child'));
    expect(stem('people')).to.equal(stem('person'));
  });

  it('keeps acronyms whole so YP and YPS stay apart', () => {
    const keep = acronymWords([{ acronyms: ['YP', 'YPS', 'CYPSPE'] }]);
    expect(stem('yps', keep)).to.equal('yps');
    expect(stem('cypspe', keep)).to.equal('cypspe');
    expect(stem('yps')).to.equal('yp');
  });

  it('reads multi-word terms as one term before stemming, so "looked after" is not "look"', () => {
    expect(keyTerms('looked-after children')).to.deep.equal(['lookedafter', 'child']);
    expect(keyTerms('what is a child in need')).to.deep.equal(['childinneed']);
    expect(keyTerms('children in need')).to.deep.equal(['childinneed']);
    expect(keyTerms('looked after children')).to.not.include(stem('look'));
  });

  it('keeps the words of a multi-word term that are not misleading on their own', () => {
    expect(keyTerms('child protection plans')).to.deep.equal(['child', stem('protection'), 'plan', 'childprotectionplan']);
    expect(keyTerms('Sure Start centres')).to.include('surestart');
  });

  it('reads contractions as their words, with or without the apostrophe, so none is taken for a typo', () => {
    expect(normaliseText("kids who've been in care")).to.equal('kids who have been in care');
    expect(normaliseText('kids whove been in care')).to.equal('kids who have been in care');
    expect(normaliseText("they're not, we'll see, it won't, i can't, you didnt")).to.equal('they are not we will see it will not i can not you did not');
  });

  it('reads workplace note-taking shorthand as its words, but leaves "strat" to the strategy discussion social workers mean by it', () => {
    expect(normaliseText('lvl 3 trg for chn')).to.equal('level 3 training for children');
    expect(normaliseText('natl devt prog for cllrs, nxt grp mtg')).to.equal('national development programme for councillors next group meeting');
    expect(normaliseText('who goes to a strat')).to.equal('who goes to a strat');
  });

  it('reads numbers said in words as the digits the content writes', () => {
    expect(normaliseText('twenty twenty strategy')).to.equal('2020 strategy');
    expect(normaliseText('the two thousand and four act')).to.equal('the 2004 act');
    expect(normaliseText('nineteen ninety eight')).to.equal('1998');
    expect(normaliseText('twenty one days')).to.equal('21 days');
    expect(normaliseText('six areas')).to.equal('6 areas');
  });

  it('reads two numbers as a year only after nineteen or twenty, so two ages stay two ages', () => {
    expect(normaliseText('sixteen seventeen year olds')).to.equal('sixteen seventeen year olds');
    expect(normaliseText('year eleven twelve')).to.equal('year eleven twelve');
    expect(normaliseText('twenty ten eleven plan')).to.equal('2010 eleven plan');
    expect(normaliseText('twenty twenty one')).to.equal('2021');
  });

  it('reads co-location as one word, as co-ordination is', () => {
    expect(keyTerms('co-location of services')).to.deep.equal(keyTerms('colocation of services'));
  });

  it('reads "special needs" together, since "needs" alone is question framing', () => {
    expect(keyTerms('special needs')).to.include('specialneed');
  });

  it('returns no words for punctuation and emoji', () => {
    expect(words('?!? \u{1F600}')).to.deep.equal([]);
  });
});
