import fs from 'node:fs';
import { ConcernDetector } from '../../bot/features/safeguarding/concernDetector';
import { readConcernModel } from '../../bot/features/safeguarding/concernModel';
import { loadShippedLexicon } from '../../bot/features/safeguarding/compiledLexicon';
import { HELD_BACK_SET_PATH, readLabelledSet, TRAINING_SET_PATH } from '../../bot/features/safeguarding/training/labelledSet';
import { categoryLines, evaluateSet } from '../bot/features/safeguarding/labelledSetEvaluation';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (ns: bigint) => Number(ns) / 1e6;

/**
 * `npm run bench:safeguarding`: recall and false alarms on the held-back set (overall and per
 * category; counts only, never texts), the training cross-validation figures stored with the model,
 * the time to load the lexicon and model, and detection latency p50/p99. Last line: JSON.
 */
function main(): void {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const { lexicon, compiled } = loadShippedLexicon();
  const model = readConcernModel();
  const detector = new ConcernDetector(lexicon, model);
  const loadMs = ms(process.hrtime.bigint() - t0);
  // CPU time as well as wall time: on a shared machine the wall clock also counts time spent waiting for a core.
  const loadCpu = process.cpuUsage(cpu0);
  const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;

  if (!fs.existsSync(HELD_BACK_SET_PATH)) throw new Error(`${HELD_BACK_SET_PATH} is missing: merge the held-back set first`);
  const heldBack = readLabelledSet(HELD_BACK_SET_PATH);
  const training = readLabelledSet(TRAINING_SET_PATH);
  const figures = evaluateSet(heldBack, detector);

  const texts = [...heldBack, ...training].map((e) => e.text);
  for (const text of texts) detector.assess(text);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const text of texts) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      detector.assess(text);
      const cpu = process.cpuUsage(cpuStart);
      times.push(ms(process.hrtime.bigint() - start));
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const cv = model.crossValidation;
  console.log(`held-back set: ${figures.concerns} concerns, ${figures.lookalikes} look-alikes`);
  console.log(
    `  recall ${(figures.recall * 100).toFixed(1)}% (${figures.misses} missed), false alarms ${(figures.falseAlarmRate * 100).toFixed(1)}% (${figures.falseAlarms})`,
  );
  console.log(`  danger-now concerns led with 999: ${figures.immediate.ledWith999} of ${figures.immediate.total}`);
  categoryLines(figures).forEach((line) => console.log(line));
  console.log(
    `training cross-validation (${cv.folds} folds, ${cv.concerns} concerns, ${cv.lookalikes} look-alikes): recall ${(cv.recall * 100).toFixed(1)}%, false alarms ${(cv.falseAlarmRate * 100).toFixed(1)}%, threshold ${model.threshold}`,
  );
  console.log(
    `load ${loadMs.toFixed(1)} ms (CPU ${loadCpuMs.toFixed(1)} ms, lexicon ${compiled ? 'compiled' : 'from YAML: run npm run train:safeguarding'}); detection p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms (CPU p50 ${percentile(cpuTimes, 50).toFixed(3)}, p99 ${percentile(cpuTimes, 99).toFixed(3)} ms) over ${times.length} messages`,
  );
  const byCategory = Object.fromEntries(
    Object.entries(figures.byCategory).map(([c, f]) => [
      c,
      {
        recall: f.concerns ? round(f.flagged / f.concerns) : null,
        concerns: f.concerns,
        falseAlarmRate: f.lookalikes ? round(f.falseAlarms / f.lookalikes) : null,
        lookalikes: f.lookalikes,
      },
    ]),
  );
  console.log(
    JSON.stringify({
      heldBack: {
        concerns: figures.concerns,
        lookalikes: figures.lookalikes,
        recall: round(figures.recall),
        falseAlarmRate: round(figures.falseAlarmRate),
        misses: figures.misses,
        falseAlarms: figures.falseAlarms,
        immediateLedWith999: figures.immediate.ledWith999,
        immediate: figures.immediate.total,
        byCategory,
      },
      trainingCrossValidation: { folds: cv.folds, recall: cv.recall, falseAlarmRate: cv.falseAlarmRate, threshold: model.threshold },
      loadMs: round(loadMs),
      loadCpuMs: round(loadCpuMs),
      lexiconCompiled: compiled,
      detectionMs: { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) },
      detectionCpuMs: { p50: round(percentile(cpuTimes, 50)), p99: round(percentile(cpuTimes, 99)) },
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();
