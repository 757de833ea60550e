import { expect } from 'chai';
import { formList, formText } from '../../../../bot/platform/forms/formValues';

describe('form values', () => {
  it('reads text trimmed, a number as its digits, and anything else as empty', () => {
    expect(formText('  Melton ')).to.equal('Melton');
    expect(formText(7)).to.equal('7');
    expect([formText(undefined), formText(null), formText({ a: 1 }), formText(['x'])]).to.deep.equal(['', '', '', '']);
  });

  it('reads a multi-select as its items, and nothing chosen as undefined', () => {
    expect(formList('health, youth,,education ')).to.deep.equal(['health', 'youth', 'education']);
    expect(formList('')).to.equal(undefined);
    expect(formList(' , ')).to.equal(undefined);
    expect(formList(undefined)).to.equal(undefined);
  });
});
