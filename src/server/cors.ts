/**
 * CORS for /graphql, closed by default: only origins listed in OFFICEGRAPH_CORS_ORIGINS get
 * Access-Control-Allow-Origin (and a preflight answer); every other cross-origin browser call is
 * refused by the browser. Apollo's CSRF prevention stays on either way.
 */
import type { RequestHandler } from 'express';

export function corsFor(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    const origin = request.headers.origin;
    response.vary('Origin');
    if (origin === undefined || !allowed.has(origin)) {
      next();
      return;
    }
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Expose-Headers', 'x-request-id');
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      response.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, apollo-require-preflight, x-request-id');
      response.setHeader('Access-Control-Max-Age', '600');
      response.status(204).end();
      return;
    }
    next();
  };
}
