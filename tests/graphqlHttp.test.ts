/**
 * GraphQL over HTTP: the graphql-http package's server audits (the spec's own conformance
 * checks) against the running server, one test per audit. A MUST that fails is an error and
 * fails its test; a SHOULD that fails is a warning and must be listed, by its id and with the
 * reason we keep it, in the README; a MAY (a notice) is reported only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const readme = readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const audits = serverAudits({ url: () => `${server.url}/graphql` });

describe('graphql-http server audits', () => {
  it('are all there to run', () => {
    expect(audits.length).toBeGreaterThan(30);
  });

  it.each(audits.map((audit) => ({ ...audit, title: `${audit.id} ${audit.name}` })))('$title', async ({ fn, id }) => {
    const result = await fn();
    if (result.status === 'ok' || result.status === 'notice') return;
    const answer = `${result.reason}; answered ${result.response.status}: ${(await result.response.text()).slice(0, 300)}`;
    if (result.status === 'error') expect.fail(answer);
    expect(readme.includes(`\`${id}\``), `a warning the README does not explain: ${answer}`).toBe(true);
  });
});
