import fs from 'node:fs';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { evaluate, figuresOf, loadEvaluationQuestions, TUNING_FILES } from './evaluate';

/**
 * `npx ts-node --transpile-only tests/knowledge/evaluation/tuningMisses.ts`: the tuning split's
 * figures and every miss, for whoever tunes the search. It never reads the held-back file.
 */
function main(): void {
  const files = TUNING_FILES.filter((f) => fs.existsSync(f));
  const report = evaluate(buildKnowledgeBase(), loadEvaluationQuestions(files));
  for (const m of report.misses) console.log(`${m.q}\t→ expected ${m.expected ?? 'nothing'}, got ${m.got}`);
  console.log(JSON.stringify(figuresOf(report)));
}

main();
