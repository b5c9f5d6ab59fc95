/**
 * Where the bundled browser pages live (dist/web, written by scripts/build-web.mjs at build
 * time), and a handler that serves one of their HTML pages, or says how to build them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'express';
import { projectRoot } from '../../projectRoot.js';

export function webDirectory(): string {
  return path.join(projectRoot(), 'dist', 'web');
}

export function sendWebPage(response: Response, fileName: string): void {
  const file = path.join(webDirectory(), fileName);
  if (!existsSync(file)) {
    response.status(503).type('text/plain').send(`The browser pages are not built: run "npm run build" (missing ${fileName}).`);
    return;
  }
  response.set('cache-control', 'no-cache').sendFile(file);
}
