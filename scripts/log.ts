// Structured logs (pino, JSON lines) go to stderr so stdout stays clean for data (ogi parse/query).
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(opts: { level?: string; name?: string } = {}): Logger {
  return pino(
    { level: opts.level ?? process.env.OGI_LOG_LEVEL ?? 'info', name: opts.name ?? 'ogi' },
    pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that drops everything: the default for library code and tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
