import { editDistance } from '../editDistance';
import { keyTerms, keyWords, stem } from '../normalise';
import { labelOf, ROLES, SECTORS } from '../workforce';
import { Course, EVERYONE } from './catalogue';
import { isTrainingFrame } from './trainingQuery';

/** A course and how much of the question's topic it accounts for (0–1). */
export interface CourseScore {
  course: Course;
  coverage: number;
  /** The question holds one of the course's names whole ("apprenticeships", "CAF", "level 3"). */
  named: boolean;
}

/** Where a word is found in a course, and how much that says the course is about it. */
const FIELD_WEIGHTS = { names: 1, tags: 0.8, audience: 0.6, summary: 0.4 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

interface QueryTerm {
  term: string;
  known: boolean;
  corrected: boolean;
}

/** Typo corrections remembered at most. */
const MAX_CORRECTIONS = 5000;

/** A word the catalogue never uses weighs this share of the rarest word it does use. */
const UNKNOWN_WORD = 0.7;

/** A course is a match when it accounts for at least this much of the topic. */
export const MIN_COVERAGE = 0.5;
/** Courses this close to the best one are offered beside it. */
const TIE = 0.1;

/**
 * Finds the courses a question's topic words are about. The catalogue is small, so every course
 * is scored: each word counts by how rare it is across courses and by where the course uses it
 * (its names, tags, audience or summary). Typos are corrected against the catalogue's words.
 */
export class TrainingSearch {
  private readonly acronyms: Set<string>;
  private readonly fields = new Map<string, Record<Field, Set<string>>>();
  private readonly df = new Map<string, number>();
  /** Each course's names (title, aliases, acronyms) as sets of terms. */
  private readonly names = new Map<string, string[][]>();
  /** Typo corrections already worked out, by question word (cleared when it grows large). */
  private readonly corrections = new Map<string, QueryTerm>();

  constructor(private readonly courses: readonly Course[]) {
    this.acronyms = new Set(courses.flatMap((c) => c.acronyms.map((a) => a.toLowerCase())));
    for (const course of courses) {
      const terms = (texts: string[]) => new Set(texts.flatMap((t) => keyTerms(t, this.acronyms)));
      const audience = [
        ...course.audience.roles.map((r) => labelOf(ROLES, r) ?? r),
        ...course.audience.sectors.filter((s) => s !== EVERYONE).map((s) => labelOf(SECTORS, s) ?? s),
      ];
      const record: Record<Field, Set<string>> = {
        names: terms([course.title, ...course.aliases, ...course.acronyms]),
        tags: terms(course.tags),
        audience: terms(audience),
        summary: terms([course.summary]),
      };
      this.fields.set(course.id, record);
      const bareTitle = course.title.replace(/\([^)]*\)/g, ' ');
      this.names.set(
        course.id,
        // A name counts without its framing words, so "induction course" is named by "next induction day".
        [course.title, bareTitle, ...course.aliases, ...course.acronyms]
          .map((n) =>
            keyWords(n)
              .filter((w) => !isTrainingFrame(w))
              .map((w) => stem(w, this.acronyms)),
          )
          .filter((t) => t.length > 0),
      );
      for (const term of new Set(Object.values(record).flatMap((s) => [...s]))) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
  }

  /** Every course with its coverage of the topic words, best first (courses covering nothing left out). */
  rank(topicWords: string[]): CourseScore[] {
    const terms = [...new Set(topicWords.map((w) => this.termFor(w)))];
    if (terms.length === 0) return [];
    const n = this.courses.length;
    const idf = (t: { term: string; known: boolean }) => (t.known ? Math.log(1 + n / (this.df.get(t.term) ?? 1)) : UNKNOWN_WORD * Math.log(1 + n));
    const weights = terms.map(idf);
    const total = weights.reduce((a, b) => a + b, 0);
    const present = new Set(terms.map((t) => t.term));
    const scores: CourseScore[] = [];
    for (const course of this.courses) {
      const record = this.fields.get(course.id)!;
      let covered = 0;
      let wordMatched = false;
      terms.forEach((t, i) => {
        let best = 0;
        for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) if (record[field].has(t.term)) best = Math.max(best, FIELD_WEIGHTS[field]);
        covered += best * weights[i] * (t.corrected ? 0.85 : 1);
        if (best > 0 && !/^\d+$/.test(t.term)) wordMatched = true;
      });
      // A number on its own ("first aid" reads as "1 aid") says nothing; it only sharpens a word that matched ("level 1").
      if (!(covered > 0 && wordMatched)) continue;
      const named = (this.names.get(course.id) ?? []).some((name) => name.every((t) => present.has(t)));
      scores.push({ course, coverage: Math.round((covered / total) * 1000) / 1000, named });
    }
    return scores.sort((a, b) => b.coverage - a.coverage || Number(b.named) - Number(a.named) || a.course.title.localeCompare(b.course.title));
  }

  /**
   * The courses a topic is about: the best one, and any others nearly as good, when they cover
   * enough of it; of those, only the ones the question names, if it names any.
   */
  matches(topicWords: string[]): CourseScore[] {
    const ranked = this.rank(topicWords);
    const top = ranked[0];
    if (!top || top.coverage < MIN_COVERAGE) return [];
    const close = ranked.filter((s) => s.coverage >= MIN_COVERAGE && s.coverage >= top.coverage - TIE);
    const named = close.filter((s) => s.named);
    return named.length ? named : close;
  }

  /** A question word as the catalogue spells it: its stem, or the nearest catalogue word for a typo. */
  private termFor(word: string): QueryTerm {
    const term = stem(word, this.acronyms);
    if (this.df.has(term)) return { term, known: true, corrected: false };
    if (/\d/.test(word) || word.length < 5) return { term, known: false, corrected: false };
    const cached = this.corrections.get(word);
    if (cached) return cached;
    const allowed = word.length >= 9 ? 2 : 1;
    let best: { term: string; d: number } | undefined;
    for (const candidate of this.df.keys()) {
      // Edit distance is at least the difference in length, so most words need no comparing.
      if (Math.min(Math.abs(candidate.length - term.length), Math.abs(candidate.length - word.length)) > allowed) continue;
      const d = Math.min(editDistance(term, candidate), editDistance(word, candidate));
      if (d <= allowed && (!best || d < best.d)) best = { term: candidate, d };
    }
    const found = best ? { term: best.term, known: true, corrected: true } : { term, known: false, corrected: false };
    if (this.corrections.size >= MAX_CORRECTIONS) this.corrections.clear();
    this.corrections.set(word, found);
    return found;
  }
}
