/**
 * Creates the neo4j-driver instance for either the user's Neo4j (NEO4J_URI) or the local one.
 * Integers come back as JavaScript numbers: every count and size here fits.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverTarget {
  uri: string;
  username: string;
  password: string | undefined;
}

export function createDriver(target: DriverTarget, queryTimeoutMs: number): Driver {
  const auth = target.password === undefined ? undefined : neo4j.auth.basic(target.username, target.password);
  return neo4j.driver(target.uri, auth, {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: Math.min(queryTimeoutMs, 10_000),
    // When Neo4j is gone, a request must answer UNAVAILABLE within 2 s: connect attempts give up
    // after 1.5 s, and a failed transaction is retried once (after the driver's back-off of
    // 0.8–1.2 s; a longer retry window would allow a second retry after 2 s more), which still
    // rides out a deadlock or a leader switch.
    connectionTimeout: 1_500,
    maxTransactionRetryTime: 500,
    userAgent: 'officegraph/0.1',
    logging: { level: 'error', logger: () => undefined },
  });
}

/** Waits until the database answers, so start-up reports one clear error instead of many. */
export async function verifyConnectivity(driver: Driver, database: string | undefined): Promise<void> {
  await driver.verifyConnectivity({ database });
}
