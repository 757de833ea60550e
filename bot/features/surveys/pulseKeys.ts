import crypto from 'node:crypto';

/** Every sealed answer is padded to this many bytes, so its size says nothing about its comment. */
export const SEALED_PLAINTEXT_BYTES = 4096;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key for one purpose, derived from the server secret (HKDF-SHA256), so no derived key reveals another. */
const derive = (secret: Buffer, purpose: string): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.from('staffbot-pulses'), Buffer.from(purpose), 32));

/**
 * The keys pulses use, all derived from the server secret (PULSE_LEDGER_SECRET), which is never
 * stored in the database: the ledger key of each wave, which turns a person's stable identity into
 * the keyed hash the ledger holds, and the key that seals answers while they wait for release.
 */
export class PulseKeys {
  private readonly ledgerRoot: Buffer;
  private readonly sealing: Buffer;
  private readonly check: Buffer;

  constructor(secret: Buffer) {
    this.ledgerRoot = derive(secret, 'ledger-v1');
    this.sealing = derive(secret, 'pending-answers-v1');
    this.check = derive(secret, 'fingerprint-v1');
  }

  /** The ledger entry for one identity (`aad:…`, `web:…`) in one wave: an HMAC under the wave's key. */
  participant(surveyId: number, identity: string): string {
    const waveKey = crypto.createHmac('sha256', this.ledgerRoot).update(`wave:${surveyId}`).digest();
    return crypto.createHmac('sha256', waveKey).update(identity, 'utf8').digest('hex');
  }

  /** A value that says whether two processes hold the same secret, without revealing it. */
  fingerprint(): string {
    return this.check.toString('hex').slice(0, 32);
  }

  /** Seals a value for one wave (AES-256-GCM, padded to a fixed size), so only this server can read it. */
  seal(surveyId: number, value: unknown): string {
    const json = Buffer.from(JSON.stringify(value), 'utf8');
    const size = Math.max(SEALED_PLAINTEXT_BYTES, Math.ceil(json.length / SEALED_PLAINTEXT_BYTES) * SEALED_PLAINTEXT_BYTES);
    // Trailing spaces are still valid JSON, so padding needs no length field.
    const padded = Buffer.concat([json, Buffer.alloc(size - json.length, 0x20)]);
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.sealing, iv);
    cipher.setAAD(Buffer.from(`pulse:${surveyId}`));
    const body = Buffer.concat([cipher.update(padded), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  }

  /** Opens a sealed value; throws if it was sealed under another secret, for another wave, or altered. */
  open<T>(surveyId: number, sealed: string): T {
    const raw = Buffer.from(sealed, 'base64');
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.sealing, iv);
    decipher.setAAD(Buffer.from(`pulse:${surveyId}`));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
