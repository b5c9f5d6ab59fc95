/** One pino logger for the process; structured JSON lines, level from LOG_LEVEL. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'officegraph' }, redact: ['req.headers.authorization', 'password'] });
}
