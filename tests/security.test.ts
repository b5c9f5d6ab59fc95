/**
 * Security basics over HTTP: the write token, CSRF prevention, CORS closed by default and
 * configurable, introspection switchable, production errors masked, and request logs that carry
 * the request id but no secret.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { projectRoot } from '../src/projectRoot.js';
import { createFormatError } from '../src/server/formatError.js';
import { requestLogging } from '../src/server/plugins/requestLogging.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const TOKEN = 'security-secret-token';
const logLines: string[] = [];
let server: TestServer;
let configured: TestServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  server = await startTestServer(
    { OFFICEGRAPH_WRITE_TOKEN: TOKEN, NODE_ENV: 'production' },
    { logger: pino({ level: 'info', redact: ['req.headers.authorization', 'password'] }, sink) },
  );
  configured = await startTestServer({ OFFICEGRAPH_CORS_ORIGINS: 'https://ok.example', OFFICEGRAPH_INTROSPECTION: 'false' });
});

afterAll(async () => {
  await server?.stop();
  await configured?.stop();
});

const RETRACT = 'mutation { retractSource(id: "source:none") { __typename } }';

describe('security', () => {
  it('refuses mutations without the write token, or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const response = await server.graphql(RETRACT, {}, headers);
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const allowed = await server.graphql(RETRACT, {}, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('prevents CSRF: a simple cross-site POST is refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: RETRACT }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('keeps CORS closed by default and opens it only to configured origins', async () => {
    const ask = (target: TestServer, origin: string, method = 'POST') =>
      fetch(`${target.url}/graphql`, {
        method,
        headers: { origin, 'content-type': 'application/json', 'access-control-request-method': 'POST' },
        ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
      });
    expect((await ask(server, 'https://ok.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask(server, 'https://ok.example', 'OPTIONS')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask(configured, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask(configured, 'https://ok.example')).headers.get('access-control-allow-origin')).toBe('https://ok.example');
    const preflight = await ask(configured, 'https://ok.example', 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('switches introspection off when configured', async () => {
    const response = await configured.graphql('{ __schema { queryType { name } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await server.graphql('{ __schema { queryType { name } } }')).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('shows no stack trace in production, also for the client’s own mistakes', async () => {
    const response = await server.graphql('{ nosuchfield }');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|node_modules|\.ts:/);
    expect(JSON.stringify(response.body)).not.toContain(projectRoot());
  });

  it('masks internal errors in production: no Cypher, no paths, no stack', () => {
    const format = createFormatError({ production: true });
    const internal = new Error(`Invalid input near "MATCH (n:Entity {id: $id})" at ${projectRoot()}/src/graph/graphStore.ts:42`);
    const formatted = format(
      { message: internal.message, path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: [`at ${projectRoot()}/src/x.ts:1`] } },
      internal,
    );
    expect(formatted).toEqual({ message: 'Internal server error', path: ['person'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('logs each request with its id, operation, duration and error codes, and never the token', async () => {
    logLines.length = 0;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-security-1', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: 'mutation Retract { retractSource(id: "source:none") { __typename } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-security-1');
    await new Promise((done) => setTimeout(done, 50));
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = entries.find((line) => line.requestId === 'req-security-1');
    expect(entry).toMatchObject({
      requestId: 'req-security-1',
      operationName: 'Retract',
      operationType: 'mutation',
      status: 200,
      errorCodes: ['NOT_FOUND'],
      msg: 'graphql request failed',
    });
    expect(typeof entry?.durationMs).toBe('number');
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });
});

describe('internal error log', () => {
  it('logs an internal error in full under the request id', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const plugin = requestLogging<{ requestId: string }>(pino({ level: 'info' }, sink));
    const listener = await plugin.requestDidStart!({ contextValue: { requestId: 'req-internal' } } as never);
    const cause = new Error('Neo.ClientError.Statement.SyntaxError near MATCH (n)');
    await listener!.didEncounterErrors!({ errors: [new GraphQLError(cause.message, { originalError: cause, path: ['person'] }), new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } })] } as never);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, any>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, requestId: 'req-internal', path: ['person'], msg: 'internal error', err: { message: cause.message } });
  });
});
