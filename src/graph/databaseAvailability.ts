/**
 * Whether the database is known to be down, so requests during an outage fail at once instead of
 * each waiting out a connection attempt and a retry (a circuit breaker). The first request that
 * finds Neo4j unreachable marks it down; from then on every transaction is refused with the same
 * ServiceUnavailable error the driver gives (the server answers UNAVAILABLE), while a probe asks
 * the database a trivial read every PROBE_INTERVAL_MS. The first probe that gets an answer marks
 * it up again: a port that is open while the database is still starting does not count.
 */
import { classifyNeo4jError, ErrorCode } from '../errors.js';

export const PROBE_INTERVAL_MS = 250;

/** Shaped like the driver's error, so it is classified and reported like one. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly code = 'ServiceUnavailable';
  constructor(readonly since: Date) {
    super(`The database has not answered since ${since.toISOString()}; a probe is waiting for it to come back.`);
  }
}

export class DatabaseAvailability {
  private downSince: Date | null = null;
  private closed = false;

  constructor(
    /** Resolves when the database answers a read, rejects when it does not. */
    private readonly probe: () => Promise<void>,
    private readonly intervalMs = PROBE_INTERVAL_MS,
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Throws at once while the database is known to be down. */
  assertUp(): void {
    if (this.downSince) throw new DatabaseUnavailableError(this.downSince);
  }

  /** Looks at an error a transaction failed with: an unreachable database marks it down. */
  noteFailure(error: unknown): void {
    if (this.closed || this.downSince || error instanceof DatabaseUnavailableError) return;
    if (classifyNeo4jError(error) !== ErrorCode.UNAVAILABLE) return;
    this.downSince = new Date();
    void this.probeUntilUp();
  }

  /** Stops probing (the driver is being closed). */
  close(): void {
    this.closed = true;
  }

  private async probeUntilUp(): Promise<void> {
    while (!this.closed && this.downSince) {
      await new Promise<void>((resolve) => setTimeout(resolve, this.intervalMs).unref());
      if (this.closed) return;
      try {
        await this.probe();
        this.downSince = null;
      } catch {
        // Still down: probe again after the interval.
      }
    }
  }
}
