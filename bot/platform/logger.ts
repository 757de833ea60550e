import pino, { Logger } from 'pino';
import { Config } from './config';

/**
 * Structured JSON logs. Message text and names are only ever logged at debug level, so normal logs
 * hold no personal data.
 */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  const verbose = level === 'debug' || level === 'trace';
  return pino(
    {
      level,
      base: { service: 'staffbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // A second guard: even a mistaken info-level log of an activity drops the personal fields.
      redact: verbose ? undefined : { paths: ['text', 'name', 'email', '*.text', '*.name', '*.email'], censor: '[redacted]' },
    },
    destination,
  );
}
