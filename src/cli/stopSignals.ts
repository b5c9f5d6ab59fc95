/**
 * What a SIGTERM or SIGINT means to the server process. The first one starts the graceful stop
 * (in-flight requests drain, the driver closes, the local Neo4j shuts down). A second one may
 * be the same request delivered twice: a service manager such as systemd signals the whole
 * process group, so under `npm start` the server gets the signal from it and, milliseconds
 * later, from npm passing it on; and Ctrl-C reaches npm and the server alike. Such a repeat
 * changes nothing. Only a repeat that comes later, from someone who does not want to wait,
 * forces the exit: a SIGTERM more than a second after the first signal, or a SIGINT (a second
 * Ctrl-C) more than a quarter of a second after it.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** How long after the first signal a second one of this kind still counts as the same request. */
export const REPEAT_WINDOW_MS: Readonly<Record<StopSignal, number>> = { SIGTERM: 1_000, SIGINT: 250 };

export type StopDecision = { action: 'stop' } | { action: 'repeat'; afterMs: number } | { action: 'force'; afterMs: number };

/** Decides, signal by signal, whether to start stopping, to ignore a repeat or to exit at once. */
export function stopSignalPolicy(now: () => number = Date.now): (signal: StopSignal) => StopDecision {
  let firstAt: number | undefined;
  return (signal) => {
    const at = now();
    if (firstAt === undefined) {
      firstAt = at;
      return { action: 'stop' };
    }
    const afterMs = at - firstAt;
    return afterMs > REPEAT_WINDOW_MS[signal] ? { action: 'force', afterMs } : { action: 'repeat', afterMs };
  };
}
