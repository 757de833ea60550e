import { expect } from 'chai';
import { matchesAt, parsePhrase, PhraseSyntaxError } from '../../../knowledge/safeguarding/phrasePattern';

const matches = (phrase: string, text: string) => {
  const nodes = parsePhrase(phrase);
  const words = text.split(' ');
  return words.some((_, i) => matchesAt(nodes, words, i));
};

describe('lexicon phrases', () => {
  const cases: [string, string, boolean][] = [
    ['black eye', 'he had a black eye again', true],
    ['black eye', 'black eyed peas', false],
    ['bruis*', 'she is bruised', true],
    ['(dad|mum) (hit*|kicked) (him|her)', 'her mum kicked her', true],
    ['(dad|mum) (hit*|kicked) (him|her)', 'dad kicked the ball', false],
    ['left (the )?baby alone', 'mum left baby alone', true],
    ['left (the)? baby alone', 'mum left the baby alone', true],
    ['told me ... hurt*', 'she told me that her brother hurts her', true],
    ['told me ... hurt*', 'she told me one two three four five hurt', false],
    ['# year old', 'a 14 year old', true],
    ['# year old', 'a fourteen year old', false],
  ];
  for (const [phrase, text, expected] of cases) {
    it(`"${phrase}" ${expected ? 'matches' : 'does not match'} "${text}"`, () => expect(matches(phrase, text)).to.equal(expected));
  }

  for (const bad of ['(a|b', 'a)', 'a ?', '... a', "they'll", '(a|)']) {
    it(`refuses "${bad}"`, () => expect(() => parsePhrase(bad)).to.throw(PhraseSyntaxError));
  }
});
