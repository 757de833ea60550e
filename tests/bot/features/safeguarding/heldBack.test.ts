import fs from 'node:fs';
import { expect } from 'chai';
import { defaultConcernDetector } from '../../../../bot/features/safeguarding/concernDetector';
import { HELD_BACK_SET_PATH, readLabelledSet } from '../../../../bot/features/safeguarding/training/labelledSet';
import { categoryLines, evaluateSet } from './labelledSetEvaluation';

/**
 * The promise that matters most, measured on phrasings the detector was never trained or tuned on
 * (written by someone else before the classifier). Only counts are reported, never the texts, and
 * a missing file fails: a skipped check would look like a kept promise.
 */
describe('safeguarding detector on the held-back phrasings', () => {
  it('has the held-back set to measure against', () => {
    expect(fs.existsSync(HELD_BACK_SET_PATH), `${HELD_BACK_SET_PATH} is missing`).to.equal(true);
  });

  it('flags at least 99% of held-back concerns and at most 5% of held-back look-alikes', () => {
    const figures = evaluateSet(readLabelledSet(HELD_BACK_SET_PATH), defaultConcernDetector());
    const report = [
      `recall ${(figures.recall * 100).toFixed(1)}% (${figures.misses} missed of ${figures.concerns})`,
      `false alarms ${(figures.falseAlarmRate * 100).toFixed(1)}% (${figures.falseAlarms} of ${figures.lookalikes})`,
      ...categoryLines(figures),
    ].join('\n');
    expect(figures.concerns, 'held-back concerns').to.be.at.least(150);
    expect(figures.lookalikes, 'held-back look-alikes').to.be.at.least(100);
    expect(figures.recall, report).to.be.at.least(0.99);
    expect(figures.falseAlarmRate, report).to.be.at.most(0.05);
  });
});
