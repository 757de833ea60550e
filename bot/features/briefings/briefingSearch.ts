import lunr from 'lunr';
import { DateTime } from 'luxon';
import { indexTerms, keyTerms } from '../../../knowledge/normalise';
import { labelOf, TOPICS } from '../../../knowledge/workforce';
import { matchesAudience } from '../audience/audienceFilter';
import { Profile } from '../../platform/store/profiles';
import { Briefing, isLive } from './briefings';

/** Words that ask for news rather than a definition: "what's new on…", "latest on…", "any updates about…". */
export const NEWS_CUE = /\b(new|news|latest|update|updates|updated|briefing|briefings|announce\w*|happening|changes?|changing)\b/i;

/** Cue words themselves say nothing about the topic, so they are left out of the search. */
const CUE_TERMS = new Set(keyTerms('new news latest update updates updated briefing briefings announcement announced happening change changes changing'));

/** How often the index checks whether briefings changed (any replica may have sent one). */
const FRESH_FOR_MS = 5000;

/**
 * Finds the live briefing a news question is about ("what's new on the integrated induction?"),
 * among those meant for the person asking. The index is rebuilt whenever briefings change.
 */
export class BriefingSearch {
  private index?: lunr.Index;
  private byId = new Map<number, Briefing>();
  private fingerprint = '';
  private checkedAt = 0;

  constructor(
    private readonly source: { published(): Promise<Briefing[]>; fingerprint(): Promise<string> },
    private readonly now: () => DateTime,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Brings the index up to date before a news question; any other question needs no briefings, so no query is made. */
  async prepare(question: string): Promise<void> {
    if (NEWS_CUE.test(question)) await this.refresh();
  }

  /** Rebuilds the index if any briefing changed since the last look (checked at most every few seconds). */
  async refresh(): Promise<void> {
    if (this.nowMs() - this.checkedAt < FRESH_FOR_MS && this.index) return;
    this.checkedAt = this.nowMs();
    const fingerprint = await this.source.fingerprint();
    if (fingerprint === this.fingerprint && this.index) return;
    const briefings = await this.source.published();
    this.byId = new Map(briefings.map((b) => [b.id, b]));
    this.index = lunr(function build() {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('title', { boost: 10 });
      this.field('topics', { boost: 5 });
      this.field('summary', { boost: 3 });
      this.field('body');
      for (const b of briefings) {
        const terms = (text: string) => indexTerms(text).join(' ');
        this.add({
          id: String(b.id),
          title: terms(b.title),
          topics: terms(b.topics.map((t) => labelOf(TOPICS, t) ?? t).join(' ')),
          summary: terms(b.summary),
          body: terms(b.body),
        });
      }
    });
    this.fingerprint = fingerprint;
  }

  /** The best live briefing for this person matching every topic word of a news question. */
  find(question: string, profile: Profile | undefined): Briefing | undefined {
    if (!this.index || !NEWS_CUE.test(question)) return undefined;
    const terms = keyTerms(question).filter((t) => !CUE_TERMS.has(t));
    if (terms.length === 0) return undefined;
    const now = this.now();
    const results = this.index.query((q) => {
      for (const t of terms) q.term(t, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
    });
    for (const result of results) {
      const briefing = this.byId.get(Number(result.ref));
      if (briefing && isLive(briefing, now) && matchesAudience(briefing.audience, profile)) return briefing;
    }
    return undefined;
  }
}
