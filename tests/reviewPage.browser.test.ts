/**
 * The review page (/explore/add) in Debian's Chromium: the seed report pasted into a graph
 * without it, proposals drafted and highlighted, an edit that breaks a quote flagged, a dry run
 * that changes nothing, then an ingest after which the graph answers the seed's questions.
 * The seed is retracted first and loaded again at the end; nothing leaves the loopback server.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../scripts/build-web.mjs';
import { openTestBrowser, type TestBrowser } from './helpers/browser.js';
import { loadSeeds } from '../src/ingest/loadSeeds.js';
import type { TestServer } from './helpers/testServer.js';
import { AUTH, graphCounts, retract, startWriteTestServer, WRITE_TOKEN } from './helpers/writeHelpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const OUTPUT = path.join(root, 'test-output');
const seed = JSON.parse(readFileSync(path.join(root, 'seeds/000_jilin-foreign-affairs-committee-plenary.json'), 'utf8'));
const SEED_SOURCE = seed.source.id as string;
const DRAFTED_SOURCE = 'source:jilin-release-2026-02-11-provincial-foreign-affairs-committee-holds-plenary-session';
const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';

let server: TestServer;
let context: BrowserContext;
let browser: TestBrowser | undefined;
let offsite: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  await buildWeb();
  server = await startWriteTestServer();
  browser = await openTestBrowser(server.url, { viewport: { width: 1400, height: 900 } });
  ({ context, offsite } = browser);
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    await retract(server, DRAFTED_SOURCE);
    await loadSeeds(server.app.store, path.join(root, 'seeds'));
    await server.stop();
  }
});

describe('the review page', () => {
  it('turns the pasted seed report into reviewed facts the graph then answers with', async () => {
    expect((await retract(server, SEED_SOURCE)).body.errors).toBeUndefined();
    expect((await server.graphql(`{ event(id: "${PLENARY}") { id } }`)).body.data).toEqual({ event: null });

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/explore/add`);
    await page.fill('#publisher', 'Jilin Release');
    await page.fill('#date', '2026-02-11');
    await page.fill('#text', seed.source.text);
    await page.click('#draft');
    await page.locator('#proposals li').first().waitFor();
    await expect(page.locator('#draft-status').textContent()).resolves.toBe('12 entities and 17 facts proposed; 0 already in the graph.');
    await expect(page.locator('#proposals li').count()).resolves.toBe(29);
    // The text is shown with the proposals' words marked.
    const marked = await page.locator('#text-view mark').allTextContents();
    expect(marked.join('')).toContain('presided over the meeting');
    // The source text as ingest keeps it (trimmed), exactly.
    await expect(page.locator('#text-view').textContent()).resolves.toBe(seed.source.text.trim());

    // Clicking marked words opens their proposal.
    await page.locator('#text-view mark', { hasText: 'Huang Qiang' }).first().click();
    await expect(page.locator('.proposal.focus .proposal-summary').textContent()).resolves.toBe('PERSON Huang Qiang');

    // An edited quote that is not in the text is flagged, and cannot be ingested until fixed.
    const presided = page.locator('.proposal', { hasText: 'Huang Qiang PRESIDED' });
    await presided.locator('button[data-action="edit"]').click();
    const quote = page.locator('.proposal', { hasText: 'Huang Qiang PRESIDED' }).locator('textarea[data-edit="quote"]');
    const original = await quote.inputValue();
    await quote.fill('Huang Qiang chaired the meeting');
    await expect(page.locator('.proposal', { hasText: 'Huang Qiang PRESIDED' }).locator('.problem').textContent()).resolves.toBe(
      'This quote is not word for word in the text: fix it, or the proposal cannot be ingested.',
    );
    await page.fill('#token', WRITE_TOKEN);
    await page.click('#ingest');
    await expect(page.locator('#ingest-status').textContent()).resolves.toContain('Fix or reject these first:');
    await quote.fill(original);
    await expect(page.locator('.proposal', { hasText: 'Huang Qiang PRESIDED' }).locator('.problem').count()).resolves.toBe(0);

    // Rejecting an entity takes the facts that name it along; accepting it again brings them back.
    const hu = page.locator('.proposal', { hasText: 'PERSON Hu Yuting' });
    await hu.locator('button[data-action="reject"]').click();
    await expect(page.locator('#counts').textContent()).resolves.toBe('28 of 29 accepted; 3 cannot go in as they are');
    await page.locator('.proposal', { hasText: 'PERSON Hu Yuting' }).locator('button[data-action="accept"]').click();
    await expect(page.locator('#counts').textContent()).resolves.toBe('29 of 29 accepted');

    // The dry run says what would change, and writes nothing.
    const before = await graphCounts(server);
    await page.click('#dry-run');
    await page.locator('#ingest-status', { hasText: 'Dry run, nothing written' }).waitFor();
    await expect(page.locator('#ingest-status').textContent()).resolves.toBe(
      'Dry run, nothing written: entities 12 new, 0 matched; facts 17 new, 0 matched.',
    );
    await expect(page.locator('#diff-entities-created li').count()).resolves.toBe(12);
    await expect(page.locator('#diff-intervals li').count()).resolves.toBe(4);
    expect(await graphCounts(server)).toEqual(before);
    await page.screenshot({ path: path.join(OUTPUT, 'review-page.png'), fullPage: false });

    await page.click('#ingest');
    await page.locator('#open-in-explorer').waitFor();
    await expect(page.locator('#ingest-status').textContent()).resolves.toContain(`Ingested ${DRAFTED_SOURCE}: entities 12 new, 0 matched; facts 17 new, 0 matched.`);
    expect(errors).toEqual([]);
    await page.close();

    // The graph answers the seed's questions, with the report's own words as evidence.
    const answer = await server.graphql(`{
      event(id: "${PLENARY}") {
        name startDate
        participants { role person { id } capacity { id } evidence { quote source { id publisher } } }
        documents { id }
        organizers { id }
      }
      roleHolders(post: "post:governor-of-jilin-province", at: "2026-03") { person { id } }
      person(id: "person:huang-qiang") { tenures(at: "2026-02-11") { post { id organization { id } } } }
    }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({
      event: {
        name: 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee (February 2026)',
        startDate: '2026-02-11',
        participants: expect.arrayContaining([
          {
            role: 'PRESIDED',
            person: { id: 'person:huang-qiang' },
            capacity: { id: 'post:director-of-the-jilin-provincial-foreign-affairs-committee' },
            evidence: [
              {
                quote: 'Huang Qiang, Secretary of the Provincial Party Committee and Director of the Provincial Foreign Affairs Committee, presided over the meeting',
                source: { id: DRAFTED_SOURCE, publisher: 'Jilin Release' },
              },
            ],
          },
        ]),
        documents: expect.arrayContaining([
          { id: 'doc:2025-work-report-of-the-jilin-provincial-foreign-affairs-committee' },
          { id: 'doc:2026-work-priorities-of-the-jilin-provincial-foreign-affairs-committee' },
        ]),
        organizers: [{ id: 'org:jilin-provincial-foreign-affairs-committee' }],
      },
      roleHolders: [{ person: { id: 'person:hu-yuting' } }],
      person: {
        tenures: expect.arrayContaining([
          { post: { id: 'post:secretary-of-the-jilin-provincial-party-committee', organization: { id: 'org:cpc-jilin-provincial-committee' } } },
          { post: { id: 'post:director-of-the-jilin-provincial-foreign-affairs-committee', organization: { id: 'org:jilin-provincial-foreign-affairs-committee' } } },
        ]),
      },
    });
    const participants = answer.body.data?.event.participants.map((item: { role: string; person: { id: string } }) => `${item.person.id} ${item.role}`).sort();
    expect(participants).toEqual(['person:hu-yuting ATTENDED', 'person:huang-qiang PRESIDED', 'person:huang-qiang SPOKE']);
    expect(offsite).toEqual([]);
  });

  it('keeps the write token out of storage and the address', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/explore/add`);
    await page.fill('#token', WRITE_TOKEN);
    const stored = await page.evaluate(() => [window.location.href, JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie]);
    expect(stored.join(' ')).not.toContain(WRITE_TOKEN);
    await page.close();
    expect(AUTH.authorization).toContain(WRITE_TOKEN);
  });
});
