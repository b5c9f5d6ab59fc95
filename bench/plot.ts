/**
 * `npm run bench:plot [-- results.json [outDir]]`: draws bench/results.json as two SVG charts for
 * bench/RESULTS.md, bench/plots/p50.svg (median latency) and bench/plots/rps.svg (requests per
 * second): one panel per concurrency, one group of bars per question, one bar per side, on a
 * logarithmic axis (the sides differ by up to three orders of magnitude). Plain SVG text, no
 * dependency; the same results always give the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Side = 'officegraph' | 'cypher' | 'neo4jGraphql';
interface Timing {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}
interface Results {
  date: string;
  graph: { persons: number; nodes: number; relationships: number };
  queries: Record<string, Record<string, Partial<Record<Side, Timing>>>>;
}

const SIDES: Array<{ side: Side; label: string; colour: string }> = [
  { side: 'officegraph', label: 'officegraph', colour: '#1f77b4' },
  { side: 'cypher', label: 'hand-written Cypher', colour: '#7f7f7f' },
  { side: 'neo4jGraphql', label: '@neo4j/graphql', colour: '#ff7f0e' },
];
const WIDTH = 960;
const LEFT = 70;
const RIGHT = 20;
const PANEL_HEIGHT = 220;
const PANEL_GAP = 40;
const TOP = 70;
const LABEL_SPACE = 45;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
const short = (name: string) => name.replace(' › tenures › post › organization', ' › tenures…').replace(' › post › organization', ' › post › org.');

/** Powers of ten covering [low, high]. */
function decades(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent += 1) ticks.push(10 ** exponent);
  return ticks;
}

export function chart(results: Results, metric: 'p50' | 'rps', title: string, unit: string): string {
  const questions = Object.keys(results.queries);
  const concurrencies = [...new Set(questions.flatMap((name) => Object.keys(results.queries[name] ?? {})))].sort((a, b) => Number(a) - Number(b));
  const values = questions.flatMap((name) => concurrencies.flatMap((c) => SIDES.map(({ side }) => results.queries[name]?.[c]?.[side]?.[metric] ?? 0))).filter((v) => v > 0);
  const ticks = decades(Math.min(...values), Math.max(...values));
  const low = Math.log10(ticks[0] as number);
  const high = Math.log10(ticks[ticks.length - 1] as number);
  const height = TOP + concurrencies.length * (PANEL_HEIGHT + PANEL_GAP + LABEL_SPACE);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const groupWidth = plotWidth / questions.length;
  const barWidth = (groupWidth * 0.75) / SIDES.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<text x="${LEFT}" y="40" fill="#555555">${escape(`${results.graph.persons.toLocaleString('en-US')} persons, ${results.graph.nodes.toLocaleString('en-US')} nodes, ${results.graph.relationships.toLocaleString('en-US')} relationships; run of ${results.date.slice(0, 10)}; ${unit}, logarithmic scale`)}</text>`,
  ];
  SIDES.forEach(({ label, colour }, index) => {
    const x = LEFT + index * 170;
    out.push(`<rect x="${x}" y="50" width="12" height="12" fill="${colour}"/>`, `<text x="${x + 17}" y="60">${escape(label)}</text>`);
  });
  concurrencies.forEach((concurrency, panel) => {
    const top = TOP + panel * (PANEL_HEIGHT + PANEL_GAP + LABEL_SPACE) + PANEL_GAP / 2;
    const bottom = top + PANEL_HEIGHT;
    const y = (value: number) => bottom - ((Math.log10(value) - low) / (high - low)) * PANEL_HEIGHT;
    out.push(`<text x="${LEFT}" y="${fixed(top - 8)}" font-weight="bold">concurrency ${escape(concurrency)}</text>`);
    for (const tick of ticks) {
      out.push(
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" stroke="#dddddd"/>`,
        `<text x="${LEFT - 6}" y="${fixed(y(tick) + 4)}" text-anchor="end">${escape(tick >= 1 ? tick.toLocaleString('en-US') : String(tick))}</text>`,
      );
    }
    out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${bottom}" y2="${bottom}" stroke="#333333"/>`);
    questions.forEach((name, group) => {
      const groupLeft = LEFT + group * groupWidth + groupWidth * 0.125;
      SIDES.forEach(({ side, label, colour }, index) => {
        const value = results.queries[name]?.[concurrency]?.[side]?.[metric];
        if (value === undefined || value <= 0) return;
        const x = groupLeft + index * barWidth;
        const barTop = Math.min(y(value), bottom - 1);
        out.push(
          `<rect x="${fixed(x)}" y="${fixed(barTop)}" width="${fixed(barWidth - 1)}" height="${fixed(bottom - barTop)}" fill="${colour}"><title>${escape(`${name}, concurrency ${concurrency}, ${label}: ${value} ${unit}`)}</title></rect>`,
          `<text x="${fixed(x + barWidth / 2)}" y="${fixed(barTop - 3)}" text-anchor="middle" font-size="8">${escape(value >= 100 ? String(Math.round(value)) : fixed(value))}</text>`,
        );
      });
      const centre = LEFT + group * groupWidth + groupWidth / 2;
      const words = short(name).split(' ');
      const lines: string[] = [];
      for (const word of words) {
        const last = lines[lines.length - 1];
        if (last !== undefined && (last + ' ' + word).length <= 22) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      lines.slice(0, 4).forEach((line, row) => out.push(`<text x="${fixed(centre)}" y="${fixed(bottom + 14 + row * 13)}" text-anchor="middle">${escape(line)}</text>`));
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.resolve(process.argv[2] ?? path.join(here, 'results.json'));
  const outDir = path.resolve(process.argv[3] ?? path.join(here, 'plots'));
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'p50.svg'), chart(results, 'p50', 'Median latency (p50) per question and side', 'ms'));
  writeFileSync(path.join(outDir, 'rps.svg'), chart(results, 'rps', 'Throughput per question and side', 'requests/s'));
  process.stderr.write(`wrote ${path.join(outDir, 'p50.svg')} and ${path.join(outDir, 'rps.svg')}\n`);
}
