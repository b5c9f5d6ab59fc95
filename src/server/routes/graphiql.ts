/**
 * GET /graphql from a browser (Accept: text/html) shows GraphiQL, bundled from npm into
 * dist/web; every other request (POST, or GET from a GraphQL client) goes on to Apollo, whose
 * CSRF prevention stays on.
 */
import { Router } from 'express';
import { sendWebPage } from './webAssets.js';

export function graphiqlRoutes(): Router {
  const router = Router();
  router.get('/graphql', (request, response, next) => {
    const wantsPage = request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsPage || request.query.query !== undefined) {
      next();
      return;
    }
    sendWebPage(response, 'graphiql.html');
  });
  return router;
}
