import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Answers "did you mean" and "don't know" questions in a fresh process; prints whether compromise was loaded before and after recording the gaps. */
const SCRIPT = `
const { QuestionAnswerer } = require('./bot/features/answers/questionAnswerer');
const { KnowledgeSearch } = require('./knowledge/knowledgeSearch');
const { InMemoryFeedbackLog } = require('./bot/platform/store/feedbackLog');
const { shippedKnowledgeBase, fixedClock } = require('./tests/helpers/testServices');
const loaded = () => Object.keys(require.cache).some((k) => k.includes('node_modules/compromise/'));
const log = new InMemoryFeedbackLog();
const answerer = new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase()), log, fixedClock);
(async () => {
  const kinds = [];
  for (const q of ['local workforce strategy', 'what did Sarah Jones say about quantum physics']) kinds.push((await answerer.answer(q, 'test')).kind);
  console.log(JSON.stringify({ kinds, loaded: loaded() }));
  await answerer.recordGaps();
  console.log(JSON.stringify({ loaded: loaded(), gaps: log.unanswered.map((u) => u.question) }));
})();
`;

describe('QuestionAnswerer.answer replies without looking for names', function () {
  this.timeout(60000);

  it('leaves the name finder unloaded until the gaps are recorded, after the reply, and then scrubs them', () => {
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    const [afterReplies, afterRecording] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(afterReplies, run.stderr).to.deep.equal({ kinds: ['suggest', 'unknown'], loaded: false });
    expect(run.status, run.stderr).to.equal(0);
    expect(afterRecording).to.deep.equal({ loaded: true, gaps: ['local workforce strategy', 'what did [name] say about quantum physics'] });
  });
});
