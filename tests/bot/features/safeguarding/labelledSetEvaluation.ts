import type { ConcernDetector } from '../../../../bot/features/safeguarding/concernDetector';
import type { LabelledExample } from '../../../../bot/features/safeguarding/training/labelledSet';

/** Counts for one category: concerns flagged, and look-alikes that raised a false alarm. */
export interface CategoryFigures {
  concerns: number;
  flagged: number;
  lookalikes: number;
  falseAlarms: number;
}

/**
 * How a detector does on a labelled set, as counts and rates only: it never returns the texts, so
 * a report on the held-back set cannot leak them into anyone's tuning.
 */
export interface SetFigures {
  concerns: number;
  lookalikes: number;
  recall: number;
  falseAlarmRate: number;
  misses: number;
  falseAlarms: number;
  /** Concerns marked immediate, and how many of those got the 999-first card. */
  immediate: { total: number; ledWith999: number };
  byCategory: Record<string, CategoryFigures>;
}

/** Assesses every phrasing of a labelled set and counts what was flagged. */
export function evaluateSet(examples: readonly LabelledExample[], detector: Pick<ConcernDetector, 'assess'>): SetFigures {
  const byCategory: Record<string, CategoryFigures> = {};
  let flaggedConcerns = 0;
  let falseAlarms = 0;
  const immediate = { total: 0, ledWith999: 0 };
  for (const example of examples) {
    const figures = (byCategory[example.category] ??= { concerns: 0, flagged: 0, lookalikes: 0, falseAlarms: 0 });
    const assessment = detector.assess(example.text);
    if (example.label === 'concern') {
      figures.concerns++;
      if (assessment.concern) {
        figures.flagged++;
        flaggedConcerns++;
      }
      if (example.immediate) {
        immediate.total++;
        if (assessment.immediate) immediate.ledWith999++;
      }
    } else {
      figures.lookalikes++;
      if (assessment.concern) {
        figures.falseAlarms++;
        falseAlarms++;
      }
    }
  }
  const concerns = examples.filter((e) => e.label === 'concern').length;
  const lookalikes = examples.length - concerns;
  return {
    concerns,
    lookalikes,
    recall: concerns ? flaggedConcerns / concerns : 0,
    falseAlarmRate: lookalikes ? falseAlarms / lookalikes : 0,
    misses: concerns - flaggedConcerns,
    falseAlarms,
    immediate,
    byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** One line per category with its counts, for reports. */
export function categoryLines(figures: SetFigures): string[] {
  return Object.entries(figures.byCategory).map(([category, f]) => {
    const recall = f.concerns ? `recall ${f.flagged}/${f.concerns}` : '';
    const alarms = f.lookalikes ? `false alarms ${f.falseAlarms}/${f.lookalikes}` : '';
    return `  ${category.padEnd(26)} ${[recall, alarms].filter(Boolean).join(', ')}`;
  });
}
