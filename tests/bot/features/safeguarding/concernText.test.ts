import { expect } from 'chai';
import { concernWords } from '../../../../bot/features/safeguarding/concernText';
import { Speller } from '../../../../bot/features/safeguarding/speller';

describe('concernWords', () => {
  const cases: [string, string][] = [
    ['She\u2019s SCARED of her Step Dad', 'she is scared of her stepdad'],
    ['im rly worryed bout a kid', 'i am really worried about a kid'],
    ['hes been abuzed n negleckt', 'he is been abused and neglect'],
    ['my 14yo on caseload', 'my 14 year old on caseload'],
    ['a 9 y/o and a 15 yr old', 'a 9 year old and a 15 year old'],
    ['girl in yr9 told me', 'girl in year 9 told me'],
    ['sum1 sent her bf pics cos she was scared', 'someone sent her boyfriend pictures because she was scared'],
    ['she sed she wants 2 die', 'she said she wants to die'],
    ['he has 2 phones', 'he has 2 phones'],
    ['sooooo worrieddddd', 'soo worriedd'],
    ['the child\u2019s mum', 'the child mum'],
    ['Na\u00efve caf\u00e9 <at>Bot</at>', 'naive cafe at bot at'],
  ];
  for (const [raw, expected] of cases) {
    it(`reads "${raw}" as "${expected}"`, () => expect(concernWords(raw).join(' ')).to.equal(expected));
  }

  it('with a speller, puts right letters typed over and over', () => {
    const speller = new Speller(['so'], ['worried']);
    expect(concernWords('sooooo worrieddddd', speller).join(' ')).to.equal('so worried');
  });
});

describe('Speller', () => {
  const speller = new Speller(['rapid', 'discloses', 'beaten'], ['bruises', 'neglect', 'suicidal', 'groomed', 'raped', 'disclosed', 'threatened']);

  const fixes: [string, string][] = [
    ['bruses', 'bruises'],
    ['brusies', 'bruises'],
    ['negelct', 'neglect'],
    ['negleckt', 'neglect'],
    ['suicdal', 'suicidal'],
    ['groomd', 'groomed'],
    ['threatend', 'threatened'],
  ];
  for (const [slip, word] of fixes) it(`corrects "${slip}" to "${word}"`, () => expect(speller.correct(slip)).to.equal(word));

  it('never changes a word it knows, or a word that only ends differently', () => {
    expect(speller.correct('rapid')).to.equal('rapid');
    expect(speller.correct('discloses')).to.equal('discloses');
    expect(speller.correct('beaten')).to.equal('beaten');
    expect(speller.correct('raced')).to.equal('raced');
  });

  it('leaves short words and numbers alone', () => {
    expect(speller.correct('hitt')).to.equal('hitt');
    expect(speller.correct('2024')).to.equal('2024');
  });
});
