import { expect } from 'chai';
import { ACTIVITY_BUDGET_BYTES, fitMessage, serialisedBytes, TEAMS_MESSAGE_LIMIT_BYTES, truncateToBytes } from '../../../../bot/platform/delivery/messageSize';
import { toActivity } from '../../../../bot/platform/delivery/connectorSender';

const bigCard = (text: string) => ({
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }], fallbackText: text },
    },
  ],
});

describe('message size guard', () => {
  it('leaves a message under the budget alone', () => {
    const message = bigCard('short');
    expect(fitMessage(message)).to.deep.equal({ message, shortened: false });
  });

  it('shortens an oversized card to its plain text, under the limit as sent, saying so', () => {
    const fitted = fitMessage({ ...bigCard('word '.repeat(12000)), summary: 'A long one' });
    expect(fitted.shortened).to.equal(true);
    expect(serialisedBytes(toActivity(fitted.message))).to.be.at.most(ACTIVITY_BUDGET_BYTES);
    expect(fitted.message).to.include({ summary: 'A long one', textFormat: 'plain' });
    expect(fitted.message.attachments).to.equal(undefined);
    expect(fitted.message.text)
      .to.match(/^word word/)
      .and.match(/too long for Teams/);
  });

  it('measures a message with the activity type the sender adds, as it did when renderers built activities', () => {
    const padding = serialisedBytes({ type: 'message', text: '' });
    const justOver = { text: 'x'.repeat(ACTIVITY_BUDGET_BYTES - padding + 1) };
    expect(serialisedBytes(justOver)).to.be.at.most(ACTIVITY_BUDGET_BYTES);
    expect(fitMessage(justOver).shortened).to.equal(true);
    expect(fitMessage({ text: 'x'.repeat(ACTIVITY_BUDGET_BYTES - padding) }).shortened).to.equal(false);
  });

  it('counts bytes, not characters, and survives text that JSON escapes heavily', () => {
    for (const unit of ['\u00e9\u00e8 ', '\u{1F600}', '"\\\n', '<>&']) {
      const fitted = fitMessage({ text: unit.repeat(20000) });
      expect(serialisedBytes(toActivity(fitted.message)), JSON.stringify(unit)).to.be.below(TEAMS_MESSAGE_LIMIT_BYTES);
    }
  });

  it('cuts text to a byte length at a word boundary', () => {
    const cut = truncateToBytes('alpha beta gamma delta', 14);
    expect(Buffer.byteLength(cut)).to.be.at.most(14);
    expect(cut).to.equal('alpha beta\u2026');
  });
});
