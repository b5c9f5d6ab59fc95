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
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'officegraph/0.1',
    logging: { level: 'error', logger: () => undefined },
  });
}

/** Waits until the database answers, so start-up reports one clear error instead of many. */
export async function verifyConnectivity(driver: Driver, database: string | undefined): Promise<void> {
  await driver.verifyConnectivity({ database });
}
