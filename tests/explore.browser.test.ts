/**
 * The explorer and GraphiQL in a real browser: Debian's Chromium driven by playwright-core,
 * against the server on a free loopback port with the seed data. Every request that leaves
 * the loopback server is refused and recorded, so the pages are proven to work offline.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../scripts/build-web.mjs';
import { openTestBrowser, type TestBrowser } from './helpers/browser.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const HUANG = 'person:huang-qiang';
const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';
const COMMITTEE = 'org:jilin-provincial-foreign-affairs-committee';
const here = path.dirname(fileURLToPath(import.meta.url));
const OUTPUT = path.join(here, '..', 'test-output');

let server: TestServer;
let context: BrowserContext;
let browser: TestBrowser | undefined;
let offsite: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  await buildWeb();
  server = await startTestServer();
  browser = await openTestBrowser(server.url, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  ({ context, offsite } = browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${pathAndQuery}`);
  await page.waitForFunction(() => (window as any).officegraphExplorer !== undefined);
  await page.evaluate(() => (window as any).officegraphExplorer.ready);
  expect(errors).toEqual([]);
  return page;
}

const nodeIds = (page: Page) => page.evaluate(() => (window as any).officegraphExplorer.cy.nodes().map((node: any) => node.id()).sort());
const isVisible = (page: Page, id: string) =>
  page.evaluate((nodeId) => (window as any).officegraphExplorer.cy.getElementById(nodeId).visible(), id);
const idle = (page: Page) => page.waitForFunction(() => document.body.dataset.busy === '0');

/** Clicks a graph node where it is drawn on the screen. */
async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = (window as any).officegraphExplorer.cy;
    const position = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

describe('the explorer', () => {
  it('finds who presided over the Jilin plenary and why, without a query', async () => {
    const page = await openPage('/explore');
    await expect(page.locator('#legend li').allTextContents()).resolves.toEqual([
      'Person', 'Organization', 'Post', 'Event', 'Policy theme', 'Document', 'Place', 'Source',
    ]);

    // Search with the keyboard only: type, see suggestions, Enter opens the first.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('Huang Qiang');
    await page.locator('#search-suggestions li', { hasText: 'Huang Qiang' }).first().waitFor();
    await expect(page.getAttribute('#search-input', 'aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.locator('#entity-name', { hasText: 'Huang Qiang' }).waitFor();
    await idle(page);
    await expect(nodeIds(page)).resolves.toContain(PLENARY);
    await expect(page.locator('#panel-entity').textContent()).resolves.toContain('黄强');

    // Open the plenary meeting: its neighbours (the committee that organized it) come in.
    await clickNode(page, PLENARY);
    await page.locator('#entity-name', { hasText: 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee' }).waitFor();
    await idle(page);
    await expect(nodeIds(page)).resolves.toEqual(expect.arrayContaining([HUANG, PLENARY, COMMITTEE, 'person:hu-yuting']));
    await expect(page.locator('.fact').first().getAttribute('data-edge')).resolves.toBe(`participated_in:${HUANG}->${PLENARY}:presided`);
    const presided = page.locator(`.fact[data-edge="participated_in:${HUANG}->${PLENARY}:presided"]`);
    await expect(presided.textContent()).resolves.toContain('role: PRESIDED');
    await expect(presided.locator('blockquote.evidence').textContent()).resolves.toContain(
      'Huang Qiang, Secretary of the Provincial Party Committee and Director of the Provincial Foreign Affairs Committee, presided over the meeting',
    );
    await expect(presided.locator('a.source-link').textContent()).resolves.toBe('Provincial Foreign Affairs Committee Holds Plenary Session');

    // "As of" hides what was not there yet, and brings it back.
    await page.fill('#as-of', '2025-12-31');
    await page.dispatchEvent('#as-of', 'change');
    await expect(isVisible(page, PLENARY)).resolves.toBe(false);
    await expect(isVisible(page, HUANG)).resolves.toBe(true);
    await page.fill('#as-of', '2026-02-11');
    await page.dispatchEvent('#as-of', 'change');
    await expect(isVisible(page, PLENARY)).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('at')).toBe('2026-02-11');

    // Export what is on screen as GraphML; it validates against the schema.
    await page.selectOption('#export-format', 'graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-link')]);
    const saved = path.join(OUTPUT, 'explore-export.graphml');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('event_2026-02-11-jilin-provincial-foreign-affairs-committee-plenary.graphml');
    const graphml = readFileSync(saved, 'utf8');
    expect(graphml).toContain(`<node id="${COMMITTEE}">`);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(here, 'fixtures/xsd/graphml-1.0.xsd'), saved], { stdio: 'pipe' });

    await page.screenshot({ path: path.join(OUTPUT, 'explore.png') });
    // Labels are drawn at 13 px times the zoom: at least 9 px on screen at 1280×800.
    const zoom = await page.evaluate(() => (window as any).officegraphExplorer.cy.zoom());
    console.log(`seed view zoom: ${zoom}`);
    expect(13 * zoom).toBeGreaterThanOrEqual(9);

    // The link opens the same view again.
    const link = await page.getAttribute('#permalink', 'href');
    expect(link).toBe(`/explore?id=${encodeURIComponent(PLENARY)}&expand=${encodeURIComponent(HUANG)}&at=2026-02-11`);
    const again = await openPage(link as string);
    await expect(nodeIds(again)).resolves.toEqual(await nodeIds(page));
    await expect(again.locator('#entity-name').textContent()).resolves.toContain('Plenary Meeting');
    await expect(again.inputValue('#as-of')).resolves.toBe('2026-02-11');
    await again.close();
    await page.close();
    expect(offsite).toEqual([]);
  });

  it('finds Chinese names and highlights the shortest path between two entities', async () => {
    const page = await openPage('/explore');
    await page.focus('#search-input');
    await page.keyboard.type('黄强');
    await page.locator('#search-suggestions li', { hasText: 'Huang Qiang' }).first().waitFor();
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-suggestions').isHidden()).resolves.toBe(true);
    await page.close();

    const view = await openPage(`/explore?id=${encodeURIComponent(HUANG)}&from=${encodeURIComponent(HUANG)}&to=place%3Achina&path=1`);
    const onPath = await view.evaluate(() =>
      (window as any).officegraphExplorer.cy.nodes('.on-path').map((node: any) => node.id()),
    );
    expect(onPath[0] ?? null).not.toBeNull();
    expect(onPath).toEqual(expect.arrayContaining([HUANG, 'place:china']));
    await expect(view.locator('#path-status').textContent()).resolves.toMatch(/^\d+ hops?: Huang Qiang → .* → China$/);
    await view.screenshot({ path: path.join(OUTPUT, 'explore-path.png') });
    await view.close();
    expect(offsite).toEqual([]);
  });

  it('shows report passages under the entity hits and opens what a passage states', async () => {
    const page = await openPage('/explore');
    await page.focus('#search-input');
    await page.keyboard.type('exports');
    const hit = page.locator('#search-suggestions li.passage-hit').first();
    await hit.waitFor();
    await expect(page.locator('#search-suggestions li.suggestion-group').textContent()).resolves.toBe('In reports');
    await expect(hit.locator('mark').allTextContents()).resolves.toEqual(['exports']);
    await expect(hit.textContent()).resolves.toContain('Provincial Foreign Affairs Committee Holds Plenary Session');
    await page.screenshot({ path: path.join(OUTPUT, 'explore-passages.png') });
    await page.keyboard.press('Enter');
    await page.locator('#entity-name', { hasText: 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee' }).waitFor();
    await idle(page);
    await page.close();
    expect(offsite).toEqual([]);
  });

  it('spreads 300 nodes so that labels stay readable', async () => {
    const page = await openPage('/explore');
    const overlap = await page.evaluate(async () => {
      const explorer = (window as any).officegraphExplorer;
      const kinds = ['PERSON', 'ORGANIZATION', 'POST', 'EVENT', 'POLICY_THEME', 'DOCUMENT', 'PLACE'];
      const nodes = Array.from({ length: 300 }, (_, index) => ({
        id: `test:n${index}`, label: `Node ${index}`, kind: kinds[index % kinds.length], properties: {},
      }));
      // A tree of hubs and leaves, like a neighborhood of depth 2 or 3.
      const edges = nodes.slice(1).map((node, index) => ({
        id: `test:e${index}`, source: `test:n${index < 20 ? 0 : Math.floor(index / 15)}`, target: node.id, type: 'PART_OF', properties: {}, evidence: [],
      }));
      explorer.addElements(nodes, edges);
      const started = performance.now();
      await explorer.runLayout();
      const millis = performance.now() - started;
      const boxes = explorer.cy.nodes().map((node: any) => node.boundingBox({ includeLabels: false }));
      let overlapping = 0;
      for (let a = 0; a < boxes.length; a += 1) {
        for (let b = a + 1; b < boxes.length; b += 1) {
          const p = boxes[a];
          const q = boxes[b];
          if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) overlapping += 1;
        }
      }
      return { nodes: boxes.length, overlapping, millis: Math.round(millis) };
    });
    await page.screenshot({ path: path.join(OUTPUT, 'explore-300.png') });
    console.log(`300-node layout: ${JSON.stringify(overlap)}`);
    expect(overlap.nodes).toBe(300);
    expect(overlap.overlapping).toBeLessThanOrEqual(3);
    await page.close();
  });
});

describe('GraphiQL', () => {
  it('serves GraphiQL with the schema documentation from local files; POST /graphql is unchanged', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByLabel('Show Documentation Explorer').click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).first().waitFor();
    await page.locator('.graphiql-doc-explorer a', { hasText: 'Query' }).first().click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'neighborhood' }).first().waitFor();
    // The example query answers who presided over the plenary, with the quote.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'presided over the meeting' }).waitFor();
    await expect(page.locator('.graphiql-response').textContent()).resolves.toContain('Huang Qiang');
    await page.screenshot({ path: path.join(OUTPUT, 'graphiql.png') });
    await page.close();
    expect(offsite).toEqual([]);

    const post = await server.graphql('{ search(text: "黄强", first: 1) { entity { id } } }');
    expect(post.body).toEqual({ data: { search: [{ entity: { id: HUANG } }] } });
    // CSRF prevention stays on: a simple GET without a preflight-forcing header is refused.
    const simpleGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(400);
    const landing = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).toContain('<script type="module" src="/web/graphiql.js"></script>');
  });
});
