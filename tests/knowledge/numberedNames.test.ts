import { expect } from 'chai';
import { numbersPlacedAsInName } from '../../knowledge/numberedNames';

describe('numbersPlacedAsInName', () => {
  const name = ['common', 'core', 'area', '3'];

  it('accepts the number after the word it numbers, wherever the rest of the name is', () => {
    expect(numbersPlacedAsInName(['common', 'core', 'area', '3'], name, 'common core area 3')).to.equal(true);
    expect(numbersPlacedAsInName(['area', '3', 'common', 'core'], name, 'area 3 of the common core')).to.equal(true);
  });

  it('accepts an ordinal before the word it numbers', () => {
    expect(numbersPlacedAsInName(['3', 'area', 'common', 'core'], name, '3rd area of the common core')).to.equal(true);
    expect(numbersPlacedAsInName(['3', 'area', 'common', 'core'], name, 'the third area of the common core')).to.equal(true);
  });

  it('does not read a count as the number of a name ("6 areas" is not area 6)', () => {
    const six = ['common', 'core', 'area', '6'];
    expect(numbersPlacedAsInName(['6', 'area', 'common', 'core'], six, 'the 6 areas of the common core')).to.equal(false);
    expect(numbersPlacedAsInName(['common', 'core', '6', 'area'], six, 'common core 6 areas')).to.equal(false);
  });

  it('keeps a number that starts a name before the name’s next word', () => {
    expect(numbersPlacedAsInName(['2020', 'workforc', 'strategi'], ['2020', 'workforc', 'strategi'], '2020 workforce strategy')).to.equal(true);
    expect(numbersPlacedAsInName(['workforc', 'strategi', '2020'], ['2020', 'workforc', 'strategi'], 'workforce strategy 2020')).to.equal(false);
  });

  it('accepts a name with no number', () => {
    expect(numbersPlacedAsInName(['core', 'common'], ['common', 'core'], 'core common')).to.equal(true);
  });
});
