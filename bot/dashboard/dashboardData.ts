import { DateTime } from 'luxon';
import type { BriefingStatusReport } from '../features/briefings/briefingService';
import type { Briefing } from '../features/briefings/briefings';
import type { DeliveryCounts } from '../platform/delivery/deliveryTypes';
import type { GapReport } from '../platform/store/feedbackStore';
import type { SurveyResults } from '../features/surveys/computeResults';
import { ResultsViewer, surveyIdFrom } from '../features/surveys/surveyService';
import type { Wave } from '../features/surveys/wave';

/** How many pulses and briefings the dashboard lists, newest first. */
export const LIST_LIMIT = 50;

/** One pulse in the list: its settings and its response count, suppressed exactly as the results are. */
export type PulseSummary = Pick<SurveyResults, 'survey' | 'responses' | 'release'>;

/** One briefing in the list with its delivery counts. */
export interface BriefingProgress {
  id: number;
  title: string;
  status: Briefing['status'];
  publishAt: string;
  expiresAt: string | null;
  urgent: boolean;
  recipients: number;
  counts: DeliveryCounts;
}

/** One entry people marked "not helpful", with the title staff saw. */
export interface UnhelpfulEntry {
  entryId: string;
  /** The entry's title, or its id when it is no longer in the knowledge base. */
  title: string;
  inKnowledgeBase: boolean;
  notHelpful: number;
  helpful: number;
}

/** The content gap report as the dashboard shows it. */
export interface DashboardGaps {
  days: number;
  since: string;
  unanswered: GapReport['unanswered'];
  unhelpful: UnhelpfulEntry[];
}

/** The domain services the dashboard reads from; it computes nothing itself. */
export interface DashboardSources {
  surveys: {
    visibleWaves(viewer: ResultsViewer): Promise<Wave[]>;
    visibleWave(id: number, viewer: ResultsViewer): Promise<Wave | undefined>;
    results(surveyId: unknown): Promise<SurveyResults | undefined>;
    summary(wave: Wave): Promise<PulseSummary>;
  };
  briefings: {
    recent(limit: number): Promise<Briefing[]>;
    statusOf(briefing: Briefing): Promise<BriefingStatusReport>;
  };
  gaps: { gapReport(since: DateTime): Promise<GapReport> };
  /** The title of a knowledge entry, or undefined when there is no such entry. */
  entryTitle(id: string): string | undefined;
  now: () => DateTime;
}

/**
 * What the dashboard's JSON routes return, read from the surveys, briefings and feedback services:
 * pulse results exactly as `computeResults` suppressed them (only the pulses the viewer may see,
 * as in the chat), briefings with their delivery counts, and the content gap report with titles.
 */
export class DashboardData {
  constructor(private readonly sources: DashboardSources) {}

  /** The pulses the viewer may see, newest first, each with its responses section. */
  async pulses(viewer: ResultsViewer): Promise<PulseSummary[]> {
    const visible = (await this.sources.surveys.visibleWaves(viewer)).slice(0, LIST_LIMIT);
    const summaries: PulseSummary[] = [];
    // Only the headline of each: tallies, with no comments, trend or earlier wave to read.
    for (const wave of visible) summaries.push(await this.sources.surveys.summary(wave));
    return summaries;
  }

  /** One pulse's results, or undefined when there is no such pulse or the viewer may not see it. */
  async pulse(viewer: ResultsViewer, id: unknown): Promise<SurveyResults | undefined> {
    const surveyId = surveyIdFrom(id);
    const wave = surveyId === undefined ? undefined : await this.sources.surveys.visibleWave(surveyId, viewer);
    if (!wave) return undefined;
    return this.sources.surveys.results(wave.id);
  }

  /** The latest briefings with how far their delivery has got. */
  async briefings(): Promise<BriefingProgress[]> {
    const progress: BriefingProgress[] = [];
    for (const b of await this.sources.briefings.recent(LIST_LIMIT)) {
      const { counts } = await this.sources.briefings.statusOf(b);
      progress.push({
        id: b.id,
        title: b.title,
        status: b.status,
        publishAt: b.publishAt,
        expiresAt: b.expiresAt ?? null,
        urgent: b.urgent,
        recipients: b.recipients,
        counts,
      });
    }
    return progress;
  }

  /** The most-asked unanswered questions and the least helpful entries of the last `days` days. */
  async gaps(days: number): Promise<DashboardGaps> {
    const report = await this.sources.gaps.gapReport(this.sources.now().minus({ days }));
    return {
      days,
      since: report.since,
      unanswered: report.unanswered,
      unhelpful: report.unhelpful.map((u) => {
        const title = this.sources.entryTitle(u.entryId);
        return { entryId: u.entryId, title: title ?? u.entryId, inKnowledgeBase: title !== undefined, notHelpful: u.notHelpful, helpful: u.helpful };
      }),
    };
  }
}
