/**
 * Turns a bulk data set (src/bulk/bulkFormat.ts) into the CSV files of Neo4j's offline importer
 * (`neo4j-admin database import full`), line by line, so that a national-size data set never
 * has to be in memory. The files describe exactly the graph that cypher/bulk_*.cy writes into an
 * empty database:
 * - sources: (:Entity:Source) with the record's fields, kind 'SOURCE', searchText "name | publisher";
 * - entities: (:Entity:<label>) with their properties, kind, name, aliases (the other names, each
 *   once) and searchText (every alias followed by " | "); (:Source)-[:MENTIONS {quote}]->(entity);
 * - relations: [:<type> {evidence, sourceIds}] between entities;
 * - tenures: (:Tenure {id, startDate, endDate, termEnd, evidence, sourceIds}), (person)-[:HOLDS]->,
 *   -[:OF_POST]->(post), -[:ON_BEHALF_OF {evidence, sourceIds}]->(organization);
 * - participations: (person)-[:PARTICIPATED_IN {role, capacity, evidence, sourceIds}]->(event);
 * - successions: (later:Tenure)-[:SUCCEEDS {evidence, sourceIds}]->(earlier:Tenure).
 * Whole numbers become Cypher integers and other numbers floats, as GraphStore sends them.
 *
 * The importer creates, where the Cypher MERGEs; so a data set it cannot load the same way is
 * refused instead of loaded differently: an id twice (the importer stops on it), a fact twice, an
 * empty evidence list, a name that cannot be a label, type or property key. The importer cannot
 * store an empty list, so empty alias lists are left out here and set afterwards
 * (bulk_empty_aliases). What the data set refers to must exist (the importer checks it).
 */
import { createReadStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { BufferedFile } from './bufferedFile.js';
import { readManifest } from './importBulk.js';
import {
  BULK_STAGES,
  stageFile,
  type BulkEntity,
  type BulkManifest,
  type BulkParticipation,
  type BulkRelation,
  type BulkSource,
  type BulkStage,
  type BulkSuccession,
  type BulkTenure,
} from './bulkFormat.js';

/** Between the elements of a list property: a control character no text here uses (checked). */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export interface AdminImportFile {
  /** `--nodes=Entity:Person=FILE` or `--relationships=TYPE=FILE`; the header is the file's first line. */
  kind: 'nodes' | 'relationships';
  /** Labels (nodes) or the relationship type; empty when the file has a :TYPE column. */
  labels: string[];
  file: string;
  rows: number;
  /** Some value holds a line break: the importer must parse this file with multi-line fields. */
  multiline: boolean;
}

export interface AdminImportFiles {
  manifest: BulkManifest;
  files: AdminImportFile[];
  /** Records per stage, counted as import:bulk counts them (non-empty lines). */
  records: Record<BulkStage, number>;
  nodes: number;
  relationships: number;
  /** The longest value written, in characters (the importer's read buffer must hold it). */
  longestValue: number;
}

export class FirstLoadDataError extends Error {
  override name = 'FirstLoadDataError';
}

type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]';
type Value = string | number | boolean | string[] | null | undefined;
interface Column {
  key: string;
  type: CsvType;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One CSV file, written through a buffer with synchronous writes (the conversion is one sequential pass). */
class CsvFile {
  private readonly out: BufferedFile;
  readonly entry: AdminImportFile;

  constructor(
    file: string,
    kind: AdminImportFile['kind'],
    labels: string[],
    private readonly columns: Column[],
    private readonly stats: { longestValue: number },
  ) {
    this.out = new BufferedFile(file);
    this.entry = { kind, labels, file, rows: 0, multiline: false };
    this.push(`${columns.map((column) => column.key).join(',')}\n`);
  }

  row(values: Value[]): void {
    const fields = values.map((value, index) => this.field(value, this.columns[index] as Column));
    this.push(`${fields.join(',')}\n`);
    this.entry.rows += 1;
  }

  private field(value: Value, column: Column): string {
    if (value === null || value === undefined) return ''; // unquoted empty: no property
    let text: string;
    if (Array.isArray(value)) {
      for (const element of value) {
        if (typeof element !== 'string') throw new FirstLoadDataError(`${column.key}: a list holds ${JSON.stringify(element)}, not a string`);
        if (element.includes(ARRAY_DELIMITER)) throw new FirstLoadDataError(`${column.key}: a list element holds the character U+001F`);
      }
      text = value.join(ARRAY_DELIMITER);
    } else {
      text = String(value);
    }
    if (text.length > this.stats.longestValue) this.stats.longestValue = text.length;
    if (!this.entry.multiline && (text.includes('\n') || text.includes('\r'))) this.entry.multiline = true;
    return `"${text.replaceAll('"', '""')}"`;
  }

  private push(text: string): void {
    this.out.write(text);
  }

  close(): void {
    this.out.close();
  }
}

/** Node files of one label whose records carry the same property keys and types share a file. */
class NodeFiles {
  private readonly bySignature = new Map<string, { file: CsvFile; keys: string[] }>();

  constructor(
    private readonly outDir: string,
    private readonly prefix: string,
    private readonly idColumn: string,
    private readonly fixed: Column[],
    private readonly stats: { longestValue: number },
    private readonly all: CsvFile[],
  ) {}

  write(labels: string[], id: string, fixed: Value[], properties: Record<string, Value>): void {
    const keys = Object.keys(properties)
      .filter((key) => properties[key] !== null && properties[key] !== undefined)
      .sort();
    const columns = keys.map((key) => ({ key, type: typeOf(key, properties[key]) }));
    const signature = `${labels.join(':')}|${columns.map((column) => `${column.key}:${column.type}`).join(',')}`;
    let target = this.bySignature.get(signature);
    if (!target) {
      const idColumn: Column = { key: this.idColumn, type: 'string' };
      const header = [idColumn, ...this.fixed, ...columns].map((column): Column => ({
        key: column.key.includes(':') ? column.key : column.type === 'string' ? column.key : `${column.key}:${column.type}`,
        type: column.type,
      }));
      const file = new CsvFile(path.join(this.outDir, `${this.prefix}-${this.bySignature.size}.csv`), 'nodes', labels, header, this.stats);
      this.all.push(file);
      target = { file, keys };
      this.bySignature.set(signature, target);
    }
    target.file.row([id, ...fixed, ...target.keys.map((key) => properties[key])]);
  }
}

function typeOf(key: string, value: Value): CsvType {
  if (!NAME.test(key)) throw new FirstLoadDataError(`the property key ${JSON.stringify(key)} is not a plain name (letters, digits, _)`);
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'boolean') return 'boolean';
  throw new FirstLoadDataError(`the property ${key} holds ${JSON.stringify(value)}: only strings, numbers and booleans can be loaded`);
}

function checkName(what: string, name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) throw new FirstLoadDataError(`${what} ${JSON.stringify(name)} is not a plain name (letters, digits, _)`);
  return name;
}

function evidenceOf(what: string, fact: { evidence: string[]; sourceIds: string[] }): [string[], string[]] {
  if (!Array.isArray(fact.evidence) || fact.evidence.length === 0 || !Array.isArray(fact.sourceIds) || fact.sourceIds.length === 0) {
    throw new FirstLoadDataError(`${what} has no evidence (an empty list cannot be loaded by neo4j-admin import)`);
  }
  return [fact.evidence, fact.sourceIds];
}

/** aliases and searchText exactly as bulk_entities.cy computes them for a new entity. */
export function entityNames(entity: Pick<BulkEntity, 'name' | 'aliases'>): { aliases: string[]; searchText: string } {
  const aliases: string[] = [];
  for (const alias of [entity.name, ...(entity.aliases ?? [])]) {
    if (alias === entity.name || aliases.includes(alias)) continue;
    aliases.push(alias);
  }
  return { aliases, searchText: aliases.map((alias) => `${alias} | `).join('') };
}

/**
 * A set of fact keys kept as 53-bit hashes (two FNV-1a variants), small enough for millions of
 * facts; a collision makes a new fact look like a repeated one, which refuses the data set
 * rather than loading it wrongly.
 */
class FactKeys {
  private readonly seen = new Set<number>();
  add(key: string): boolean {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ key.length;
    for (let i = 0; i < key.length; i += 1) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    const hash = (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
    if (this.seen.has(hash)) return false;
    this.seen.add(hash);
    return true;
  }
}

export async function writeAdminImportFiles(
  directory: string,
  outDir: string,
  onProgress: (stage: BulkStage, records: number) => void = () => {},
): Promise<AdminImportFiles> {
  const manifest = readManifest(directory);
  mkdirSync(outDir, { recursive: true });
  const stats = { longestValue: 0 };
  const all: CsvFile[] = [];
  const file = (name: string, kind: AdminImportFile['kind'], labels: string[], columns: Column[]) => {
    const csv = new CsvFile(path.join(outDir, name), kind, labels, columns, stats);
    all.push(csv);
    return csv;
  };
  const string = (key: string): Column => ({ key, type: 'string' });
  const list = (key: string): Column => ({ key: `${key}:string[]`, type: 'string[]' });
  const entityIds: Column = { key: 'id:ID(Entity)', type: 'string' };

  const sources = new NodeFiles(outDir, 'sources', entityIds.key, [string('kind'), string('searchText')], stats, all);
  const entities = new NodeFiles(outDir, 'entities', entityIds.key, [string('kind'), string('name'), list('aliases'), string('searchText')], stats, all);
  const mentions = file('mentions.csv', 'relationships', ['MENTIONS'], [string(':START_ID(Entity)'), string(':END_ID(Entity)'), string('quote')]);
  const relations = file('relations.csv', 'relationships', [], [
    string(':START_ID(Entity)'),
    string(':END_ID(Entity)'),
    string(':TYPE'),
    list('evidence'),
    list('sourceIds'),
  ]);
  const tenures = file('tenures.csv', 'nodes', ['Tenure'], [
    string('id:ID(Tenure)'),
    string('startDate'),
    string('endDate'),
    string('termEnd'),
    list('evidence'),
    list('sourceIds'),
  ]);
  const holds = file('holds.csv', 'relationships', ['HOLDS'], [string(':START_ID(Entity)'), string(':END_ID(Tenure)')]);
  const ofPost = file('of_post.csv', 'relationships', ['OF_POST'], [string(':START_ID(Tenure)'), string(':END_ID(Entity)')]);
  const onBehalfOf = file('on_behalf_of.csv', 'relationships', ['ON_BEHALF_OF'], [
    string(':START_ID(Tenure)'),
    string(':END_ID(Entity)'),
    list('evidence'),
    list('sourceIds'),
  ]);
  const participations = file('participations.csv', 'relationships', ['PARTICIPATED_IN'], [
    string(':START_ID(Entity)'),
    string(':END_ID(Entity)'),
    string('role'),
    string('capacity'),
    list('evidence'),
    list('sourceIds'),
  ]);
  const successions = file('successions.csv', 'relationships', ['SUCCEEDS'], [
    string(':START_ID(Tenure)'),
    string(':END_ID(Tenure)'),
    list('evidence'),
    list('sourceIds'),
  ]);

  const facts = new FactKeys();
  const once = (what: string, key: string) => {
    if (!facts.add(key)) {
      throw new FirstLoadDataError(`${what} occurs more than once; import:bulk merges repeated facts, the first load cannot: load this data set with import:bulk`);
    }
  };

  const writers: { [S in BulkStage]: (line: string) => void } = {
    sources: (line) => {
      const { id, ...fields } = JSON.parse(line) as BulkSource;
      const searchText = typeof fields.name === 'string' ? `${fields.name} | ${fields.publisher ?? ''}` : null;
      sources.write(['Entity', 'Source'], id, ['SOURCE', searchText], fields as unknown as Record<string, Value>);
    },
    entities: (line) => {
      const entity = JSON.parse(line) as BulkEntity;
      const label = checkName('the label', entity.label);
      const { aliases, searchText } = entityNames(entity);
      const properties: Record<string, Value> = { ...entity.properties };
      if ('id' in properties && properties.id !== entity.id) throw new FirstLoadDataError(`entity ${entity.id} has a property id ${JSON.stringify(properties.id)}`);
      for (const key of ['id', 'kind', 'name', 'aliases', 'searchText']) delete properties[key]; // bulk_entities.cy sets these after +=
      entities.write(['Entity', label], entity.id, [entity.kind, entity.name, aliases.length > 0 ? aliases : null, searchText], properties);
      // MERGE per source: a source named twice keeps its last quote.
      const quotes = new Map<string, string>();
      for (const mention of entity.mentions) quotes.set(mention.s, mention.q);
      for (const [source, quote] of quotes) mentions.row([source, entity.id, quote]);
    },
    relations: (line) => {
      const fact = JSON.parse(line) as BulkRelation;
      const type = checkName('the relationship type', fact.type);
      once(`the fact ${type} ${fact.from} -> ${fact.to}`, `r\u0000${type}\u0000${fact.from}\u0000${fact.to}`);
      relations.row([fact.from, fact.to, type, ...evidenceOf(`the fact ${type} ${fact.from} -> ${fact.to}`, fact)]);
    },
    tenures: (line) => {
      const tenure = JSON.parse(line) as BulkTenure;
      const evidence = evidenceOf(`the tenure ${tenure.id}`, tenure);
      tenures.row([tenure.id, tenure.startDate, tenure.endDate, tenure.termEnd, ...evidence]);
      holds.row([tenure.person, tenure.id]);
      ofPost.row([tenure.id, tenure.post]);
      if (tenure.onBehalfOf !== null && tenure.onBehalfOf !== undefined) onBehalfOf.row([tenure.id, tenure.onBehalfOf, ...evidence]);
    },
    participations: (line) => {
      const fact = JSON.parse(line) as BulkParticipation;
      const what = `the participation of ${fact.person} in ${fact.event} (${fact.role})`;
      once(what, `p\u0000${fact.person}\u0000${fact.event}\u0000${fact.role}`);
      participations.row([fact.person, fact.event, fact.role, fact.capacity, ...evidenceOf(what, fact)]);
    },
    successions: (line) => {
      const fact = JSON.parse(line) as BulkSuccession;
      const what = `the succession ${fact.from} -> ${fact.to}`;
      once(what, `s\u0000${fact.from}\u0000${fact.to}`);
      successions.row([fact.from, fact.to, ...evidenceOf(what, fact)]);
    },
  };

  const records = Object.fromEntries(BULK_STAGES.map((stage) => [stage, 0])) as Record<BulkStage, number>;
  try {
    for (const stage of BULK_STAGES) {
      const input = createInterface({ input: createReadStream(path.join(directory, stageFile(stage)), 'utf8'), crlfDelay: Infinity });
      for await (const line of input) {
        if (line.trim() === '') continue;
        try {
          writers[stage](line);
        } catch (error) {
          if (error instanceof FirstLoadDataError) {
            throw new FirstLoadDataError(`${stageFile(stage)}, record ${records[stage] + 1}: ${error.message}`);
          }
          throw error;
        }
        records[stage] += 1;
        if (records[stage] % 50_000 === 0) onProgress(stage, records[stage]);
      }
      onProgress(stage, records[stage]);
    }
  } finally {
    for (const csv of all) csv.close();
  }
  const files = all.map((csv) => csv.entry).filter((entry) => entry.rows > 0);
  const count = (kind: AdminImportFile['kind']) => files.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.rows, 0);
  return { manifest, files, records, nodes: count('nodes'), relationships: count('relationships'), longestValue: stats.longestValue };
}
