import { DateTime } from 'luxon';
import { Kysely } from 'kysely';
import type { SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import type { AudienceFilter } from '../audience/audienceFilter';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock, stamp } from '../../platform/store/timestamps';
import { NewWave } from './waveRequest';
import { Wave } from './wave';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** A wave's row as read back. */
type PublicRow = Omit<DatabaseSchema['survey_waves'], 'id'> & { id: number };

const at = (value: string): DateTime => DateTime.fromISO(value, { zone: 'utc' }).setZone(LONDON_ZONE);

function toWave(row: PublicRow): Wave {
  return {
    id: Number(row.id),
    templateId: row.template_id,
    name: row.name,
    template: JSON.parse(row.template) as SurveyTemplate,
    audience: JSON.parse(row.audience) as AudienceFilter,
    opensAt: at(row.opens_at),
    closesAt: at(row.closes_at),
    reminderDays: JSON.parse(row.reminder_days) as string[],
    threshold: Number(row.threshold),
    owner: row.owner ?? undefined,
    ownerName: row.owner_name ?? undefined,
    invited: Number(row.invited),
    queuedAt: row.queued_at ?? undefined,
  };
}

/** The columns a wave is read from. */
const PUBLIC_COLUMNS = [
  'id',
  'template_id',
  'name',
  'template',
  'audience',
  'opens_at',
  'closes_at',
  'reminder_days',
  'threshold',
  'owner',
  'owner_name',
  'invited',
  'queued_at',
  'created_at',
  'updated_at',
] as const;

/** Pulse waves in the database (their ledger keys are derived from the server secret, never stored). */
export class SurveyWaves {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /** Saves a checked wave and returns it. */
  async create(wave: NewWave): Promise<Wave> {
    const created = stamp(this.now());
    const row = await this.db
      .insertInto('survey_waves')
      .values({
        template_id: wave.template.id,
        name: wave.name,
        template: JSON.stringify(wave.template),
        audience: JSON.stringify(wave.audience),
        opens_at: stamp(wave.opensAt),
        closes_at: stamp(wave.closesAt),
        reminder_days: JSON.stringify(wave.reminderDays),
        threshold: wave.threshold,
        owner: wave.owner ?? null,
        owner_name: wave.ownerName ?? null,
        invited: 0,
        queued_at: null,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.get(Number(row.id)))!;
  }

  async get(id: number): Promise<Wave | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row ? toWave(row) : undefined;
  }

  /** Every wave, newest opening first; optionally only one owner's. */
  async list(filter: { owner?: string[] } = {}): Promise<Wave[]> {
    let query = this.select().orderBy('opens_at', 'desc').orderBy('id', 'desc');
    if (filter.owner) query = query.where('owner', 'in', filter.owner.length ? filter.owner : ['\u0000']);
    return (await query.execute()).map(toWave);
  }

  /** Waves open at a moment (opened and not yet closed). */
  async openAt(moment: DateTime): Promise<Wave[]> {
    const t = stamp(moment);
    const rows = await this.select().where('opens_at', '<=', t).where('closes_at', '>', t).orderBy('closes_at').execute();
    return rows.map(toWave);
  }

  /** The latest earlier wave of the same template that has closed, which trends compare with. */
  async previousClosed(wave: Wave, moment: DateTime): Promise<Wave | undefined> {
    const row = await this.select()
      .where('template_id', '=', wave.templateId)
      .where('id', '!=', wave.id)
      .where('opens_at', '<', stamp(wave.opensAt))
      .where('closes_at', '<=', stamp(moment))
      .orderBy('opens_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? toWave(row) : undefined;
  }

  /** Records that the wave's cards were queued, for how many people. */
  async markQueued(id: number, invited: number): Promise<void> {
    const t = stamp(this.now());
    await this.db.updateTable('survey_waves').set({ invited, queued_at: t, updated_at: t }).where('id', '=', id).execute();
  }

  /** Waves whose cards have not been queued yet and that have not closed (after a crash, or before delivery existed). */
  async unqueued(): Promise<Wave[]> {
    const rows = await this.select().where('queued_at', 'is', null).where('closes_at', '>', stamp(this.now())).orderBy('id').execute();
    return rows.map(toWave);
  }

  private select() {
    return this.db.selectFrom('survey_waves').select(PUBLIC_COLUMNS);
  }
}
