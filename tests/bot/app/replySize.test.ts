import { expect } from 'chai';
import { fitActivity, fitInvokeResponse } from '../../../bot/app/replySize';
import { ACTIVITY_BUDGET_BYTES, serialisedBytes } from '../../../bot/platform/delivery/messageSize';

describe('reply size guard', () => {
  it('shortens an oversized reply activity to its plain text, keeping its other fields', () => {
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { fallbackText: 'word '.repeat(12000) } };
    const fitted = fitActivity({ type: 'message', replyToId: 'r1', attachments: [card] });
    expect(fitted.shortened).to.equal(true);
    expect(serialisedBytes(fitted.activity)).to.be.at.most(ACTIVITY_BUDGET_BYTES);
    expect(fitted.activity).to.include({ type: 'message', replyToId: 'r1', textFormat: 'plain' });
    expect(fitted.activity.attachments).to.equal(undefined);
    expect(fitted.activity.text).to.match(/^word word/);
  });

  it('turns an oversized invoke answer into a short message of the right shape', () => {
    const huge = 'x'.repeat(40000);
    const card = fitInvokeResponse('adaptiveCard/action', {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { text: huge } },
    });
    expect(card.body).to.deep.include({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const search = fitInvokeResponse('composeExtension/query', {
      status: 200,
      body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: Array.from({ length: 10 }, () => ({ content: 'y'.repeat(5000) })) } },
    });
    expect(serialisedBytes(search.body)).to.be.at.most(ACTIVITY_BUDGET_BYTES);
    expect((search.body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments.length).to.be.within(1, 9);
  });
});
