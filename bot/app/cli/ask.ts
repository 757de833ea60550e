import readline from 'node:readline';
import { DateTime } from 'luxon';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { loadOrBuildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { replyAsText } from '../../../dialogs/safeguarding/concernFollowUp';
import { toAnswerJson } from '../../../dialogs/glossary/answerJson';
import { InMemoryFeedbackLog } from '../../platform/store/feedbackLog';
import { QuestionAnswerer } from '../../features/answers/questionAnswerer';
import { ConfigError, loadConfig } from '../../platform/config';

const USAGE = `Usage:
  npm run ask -- "what is TAC"            print the answer as the bot would give it
  npm run ask -- --json "what is TAC"     print one JSON object
  npm run ask -- --jsonl < questions      read {"q": "..."} lines, write one JSON object per line
Options: --authority <council>            rank that council's own entries first (as AUTHORITY does)`;

/** `npm run ask`: answers questions from the terminal with the same engine the bot uses. */
async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a === '--json' || a === '--jsonl' || a === '--help'));
  const authorityAt = argv.indexOf('--authority');
  const env = { ...process.env };
  if (authorityAt >= 0) env.AUTHORITY = argv[authorityAt + 1] ?? '';
  const question = argv
    .filter((a, i) => !a.startsWith('--') && (authorityAt < 0 || i !== authorityAt + 1))
    .join(' ')
    .trim();
  if (flags.has('--help') || (!question && !flags.has('--jsonl'))) {
    console.log(USAGE);
    return flags.has('--help') ? 0 : 2;
  }
  const config = loadConfig(env);
  const { kb } = loadOrBuildKnowledgeBase();
  const answerer = new QuestionAnswerer(new KnowledgeSearch(kb, { authority: config.authority }), new InMemoryFeedbackLog(), () => DateTime.now());

  if (flags.has('--jsonl')) {
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      let q: unknown;
      try {
        q = (JSON.parse(line) as { q?: unknown }).q;
      } catch {
        q = undefined;
      }
      if (typeof q !== 'string') {
        console.log(JSON.stringify({ error: `line ${lineNumber}: expected {"q": "..."}` }));
        continue;
      }
      console.log(JSON.stringify(toAnswerJson(await answerer.answer(q, 'cli'), config)));
    }
    await answerer.recordGaps();
    return 0;
  }
  const reply = await answerer.answer(question, 'cli');
  await answerer.recordGaps();
  if (flags.has('--json')) console.log(JSON.stringify(toAnswerJson(reply, config)));
  else console.log(replyAsText(reply, 'submit', config));
  return 0;
}

main(process.argv.slice(2))
  .then((code) => (process.exitCode = code))
  .catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exitCode = 1;
  });
