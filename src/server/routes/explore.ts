/**
 * GET /explore: the built-in graph explorer, and /web/*: its bundled scripts and styles (and
 * GraphiQL's), all from the project's own files, so the pages work offline.
 */
import express, { Router } from 'express';
import { sendWebPage, webDirectory } from './webAssets.js';

export function exploreRoutes(): Router {
  const router = Router();
  router.use('/web', express.static(webDirectory(), { index: false, maxAge: '1h' }));
  router.get('/explore', (_request, response) => sendWebPage(response, 'explore.html'));
  // The review page: paste a report, review the drafted proposals, dry-run, ingest.
  router.get('/explore/add', (_request, response) => sendWebPage(response, 'add.html'));
  return router;
}
