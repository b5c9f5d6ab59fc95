/**
 * The soak in CI mode: a short bounded run of mixed reads and ingests against a server process,
 * with zero failed requests and flat memory. The full run (3 minutes, 32 clients) is
 * `npx tsx bench/soak.ts`; SOAK_SECONDS and SOAK_CLIENTS size this one.
 */
import { expect, inject, it } from 'vitest';
import { reportMarkdown, runSoak } from '../bench/soak.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 20);
const clients = Number(process.env.SOAK_CLIENTS ?? 8);

it(`serves ${clients} clients for ${seconds} s without a failed request or growing memory`, { timeout: 300_000 }, async () => {
  const report = await runSoak({ neo4j: inject('neo4j'), seconds, clients });
  process.stdout.write(`${reportMarkdown(report)}\n`);
  expect(report.failures).toEqual([]);
  expect(report.failed).toBe(0);
  expect(report.ingests).toBeGreaterThan(0);
  expect(report.reads).toBeGreaterThan(report.ingests);
  // A 20-second run ends before V8's heap settles; the full run holds RSS growth to 20 %.
  expect(report.rssGrowthPercent).toBeLessThanOrEqual(seconds >= 120 ? 20 : 50);
});
