import fs from 'node:fs';
import { writeCompiledLexicon } from '../../features/safeguarding/compiledLexicon';
import path from 'node:path';
import { projectRoot } from '../../../knowledge/projectRoot';
import { loadLexiconOrThrow } from '../../../knowledge/safeguarding/lexiconFile';
import { DEFAULT_MODEL_PATH } from '../../features/safeguarding/concernModel';
import { concernWords } from '../../features/safeguarding/concernText';
import { Lexicon } from '../../features/safeguarding/lexicon';
import { readLabelledSet, TRAINING_SET_PATH } from '../../features/safeguarding/training/labelledSet';
import { summarise, trainConcernModel } from '../../features/safeguarding/training/trainConcernModel';

/** Share of cross-validated training concerns that must be flagged: recall comes first. */
const RECALL_TARGET = 0.995;
const FOLDS = 10;

/** Words from the knowledge base, the training catalogue and the pulse templates: real words the speller must leave alone. */
function knowledgeWords(): Set<string> {
  const root = projectRoot();
  const dirs = [path.join(root, 'knowledge', 'content'), path.join(root, 'knowledge', 'training'), path.join(root, 'knowledge', 'surveys', 'templates')];
  const words = new Set<string>();
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => /\.(md|ya?ml)$/.test(f))) {
      for (const w of concernWords(fs.readFileSync(path.join(dir, file), 'utf8'))) words.add(w);
    }
  }
  return words;
}

/**
 * `npm run train:safeguarding [-- --out FILE]`: cross-validates the concern classifier on the
 * team's training set (never the held-back set), chooses the threshold for recall, fits the final
 * model on the whole training set and writes it where the bot loads it. Prints the cross-validation
 * figures, then one JSON line.
 */
function main(argv: string[]): void {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : DEFAULT_MODEL_PATH;
  const started = Date.now();
  const examples = readLabelledSet(TRAINING_SET_PATH);
  const lexicon = new Lexicon(loadLexiconOrThrow());
  const { model, outOfFold } = trainConcernModel(examples, { lexicon, knownWords: knowledgeWords(), recallTarget: RECALL_TARGET, folds: FOLDS });
  fs.writeFileSync(out, `${JSON.stringify(model)}\n`);
  // The lexicon the model was trained with, compiled, so start-up need not parse the YAML.
  if (outIndex < 0) writeCompiledLexicon();

  const cv = model.crossValidation;
  const lexiconOnly = summarise(outOfFold, 2, FOLDS);
  console.log(`training set: ${cv.concerns} concerns, ${cv.lookalikes} look-alikes (${path.relative(process.cwd(), TRAINING_SET_PATH)})`);
  console.log(
    `${FOLDS}-fold cross-validation at threshold ${model.threshold}: recall ${(cv.recall * 100).toFixed(1)}%, false alarms ${(cv.falseAlarmRate * 100).toFixed(1)}%`,
  );
  console.log(`  lexicon alone: recall ${(lexiconOnly.recall * 100).toFixed(1)}%, false alarms ${(lexiconOnly.falseAlarmRate * 100).toFixed(1)}%`);
  for (const [category, recall] of Object.entries(cv.recallByCategory)) console.log(`  ${category.padEnd(26)} recall ${(recall * 100).toFixed(1)}%`);
  console.log(
    `model: ${Object.keys(model.weights).length} weights, ${model.targets.length} spelling targets, written to ${path.relative(process.cwd(), out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    JSON.stringify({
      threshold: model.threshold,
      cvRecall: cv.recall,
      cvFalseAlarmRate: cv.falseAlarmRate,
      lexiconOnlyRecall: lexiconOnly.recall,
      lexiconOnlyFalseAlarmRate: lexiconOnly.falseAlarmRate,
      folds: FOLDS,
      concerns: cv.concerns,
      lookalikes: cv.lookalikes,
      weights: Object.keys(model.weights).length,
    }),
  );
}

main(process.argv.slice(2));
