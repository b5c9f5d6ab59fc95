/**
 * A bounded load loop for the reliability tests: N clients send GraphQL requests on loopback
 * one after another until stop() or the deadline, and every answer is recorded.
 */

export interface Outcome {
  /** Which client sent it (so a mixed load can tell its kinds of request apart). */
  client: number;
  startedAt: number;
  durationMs: number;
  status: number;
  /** The error codes of the answer; empty when it succeeded. */
  codes: string[];
}

export interface LoadLoop {
  outcomes: Outcome[];
  stop(): Promise<void>;
}

export function startLoadLoop(options: {
  url: string;
  clients: number;
  deadlineMs: number;
  request: (client: number, iteration: number) => { query: string; variables?: Record<string, unknown>; headers?: Record<string, string> };
}): LoadLoop {
  const outcomes: Outcome[] = [];
  const endAt = Date.now() + options.deadlineMs;
  let stopped = false;
  const client = async (index: number) => {
    for (let iteration = 0; !stopped && Date.now() < endAt; iteration++) {
      const { query, variables, headers } = options.request(index, iteration);
      const startedAt = Date.now();
      let status = 0;
      let codes: string[];
      try {
        const response = await fetch(`${options.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
      } catch (error) {
        codes = [`CLIENT_ERROR ${(error as Error).message}`];
      }
      outcomes.push({ client: index, startedAt, durationMs: Date.now() - startedAt, status, codes });
      // A failing server answers fast: pause a little so the loop does not spin.
      if (codes.length > 0) await new Promise((done) => setTimeout(done, 20));
    }
  };
  const running = Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return {
    outcomes,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const endAt = Date.now() + timeoutMs;
  while (Date.now() < endAt) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A TCP port that was free a moment ago, so a restarted database can come back on the same one. */
export { freePort } from '../../bench/serverProcess.js';
