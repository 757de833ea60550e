import { expect } from 'chai';
import { cleanMessageText } from '../../../../bot/features/answers/cleanMessageText';

describe('cleanMessageText', () => {
  it('removes Teams mentions and markup', () => {
    expect(cleanMessageText('<at>Workforce Assistant</at> what is <b>TAC</b>&nbsp;?')).to.equal('what is TAC ?');
  });
  it('decodes entities and folds whitespace', () => {
    expect(cleanMessageText('  Tom &amp; Jerry\n\n\tare   here ')).to.equal('Tom & Jerry are here');
  });
  it('returns nothing for nothing', () => {
    expect(cleanMessageText(undefined)).to.equal('');
    expect(cleanMessageText('   ')).to.equal('');
  });
  it('drops control and zero-width characters', () => {
    expect(cleanMessageText('ca\u200Bf\u0007')).to.equal('ca f');
  });
});
