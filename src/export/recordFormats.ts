/**
 * The record formats of /export and `npm run export`: Popolo and FollowTheMoney, written from the
 * entities and tenures of a set of entity ids (a neighbourhood, the paths between two entities,
 * the entities one source mentions, or the whole graph).
 */
import type { GraphStore } from '../graph/graphStore.js';
import { readExportRecords } from './exportRecords.js';
import { toFtm } from './ftm.js';
import { toPopolo } from './popolo.js';

export const RECORD_FORMATS = ['popolo', 'ftm'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export function isRecordFormat(format: string): format is RecordFormat {
  return (RECORD_FORMATS as readonly string[]).includes(format);
}

export interface RecordFile {
  contentType: string;
  fileName: string;
  body: string;
}

export async function exportRecords(store: GraphStore, ids: readonly string[], format: RecordFormat, title: string, baseName: string): Promise<RecordFile> {
  const records = await readExportRecords(store, ids);
  if (format === 'popolo') {
    return { contentType: 'application/json; charset=utf-8', fileName: `${baseName}.popolo.json`, body: `${JSON.stringify(toPopolo(records, { title }), null, 2)}\n` };
  }
  return { contentType: 'application/x-ndjson; charset=utf-8', fileName: `${baseName}.ftm.json`, body: toFtm(records) };
}
