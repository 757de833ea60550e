import { expect } from 'chai';
import { activityReportsConcern, emptyConcernTexts, submittedTexts } from '../../../../bot/features/safeguarding/submittedTexts';

const isConcern = (text: string) => text.includes('hits');

describe('submitted free text', () => {
  it('finds free text however deep, but not verbs or ids', () => {
    expect(submittedTexts({ verb: 'pulse.submit', surveyId: 'abc def', 'q.comment': 'dad hits him', nested: [{ note: 'more words' }] })).to.deep.equal([
      'dad hits him',
      'more words',
    ]);
  });

  it('empties only the values that report a concern, in place, and counts them', () => {
    const data = { verb: 'dad hits him', 'q.comment': 'dad hits him', 'q.rating': '4', other: 'fine', list: [{ deep: 'mum hits her' }] };
    expect(emptyConcernTexts(data, isConcern)).to.equal(2);
    expect(data).to.deep.equal({ verb: 'dad hits him', 'q.comment': '', 'q.rating': '4', other: 'fine', list: [{ deep: '' }] });
  });

  it('says whether a message or its card values report a concern', () => {
    expect(activityReportsConcern({ text: 'dad hits him' }, isConcern)).to.equal(true);
    expect(activityReportsConcern({ value: { comment: 'dad hits him' } }, isConcern)).to.equal(true);
    expect(activityReportsConcern({ text: 'what is the LADO', value: { comment: 'fine' } }, isConcern)).to.equal(false);
  });
});
