/**
 * One pino logger for the process, level from LOG_LEVEL. Machines (a pipe, a file, a service's
 * journal) get one JSON object per line; a person at a terminal gets short lines with the time,
 * the level and the message. LOG_FORMAT chooses: `auto` (the default) looks at whether stdout is
 * a terminal, `json` and `pretty` force one or the other.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export type LogFormat = 'json' | 'pretty';
export type LogFormatSetting = LogFormat | 'auto';

export function chooseLogFormat(setting: LogFormatSetting, stdoutIsTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { service: 'officegraph' }, redact: ['req.headers.authorization', 'password'] };
  if (format === 'json') return pino(options);
  const colour = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
  return pino(options, prettyDestination((line) => process.stdout.write(line), colour));
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields every line has, or that the line shows in its own place. */
const NOT_SHOWN_AS_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'err']);

/** Turns each JSON line pino writes into one human line (plus the stack of a logged error). */
function prettyDestination(write: (text: string) => void, colour: boolean): DestinationStream {
  return {
    write(jsonLine: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(jsonLine) as Record<string, unknown>;
      } catch {
        write(jsonLine);
        return;
      }
      write(`${formatLogLine(entry, colour)}\n`);
    },
  };
}

/**
 * `14:03:07 INFO  graphql request requestId=… durationMs=3.1 status=200`: local time, level,
 * message, then the other fields as key=value; an error's stack follows on indented lines.
 */
export function formatLogLine(entry: Record<string, unknown>, colour = false): string {
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const name = (LEVEL_NAMES[level] ?? String(entry.level)).padEnd(5);
  const time = typeof entry.time === 'number' ? clockTime(new Date(entry.time)) : '--:--:--';
  const fields = Object.entries(entry)
    .filter(([key, value]) => !NOT_SHOWN_AS_FIELDS.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${showValue(value)}`);
  const error = entry.err as { message?: string; stack?: string } | undefined;
  if (error?.message && !error.stack) fields.push(`err=${showValue(error.message)}`);
  const line = [`${time} ${colour ? `\u001b[${LEVEL_COLOURS[level] ?? '0'}m${name}\u001b[0m` : name}`, String(entry.msg ?? ''), ...fields]
    .filter(Boolean)
    .join(' ');
  return error?.stack ? `${line}\n${error.stack.replace(/^/gm, '    ')}` : line;
}

function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
