/**
 * Relay connections for the big lists: pages in id order, opaque cursors that stay valid as
 * long as the entity they name exists (a cursor is the base64url of "id:" + the last id seen,
 * so inserts elsewhere never shift a page), and the total that matches the filters.
 */
import { badArgument } from '../errors.js';
import type { EntityRecord } from './records.js';

export const CONNECTION_DEFAULT_FIRST = 20;
export const CONNECTION_MAX_FIRST = 100;

const CURSOR_PREFIX = 'id:';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ cursor: string; node: T }>;
}

export function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id a cursor stands for; BAD_USER_INPUT naming `argument` when it is not one of ours. */
export function decodeCursor(argument: string, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw badArgument(argument, 'expected a cursor from a previous page (pageInfo.endCursor)', cursor);
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

export function toConnection(
  nodes: ReadonlyArray<EntityRecord>,
  page: { totalCount: number; hasNextPage: boolean; after: string | null },
): Connection<EntityRecord> {
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}
