// The explorer page: search (Latin or Chinese names), a Cytoscape.js graph that grows as nodes
// are clicked, a panel with the entity's properties, facts and evidence, an "as of" date that
// hides facts not valid then, shortest paths, exports, and the whole view kept in the URL.
// It speaks only the public GraphQL API (POST /graphql) and GET /export.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type EdgeSingular } from 'cytoscape';
import { KIND_COLOURS } from '../../src/export/kindColours.js';
import { existedByDay, heldOnDay } from '../../src/model/asOfDay.js';
import './explore.css';

type Kind = keyof typeof KIND_COLOURS;

interface EvidenceItem {
  quote: string;
  note: string | null;
  source: { id: string; name: string; url: string | null; publisher: string | null; publishedDate: string | null };
}
interface GraphNode { id: string; kind: Kind; label: string; properties: Record<string, unknown> }
interface GraphEdge { id: string; source: string; target: string; type: string; properties: Record<string, unknown>; evidence: EvidenceItem[] }
interface SearchHit { entity: { id: string; kind: Kind; name: string }; matched: string }
/** A sentence of a report that matches the search, shown under the entity hits. */
interface PassageHit { passage: { source: { id: string; name: string }; start: number; snippet: string; facts: Array<{ source: string }> } }
type Suggestion = SearchHit | PassageHit;

const KIND_NAMES: Record<Kind, string> = {
  PERSON: 'Person', ORGANIZATION: 'Organization', POST: 'Post', EVENT: 'Event',
  POLICY_THEME: 'Policy theme', DOCUMENT: 'Document', PLACE: 'Place', SOURCE: 'Source',
};
const KIND_SHAPES: Record<Kind, string> = {
  PERSON: 'ellipse', ORGANIZATION: 'round-rectangle', POST: 'round-diamond', EVENT: 'star',
  POLICY_THEME: 'round-hexagon', DOCUMENT: 'round-tag', PLACE: 'round-triangle', SOURCE: 'rectangle',
};
const NEIGHBOURS_PER_EXPAND = 150;
/** Facts about people first: who held what and who took part, then the rest. */
const FACT_ORDER = ['PARTICIPATED_IN', 'HOLDS', 'ORGANIZED_BY', 'POST_OF', 'PART_OF', 'HELD_IN', 'BASED_IN', 'APPROVED', 'ADDRESSED'];
const ROLE_ORDER = ['PRESIDED', 'SPOKE', 'HOSTED', 'ORGANIZED', 'ATTENDED', 'OTHER'];
const rank = (order: string[], value: unknown) => (order.includes(String(value)) ? order.indexOf(String(value)) : order.length);
const factRank = (edge: EdgeSingular) =>
  rank(FACT_ORDER, edge.data('type')) * 10 + rank(ROLE_ORDER, (edge.data('properties') as Record<string, unknown>).role);
const PATH_MAX_HOPS = 6;

const EDGE_FIELDS = 'id source target type properties evidence { quote note source { id name url publisher publishedDate } }';
const NEIGHBORHOOD_QUERY = `query Neighborhood($id: ID!, $limit: Int!) {
  neighborhood(id: $id, depth: 1, limit: $limit) { nodes { id kind label properties } edges { ${EDGE_FIELDS} } truncated }
}`;
const PATHS_QUERY = `query Paths($from: ID!, $to: ID!, $maxHops: Int!) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: 1) { length nodes { id kind label properties } edges { ${EDGE_FIELDS} } }
}`;
const SEARCH_QUERY = `query Search($text: String!) {
  search(text: $text, first: 8) { entity { id kind name } matched }
  passages(text: $text, first: 4) { source { id name } start snippet facts { source } }
}`;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const searchInput = element<HTMLInputElement>('search-input');
const suggestions = element<HTMLUListElement>('search-suggestions');
const asOfInput = element<HTMLInputElement>('as-of');
const exportFormat = element<HTMLSelectElement>('export-format');
const exportLink = element<HTMLAnchorElement>('export-link');
const permalink = element<HTMLAnchorElement>('permalink');
const panelEmpty = element<HTMLDivElement>('panel-empty');
const panelEntity = element<HTMLDivElement>('panel-entity');
const pathFindButton = element<HTMLButtonElement>('path-find');
const statusLine = element<HTMLSpanElement>('status');

const state = {
  focus: null as string | null,
  expanded: [] as string[],
  at: null as string | null,
  from: null as string | null,
  to: null as string | null,
  pathShown: false,
};
let busy = 0;

// ---- GraphQL ---------------------------------------------------------------------------------

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  busy += 1;
  document.body.dataset.busy = String(busy);
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data as T;
  } finally {
    busy -= 1;
    document.body.dataset.busy = String(busy);
  }
}

// ---- the graph view --------------------------------------------------------------------------

const cy: Core = cytoscape({
  container: element('graph'),
  wheelSensitivity: 0.3,
  minZoom: 0.1,
  maxZoom: 3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': (node: NodeSingular) => KIND_COLOURS[node.data('kind') as Kind] ?? '#888',
        shape: (node: NodeSingular) => KIND_SHAPES[node.data('kind') as Kind] ?? 'ellipse',
        width: 26,
        height: 26,
        label: 'data(label)',
        'font-size': 13,
        color: '#1d2330',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
        'border-width': 1,
        'border-color': '#ffffff',
      } as never,
    },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2330' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2a900', width: 34, height: 34 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa3ae',
        'target-arrow-color': '#9aa3ae',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 9,
        color: '#4a5260',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 8,
      } as never,
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#f2a900', 'target-arrow-color': '#f2a900' } },
    { selector: 'edge.on-path', style: { 'line-color': '#d1495b', 'target-arrow-color': '#d1495b', width: 4 } },
    { selector: 'node.on-path', style: { 'border-color': '#d1495b', 'border-width': 4 } },
    { selector: '.not-at-date', style: { display: 'none' } },
  ],
});

function nodeElement(node: GraphNode): ElementDefinition {
  return { group: 'nodes', data: { id: node.id, label: node.label, kind: node.kind, properties: node.properties } };
}
function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { ...edge } };
}

/** Adds what is new, placing new nodes around `near` so the layout only has to tidy up. */
function addElements(nodes: GraphNode[], edges: GraphEdge[], near?: string): void {
  const anchor = near ? cy.getElementById(near) : null;
  const centre = anchor && anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
  const fresh = nodes.filter((node) => cy.getElementById(node.id).empty());
  cy.batch(() => {
    fresh.forEach((node, index) => {
      const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
      const radius = 120 + 6 * fresh.length;
      cy.add({ ...nodeElement(node), position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } });
    });
    for (const edge of edges) {
      if (cy.getElementById(edge.id).empty() && cy.getElementById(edge.source).nonempty() && cy.getElementById(edge.target).nonempty()) {
        cy.add(edgeElement(edge));
      }
    }
  });
}

function runLayout(): Promise<void> {
  const count = cy.nodes().length;
  const layout = cy.layout({
    name: 'cose',
    animate: false,
    // A small graph is laid out afresh (rounder, so it fits the screen at a readable zoom); a
    // big one keeps its positions, so expanding a node does not reshuffle what the user has seen.
    randomize: count < 80,
    ...(count < 80 ? { boundingBox: { x1: 0, y1: 0, w: cy.width(), h: cy.height() } } : {}),
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => (count < 40 ? 50 : 90 + Math.min(count, 300) / 3),
    // Strong repulsion spreads hundreds of nodes; a few nodes need less or they drift apart.
    nodeRepulsion: () => (count < 40 ? 12_000 : 900_000),
    nodeOverlap: 40,
    edgeElasticity: () => 80,
    gravity: count < 40 ? 1 : 0.4,
    componentSpacing: 120,
    numIter: count > 150 ? 1500 : 2500,
  } as cytoscape.LayoutOptions);
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      // Fitting two or three nodes would blow them up; keep them at a readable size instead.
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
      resolve();
    }),
  );
  layout.run();
  return done;
}

async function expand(id: string): Promise<void> {
  const data = await graphql<{ neighborhood: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean } }>(NEIGHBORHOOD_QUERY, {
    id,
    limit: NEIGHBOURS_PER_EXPAND,
  });
  addElements(data.neighborhood.nodes, data.neighborhood.edges, id);
  cy.getElementById(id).addClass('expanded');
  if (!state.expanded.includes(id)) state.expanded.push(id);
  if (data.neighborhood.truncated) setStatus(`Showing the first ${NEIGHBOURS_PER_EXPAND} neighbours of ${labelOf(id)}.`);
}

function labelOf(id: string): string {
  const node = cy.getElementById(id);
  return node.nonempty() ? String(node.data('label')) : id;
}

// ---- "as of" ---------------------------------------------------------------------------------

/** An event, document or source exists from its date on; undated entities always. */
function nodeValidAt(node: NodeSingular, at: string): boolean {
  return existedByDay(node.data('properties') as Record<string, unknown>, at);
}

/** A tenure (HOLDS) counts on the days the server stored for it (heldFrom to heldTo). */
function edgeValidAt(edge: EdgeSingular, at: string): boolean {
  return edge.data('type') !== 'HOLDS' || heldOnDay(edge.data('properties') as Record<string, unknown>, at);
}

function applyAsOf(): void {
  const at = state.at;
  cy.batch(() => {
    cy.elements().removeClass('not-at-date');
    if (!at) return;
    cy.nodes().forEach((node) => {
      if (!nodeValidAt(node, at)) node.addClass('not-at-date');
    });
    cy.edges().forEach((edge) => {
      if (!edgeValidAt(edge, at) || edge.source().hasClass('not-at-date') || edge.target().hasClass('not-at-date')) edge.addClass('not-at-date');
    });
  });
}

// ---- the side panel --------------------------------------------------------------------------

function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, text, index) => out + text + (index < values.length ? escapeHtml(values[index]) : ''), '');
}
function escapeHtml(value: unknown): string {
  if (value instanceof SafeHtml) return value.text;
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
class SafeHtml {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new SafeHtml(text);

function kindTag(kind: Kind): SafeHtml {
  return raw(html`<span class="kind-tag" style="background:${KIND_COLOURS[kind] ?? '#888'}">${KIND_NAMES[kind] ?? kind}</span>`);
}

function propertyValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(' · ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function evidenceHtml(items: EvidenceItem[]): SafeHtml {
  return raw(
    items
      .map((item) => {
        const source = item.source;
        const href = source.url ?? `/explore?id=${encodeURIComponent(source.id)}`;
        const meta = [source.publisher, source.publishedDate].filter(Boolean).join(', ');
        return html`<blockquote class="evidence">“${item.quote}”</blockquote>
          ${raw(item.note ? html`<div class="evidence-note">Note: ${item.note}</div>` : '')}
          <div class="evidence-source">Source: <a class="source-link" href="${href}" target="_blank" rel="noopener">${source.name}</a>${meta ? ` (${meta})` : ''}</div>`;
      })
      .join(''),
  );
}

function factHtml(edge: EdgeSingular): string {
  const properties = edge.data('properties') as Record<string, unknown>;
  const details = ['role', 'capacity', 'startDate', 'endDate']
    .filter((key) => properties[key] !== undefined && properties[key] !== null)
    .map((key) => `${key}: ${propertyValue(key === 'capacity' ? labelOf(String(properties[key])) : properties[key])}`)
    .join(', ');
  const dimmed = edge.hasClass('not-at-date') ? ' dimmed' : '';
  return html`<div class="fact${dimmed}" data-edge="${edge.id()}">
    <div class="fact-title">${labelOf(edge.source().id())} — ${edge.data('type')} → ${labelOf(edge.target().id())}</div>
    ${raw(details ? html`<div>${details}</div>` : '')}
    ${evidenceHtml(edge.data('evidence') as EvidenceItem[])}
  </div>`;
}

function showEntity(id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  const properties = node.data('properties') as Record<string, unknown>;
  const rows = Object.entries(properties)
    .filter(([key]) => key !== 'name' && key !== 'kind')
    .map(([key, value]) => html`<dt>${key}</dt><dd>${propertyValue(value)}</dd>`)
    .join('');
  const facts = node
    .connectedEdges()
    .sort((a, b) => factRank(a) - factRank(b) || String(a.data('type')).localeCompare(String(b.data('type'))) || a.id().localeCompare(b.id()))
    .map(factHtml)
    .join('');
  panelEmpty.hidden = true;
  panelEntity.hidden = false;
  panelEntity.innerHTML = html`<h2 id="entity-name">${node.data('label')}</h2>${kindTag(node.data('kind') as Kind)}
    <div class="panel-actions">
      <button type="button" data-action="expand">Expand neighbours</button>
      <button type="button" data-action="path-from">Path from here</button>
      <button type="button" data-action="path-to">Path to here</button>
    </div>
    <h3>Properties</h3><dl>${raw(rows)}</dl>
    <h3>Facts (${node.connectedEdges().length})</h3>${raw(facts || '<p>No facts loaded yet: expand the node.</p>')}`;
}

function showEdge(edge: EdgeSingular): void {
  panelEmpty.hidden = true;
  panelEntity.hidden = false;
  panelEntity.innerHTML = html`<h2>${edge.data('type')}</h2><h3>Fact</h3>${raw(factHtml(edge))}`;
}

panelEntity.addEventListener('click', (event) => {
  const action = (event.target as HTMLElement).closest('button')?.dataset.action;
  const id = state.focus;
  if (!action || !id) return;
  if (action === 'expand') void withStatus(expand(id).then(runLayout).then(() => refresh()));
  if (action === 'path-from') state.from = id;
  if (action === 'path-to') state.to = id;
  refresh();
});

// ---- paths -----------------------------------------------------------------------------------

async function showPath(): Promise<void> {
  const { from, to } = state;
  if (!from || !to) return;
  const status = element('path-status');
  const data = await graphql<{ paths: Array<{ length: number; nodes: GraphNode[]; edges: GraphEdge[] }> }>(PATHS_QUERY, {
    from,
    to,
    maxHops: PATH_MAX_HOPS,
  });
  cy.elements().removeClass('on-path');
  const [path] = data.paths;
  if (!path) {
    status.textContent = `No path within ${PATH_MAX_HOPS} hops.`;
    return;
  }
  addElements(path.nodes, path.edges, from);
  await runLayout();
  cy.batch(() => {
    for (const item of [...path.nodes, ...path.edges]) cy.getElementById(item.id).addClass('on-path');
  });
  state.pathShown = true;
  status.textContent = `${path.length} ${path.length === 1 ? 'hop' : 'hops'}: ${path.nodes.map((node) => node.label).join(' → ')}`;
}

element('path-find').addEventListener('click', () => void withStatus(showPath().then(() => refresh())));
element('path-clear').addEventListener('click', () => {
  state.from = null;
  state.to = null;
  state.pathShown = false;
  cy.elements().removeClass('on-path');
  element('path-status').textContent = '';
  refresh();
});

// ---- search with suggestions (keyboard: ↑ ↓ Enter Escape) -------------------------------------

let hits: Suggestion[] = [];
let active = -1;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSerial = 0;

function renderSuggestions(): void {
  suggestions.innerHTML = hits
    .map((hit, index) => {
      if ('passage' in hit) {
        // The snippet is HTML-escaped by the server, with the matched words in <mark>.
        const header = index === 0 || !('passage' in (hits[index - 1] as Suggestion)) ? html`<li class="suggestion-group" role="presentation">In reports</li>` : '';
        return header + html`<li id="suggestion-${index}" class="passage-hit" role="option" aria-selected="${index === active}" data-index="${index}"><span class="passage-snippet">${raw(hit.passage.snippet)}</span><span class="matched">${hit.passage.source.name}</span></li>`;
      }
      const matched = hit.matched && hit.matched !== hit.entity.name ? html`<span class="matched">${hit.matched}</span>` : '';
      return html`<li id="suggestion-${index}" role="option" aria-selected="${index === active}" data-index="${index}">${kindTag(hit.entity.kind)}<span>${hit.entity.name}</span>${raw(matched)}</li>`;
    })
    .join('');
  const open = hits.length > 0;
  suggestions.hidden = !open;
  searchInput.setAttribute('aria-expanded', String(open));
  if (active >= 0) searchInput.setAttribute('aria-activedescendant', `suggestion-${active}`);
  else searchInput.removeAttribute('aria-activedescendant');
}

function closeSuggestions(): void {
  hits = [];
  active = -1;
  renderSuggestions();
}

searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = searchInput.value.trim();
  if (text.length === 0) {
    closeSuggestions();
    return;
  }
  searchTimer = setTimeout(async () => {
    const serial = ++searchSerial;
    try {
      const data = await graphql<{ search: SearchHit[]; passages: PassageHit['passage'][] }>(SEARCH_QUERY, { text });
      if (serial !== searchSerial) return;
      hits = [...data.search, ...data.passages.map((passage) => ({ passage }))];
      active = hits.length > 0 ? 0 : -1;
      renderSuggestions();
    } catch (error) {
      setStatus(`Search failed: ${(error as Error).message}`);
    }
  }, 150);
});

searchInput.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (hits.length === 0) return;
    event.preventDefault();
    active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
    renderSuggestions();
  } else if (event.key === 'Enter') {
    const hit = hits[Math.max(active, 0)];
    if (hit) {
      event.preventDefault();
      choose(hit);
    }
  } else if (event.key === 'Escape') {
    closeSuggestions();
  }
});

suggestions.addEventListener('mousedown', (event) => {
  const item = (event.target as HTMLElement).closest('li[data-index]') as HTMLElement | null;
  const hit = item ? hits[Number(item.dataset.index)] : undefined;
  if (hit) {
    event.preventDefault();
    choose(hit);
  }
});
searchInput.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

function choose(hit: Suggestion): void {
  if ('passage' in hit) {
    // A passage opens on what its first fact is about (an event, say), else on its source.
    closeSuggestions();
    void withStatus(openFresh(hit.passage.facts[0]?.source ?? hit.passage.source.id));
    return;
  }
  searchInput.value = hit.entity.name;
  closeSuggestions();
  void withStatus(openFresh(hit.entity.id));
}

/** A new view centred on one entity. */
async function openFresh(id: string): Promise<void> {
  cy.elements().remove();
  state.expanded = [];
  state.pathShown = false;
  await focusOn(id);
}

async function focusOn(id: string): Promise<void> {
  state.focus = id;
  if (!state.expanded.includes(id)) {
    await expand(id);
    await runLayout();
  }
  cy.elements().unselect();
  cy.getElementById(id).select();
  refresh();
}

// ---- graph events, date, export, URL ---------------------------------------------------------

cy.on('tap', 'node', (event) => void withStatus(focusOn(event.target.id())));
cy.on('tap', 'edge', (event) => showEdge(event.target as EdgeSingular));

asOfInput.addEventListener('change', () => {
  state.at = asOfInput.value || null;
  refresh();
});
element('clear-as-of').addEventListener('click', () => {
  asOfInput.value = '';
  state.at = null;
  refresh();
});
exportFormat.addEventListener('change', () => refresh());

function exportHref(): string {
  const params = new URLSearchParams();
  if (state.pathShown && state.from && state.to) {
    params.set('from', state.from);
    params.set('to', state.to);
    params.set('maxHops', String(PATH_MAX_HOPS));
  } else if (state.focus) {
    params.set('id', state.focus);
    params.set('depth', '1');
  }
  params.set('format', exportFormat.value);
  if (state.at) params.set('at', state.at);
  return `/export?${params}`;
}

function viewHref(): string {
  const params = new URLSearchParams();
  if (state.focus) params.set('id', state.focus);
  const others = state.expanded.filter((id) => id !== state.focus);
  if (others.length > 0) params.set('expand', others.join(','));
  if (state.at) params.set('at', state.at);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.pathShown) params.set('path', '1');
  const query = params.toString();
  return `/explore${query ? `?${query}` : ''}`;
}

/** Brings every dependent part of the page in line with the state. */
function refresh(): void {
  applyAsOf();
  if (state.focus) showEntity(state.focus);
  element('path-from').textContent = state.from ? labelOf(state.from) : '–';
  element('path-to').textContent = state.to ? labelOf(state.to) : '–';
  pathFindButton.disabled = !(state.from && state.to);
  const hasGraph = state.focus !== null;
  exportLink.href = hasGraph ? exportHref() : '#';
  exportLink.setAttribute('aria-disabled', String(!hasGraph));
  permalink.href = viewHref();
  history.replaceState(null, '', viewHref());
  const visible = cy.elements(':visible');
  setStatus(`${visible.nodes().length} nodes, ${visible.edges().length} edges${state.at ? ` as of ${state.at}` : ''}`);
}

function setStatus(text: string): void {
  statusLine.textContent = text;
}

async function withStatus(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    setStatus(`Error: ${(error as Error).message}`);
  }
}

function renderLegend(): void {
  element('legend').innerHTML = (Object.keys(KIND_NAMES) as Kind[])
    .map((kind) => html`<li><span class="swatch" style="background:${KIND_COLOURS[kind]}"></span>${KIND_NAMES[kind]}</li>`)
    .join('');
}

/** Opens the view the URL describes: focus, expanded nodes, date and path. */
async function restoreFromUrl(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const at = params.get('at');
  if (at && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
    state.at = at;
    asOfInput.value = at;
  }
  state.from = params.get('from');
  state.to = params.get('to');
  const focus = params.get('id');
  const others = (params.get('expand') ?? '').split(',').filter(Boolean).slice(0, 20);
  for (const id of [...(focus ? [focus] : []), ...others]) await expand(id);
  if (cy.nodes().length > 0) await runLayout();
  if (params.get('path') === '1') await showPath();
  if (focus) {
    state.focus = focus;
    cy.getElementById(focus).select();
  }
  refresh();
}

renderLegend();
declare global {
  interface Window {
    /** For scripts and tests driving the page: the graph, the layout, and when the URL's view is open. */
    officegraphExplorer: { cy: Core; ready: Promise<void>; addElements: typeof addElements; runLayout: typeof runLayout };
  }
}
window.officegraphExplorer = { cy, ready: withStatus(restoreFromUrl()), addElements, runLayout };
