import { DateTime, IANAZone, Zone, ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';

/** Offsets are remembered per quarter hour: time zones change their offset on a quarter hour. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Quarter hours remembered at most, so a long-running process does not collect them for ever. */
const MAX_REMEMBERED = 2000;

/**
 * An IANA zone that remembers its UTC offset per quarter hour. Luxon asks Intl for the offset of
 * every DateTime it makes in an IANA zone, which took a tenth of a delivery worker's CPU in a
 * fan-out, where every copy reads the clock several times.
 */
export class RememberingZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly inner: Zone) {
    super();
  }

  override get type(): string {
    return this.inner.type;
  }

  override get name(): string {
    return this.inner.name;
  }

  override get isUniversal(): boolean {
    return this.inner.isUniversal;
  }

  override get isValid(): boolean {
    return this.inner.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.inner.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }

  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    const known = this.offsets.get(quarter);
    if (known !== undefined) return known;
    const offset = this.inner.offset(ts);
    // Remembered only when the whole quarter hour has one offset, so a change of offset at any moment is still seen.
    if (this.inner.offset(quarter * QUARTER_HOUR_MS) === offset && this.inner.offset((quarter + 1) * QUARTER_HOUR_MS - 1) === offset) {
      if (this.offsets.size >= MAX_REMEMBERED) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return offset;
  }
}

/** The real clock in a named time zone, as the bot reads it. */
export function zonedClock(zoneName: string): () => DateTime {
  const zone = new RememberingZone(IANAZone.create(zoneName));
  return () => DateTime.fromMillis(Date.now(), { zone });
}
