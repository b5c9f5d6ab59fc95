/**
 * Debian's Chromium (CHROMIUM_PATH to use another) driven by playwright-core for the browser
 * tests: a throw-away profile, headless, and every request that leaves the test server aborted
 * and listed in `offsite`, so a page that reaches for the network fails its test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  context: BrowserContext;
  /** The URLs outside the test server that a page asked for (all aborted). */
  offsite: string[];
  close(): Promise<void>;
}

export async function openTestBrowser(serverUrl: string, options: { viewport: { width: number; height: number }; acceptDownloads?: boolean }): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'officegraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport,
    ...(options.acceptDownloads === undefined ? {} : { acceptDownloads: options.acceptDownloads }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const offsite: string[] = [];
  const origin = new URL(serverUrl).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return {
    context,
    offsite,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
