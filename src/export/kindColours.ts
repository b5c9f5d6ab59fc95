/** One colour per entity kind, shared by the explorer page's legend and the GEXF export. */
import type { EntityKind } from '../model/document.js';

export const KIND_COLOURS: Record<EntityKind, string> = {
  PERSON: '#d1495b',
  ORGANIZATION: '#00798c',
  POST: '#edae49',
  EVENT: '#6a4c93',
  POLICY_THEME: '#30a14e',
  DOCUMENT: '#8d6e63',
  PLACE: '#3c6e9f',
  SOURCE: '#6c757d',
};
