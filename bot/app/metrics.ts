import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DialogMetrics } from '../../dialogs/core/dialogServices';

/** Prometheus metrics for one bot process; each process builds its own registry. */
export class BotMetrics implements DialogMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'type'>;
  private readonly answers: Counter<'decision'>;
  private readonly latency: Histogram<'type'>;
  private readonly urgentCards: Counter<'category'>;

  constructor(collectProcessMetrics = true) {
    if (collectProcessMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'staffbot_' });
    this.turns = new Counter({
      name: 'staffbot_turns_total',
      help: 'Activities processed, by channel and type',
      labelNames: ['channel', 'type'],
      registers: [this.registry],
    });
    this.answers = new Counter({
      name: 'staffbot_answers_total',
      help: 'Questions answered, by decision',
      labelNames: ['decision'],
      registers: [this.registry],
    });
    this.urgentCards = new Counter({
      name: 'staffbot_safeguarding_cards_total',
      help: 'Urgent safeguarding cards shown, by the kind of concern (no text is kept)',
      labelNames: ['category'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'staffbot_turn_duration_seconds',
      help: 'Time to process one activity through /api/messages',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  turn(channel: string, type: string, seconds: number): void {
    this.turns.inc({ channel, type });
    this.latency.observe({ type }, seconds);
  }

  answered(decision: string): void {
    this.answers.inc({ decision });
  }

  urgentCard(category: string): void {
    this.urgentCards.inc({ category });
  }
}
