import crypto from 'node:crypto';
import path from 'node:path';
import { projectRoot } from './projectRoot';

/** Bumped whenever the index layout changes, so an old build is never loaded by new code. */
export const KB_FORMAT = 7;

/** Where `npm run build:kb` writes the built knowledge base. */
export const DEFAULT_KB_FILE = path.join(projectRoot(), 'knowledge', 'build', 'kb.json');

/** The file opens with the SHA-256 of the JSON body that follows, so a damaged file is refused rather than half-read. */
const DIGEST_PREFIX = '{"digest":"';
const BODY_PREFIX = '","body":';
const HEADER_BYTES = DIGEST_PREFIX.length + 64 + BODY_PREFIX.length;

/** A built knowledge base's JSON body wrapped with its digest, as the file holds it. */
export function framedBody(body: Buffer): Buffer {
  const digest = crypto.createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`${DIGEST_PREFIX}${digest}${BODY_PREFIX}`), body, Buffer.from('}')]);
}

/** The JSON body of a built knowledge base file's bytes; undefined when they are not one or are damaged (the digest does not match). */
export function checkedBody(bytes: Buffer): Buffer | undefined {
  if (bytes.length < HEADER_BYTES + 1 || bytes.subarray(0, DIGEST_PREFIX.length).toString() !== DIGEST_PREFIX) return undefined;
  const digest = bytes.subarray(DIGEST_PREFIX.length, DIGEST_PREFIX.length + 64).toString();
  const body = bytes.subarray(HEADER_BYTES, bytes.length - 1);
  return crypto.createHash('sha256').update(body).digest('hex') === digest ? body : undefined;
}
