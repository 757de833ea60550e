import { expect } from 'chai';
import {
  ACTIVITY_BUDGET_BYTES,
  fitActivity,
  fitInvokeResponse,
  serialisedBytes,
  TEAMS_MESSAGE_LIMIT_BYTES,
  truncateToBytes,
} from '../../../../bot/platform/delivery/messageSize';

const bigCard = (text: string) => ({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }], fallbackText: text },
    },
  ],
});

describe('message size guard', () => {
  it('leaves a message under the budget alone', () => {
    const activity = bigCard('short');
    expect(fitActivity(activity)).to.deep.equal({ activity, shortened: false });
  });

  it('shortens an oversized card to its plain text, under the limit, saying so', () => {
    const fitted = fitActivity(bigCard('word '.repeat(12000)));
    expect(fitted.shortened).to.equal(true);
    expect(serialisedBytes(fitted.activity)).to.be.at.most(ACTIVITY_BUDGET_BYTES);
    expect(fitted.activity.attachments).to.equal(undefined);
    expect(fitted.activity.text)
      .to.match(/^word word/)
      .and.match(/too long for Teams/);
  });

  it('counts bytes, not characters, and survives text that JSON escapes heavily', () => {
    for (const unit of ['\u00e9\u00e8 ', '\u{1F600}', '"\\\n', '<>&']) {
      const fitted = fitActivity({ type: 'message', text: unit.repeat(20000) });
      expect(serialisedBytes(fitted.activity), JSON.stringify(unit)).to.be.below(TEAMS_MESSAGE_LIMIT_BYTES);
    }
  });

  it('cuts text to a byte length at a word boundary', () => {
    const cut = truncateToBytes('alpha beta gamma delta', 14);
    expect(Buffer.byteLength(cut)).to.be.at.most(14);
    expect(cut).to.equal('alpha beta\u2026');
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
