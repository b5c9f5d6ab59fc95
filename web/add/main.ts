// The review page (/explore/add): paste a report, draft proposals (draftIngest), see each one
// highlighted in the text, accept, reject or edit them (a quote must stay word for word in the
// text), see what a dry run says would change, then ingest. It speaks only the public GraphQL
// API. The write token lives in this page's memory (a variable), never in storage or the URL.
import type { Proposal } from '../../src/draft/draft.js';
import './add.css';

interface DraftDocument {
  source: Record<string, unknown> & { text: string };
  entities: Array<Record<string, unknown> & { ref: string; name: string; quote: string }>;
  facts: Array<Record<string, unknown> & { quote: string }>;
}
interface Review {
  proposal: Proposal;
  accepted: boolean;
  quote: string;
  name: string | null;
  editing: boolean;
}
interface FactChange { id: string; type: string; source: string; target: string; role: string | null }
interface HeldInterval { effectiveStart: string | null; effectiveEnd: string | null; heldFrom: string | null; heldTo: string | null }
interface IngestAnswer {
  sourceId: string;
  dryRun: boolean;
  entities: { created: number; matched: number };
  facts: { created: number; matched: number };
  changes: null | {
    entitiesCreated: string[];
    entitiesMatched: string[];
    factsCreated: FactChange[];
    factsGainingEvidence: FactChange[];
    factsUnchanged: FactChange[];
    intervalsMoved: Array<{ tenure: string; before: HeldInterval | null; after: HeldInterval }>;
  };
}

const DRAFT_QUERY = `query Draft($source: SourceInput!) {
  draftIngest(source: $source) {
    document
    proposals { id target kind ref index graphId summary quote start end rule confidence note refs existing }
  }
}`;
const FACT = 'id type source target role';
const INGEST_MUTATION = `mutation Ingest($document: JSON!, $dryRun: Boolean!) {
  ingestDocument(document: $document, dryRun: $dryRun) {
    sourceId dryRun entities { created matched } facts { created matched }
    changes {
      entitiesCreated entitiesMatched
      factsCreated { ${FACT} } factsGainingEvidence { ${FACT} } factsUnchanged { ${FACT} }
      intervalsMoved { tenure before { effectiveStart effectiveEnd heldFrom heldTo } after { effectiveStart effectiveEnd heldFrom heldTo } }
    }
  }
}`;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const field = (id: string) => element<HTMLInputElement>(id).value.trim();

let writeToken = '';
let draft: { document: DraftDocument; reviews: Review[] } | null = null;
let busy = 0;

element<HTMLInputElement>('token').addEventListener('input', (event) => {
  writeToken = (event.target as HTMLInputElement).value;
});

// ---- GraphQL ---------------------------------------------------------------------------------

class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly problems: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

async function graphql<T>(query: string, variables: Record<string, unknown>, withToken = false): Promise<T> {
  busy += 1;
  document.body.dataset.busy = String(busy);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (withToken && writeToken) headers.authorization = `Bearer ${writeToken}`;
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { problems?: Array<{ path: string; message: string }> } }> };
    if (body.errors?.length) {
      const problems = body.errors.flatMap((error) => error.extensions?.problems ?? []);
      throw new GraphQLFailure(body.errors.map((error) => error.message).join('; '), problems);
    }
    return body.data as T;
  } finally {
    busy -= 1;
    document.body.dataset.busy = String(busy);
  }
}

// ---- helpers ---------------------------------------------------------------------------------

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Quotes are compared as the ingest validator does: runs of white space folded. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

function quoteProblem(review: Review, text: string): string | null {
  if (review.quote.trim().length === 0) return 'The quote is empty.';
  if (!fold(text).includes(fold(review.quote))) return 'This quote is not word for word in the text: fix it, or the proposal cannot be ingested.';
  return null;
}

/** Where the (possibly edited) quote is in the text: the drafted offsets, else its first occurrence. */
function spanOf(review: Review, text: string): { start: number; end: number } | null {
  if (text.slice(review.proposal.start, review.proposal.end) === review.quote) return { start: review.proposal.start, end: review.proposal.end };
  const index = text.indexOf(review.quote);
  return index < 0 ? null : { start: index, end: index + review.quote.length };
}

// ---- drafting ----------------------------------------------------------------------------------

element('draft').addEventListener('click', async () => {
  const text = element<HTMLTextAreaElement>('text').value;
  const status = element('draft-status');
  if (text.trim().length === 0) {
    status.textContent = 'Paste the report text first.';
    return;
  }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim().length > 0)?.trim() ?? '';
  const source: Record<string, string> = { name: field('title') || firstLine, language: field('language') || 'en', text };
  if (field('publisher')) source.publisher = field('publisher');
  if (field('date')) source.publishedDate = field('date');
  if (field('source-id')) source.id = field('source-id');
  if (field('url')) source.url = field('url');
  status.textContent = 'Drafting…';
  try {
    const data = await graphql<{ draftIngest: { document: DraftDocument; proposals: Proposal[] } }>(DRAFT_QUERY, { source });
    const { document: drafted, proposals } = data.draftIngest;
    draft = {
      document: drafted,
      reviews: proposals.map((proposal) => ({
        proposal,
        accepted: true,
        quote: proposal.quote,
        name: proposal.target === 'ENTITY' ? drafted.entities[proposal.index]?.name ?? null : null,
        editing: false,
      })),
    };
    const entities = proposals.filter((proposal) => proposal.target === 'ENTITY').length;
    status.textContent = `${entities} entities and ${proposals.length - entities} facts proposed; ${proposals.filter((proposal) => proposal.existing).length} already in the graph.`;
    element('review').hidden = false;
    element('diff').innerHTML = '';
    element('ingest-status').textContent = '';
    render();
  } catch (error) {
    const problems = error instanceof GraphQLFailure ? error.problems : [];
    status.innerHTML = problems.length
      ? `Cannot draft: <ul class="errors">${problems.map((problem) => `<li>${escapeHtml(problem.path)}: ${escapeHtml(problem.message)}</li>`).join('')}</ul>`
      : `Cannot draft: ${escapeHtml((error as Error).message)}`;
  }
});

// ---- review ------------------------------------------------------------------------------------

/** Refs of the entities that are accepted and valid. */
function acceptedRefs(): Set<string> {
  const text = draft?.document.source.text ?? '';
  return new Set(
    (draft?.reviews ?? [])
      .filter((review) => review.proposal.target === 'ENTITY' && review.accepted && quoteProblem(review, text) === null)
      .map((review) => review.proposal.ref as string),
  );
}

/** Why an accepted proposal cannot go in as it is; null when it can. */
function problemOf(review: Review, refs: Set<string>): string | null {
  const text = draft?.document.source.text ?? '';
  const quote = quoteProblem(review, text);
  if (quote) return quote;
  if (review.proposal.target === 'ENTITY' && review.name !== null && review.name.trim().length === 0) return 'The name is empty.';
  const missing = review.proposal.refs.filter((ref) => !refs.has(ref));
  if (review.proposal.target === 'FACT' && missing.length > 0) return `Needs the rejected or invalid ${missing.join(', ')}.`;
  return null;
}

function render(): void {
  if (!draft) return;
  const text = draft.document.source.text;
  const refs = acceptedRefs();
  const list = element('proposals');
  list.innerHTML = draft.reviews
    .map((review, index) => {
      const { proposal } = review;
      const problem = review.accepted ? problemOf(review, refs) : null;
      const classes = ['proposal', review.accepted ? 'accepted' : 'rejected', problem ? 'invalid' : ''].filter(Boolean).join(' ');
      const edit = review.editing
        ? `<div class="proposal-edit">
            ${review.name !== null ? `<label>Name <input data-edit="name" data-index="${index}" value="${escapeHtml(review.name)}"></label>` : ''}
            <label>Quote (word for word from the text) <textarea data-edit="quote" data-index="${index}" rows="3">${escapeHtml(review.quote)}</textarea></label>
          </div>`
        : '';
      return `<li class="${classes}" id="proposal-${index}" data-proposal="${escapeHtml(proposal.id)}" data-index="${index}">
        <div class="proposal-head">
          <span class="proposal-kind">${escapeHtml(proposal.kind)}</span>
          <span class="proposal-summary">${escapeHtml(review.name !== null && review.name !== draft?.document.entities[proposal.index]?.name ? `${proposal.kind} ${review.name}` : proposal.summary)}</span>
          ${proposal.existing ? '<span class="proposal-existing" title="The graph already has this; ingesting adds this source as evidence">in the graph</span>' : ''}
        </div>
        <blockquote>${escapeHtml(review.quote)}</blockquote>
        ${proposal.note ? `<div class="proposal-meta">Note: ${escapeHtml(proposal.note)}</div>` : ''}
        <div class="proposal-meta">rule <code>${escapeHtml(proposal.rule)}</code> · confidence ${proposal.confidence.toFixed(2)} · ${escapeHtml(proposal.graphId)}</div>
        ${problem ? `<div class="problem" role="alert">${escapeHtml(problem)}</div>` : ''}
        <div class="proposal-actions">
          <button type="button" data-action="accept" data-index="${index}" aria-pressed="${review.accepted}">Accept</button>
          <button type="button" data-action="reject" data-index="${index}" aria-pressed="${!review.accepted}">Reject</button>
          <button type="button" data-action="edit" data-index="${index}" aria-expanded="${review.editing}">${review.editing ? 'Done' : 'Edit'}</button>
        </div>
        ${edit}
      </li>`;
    })
    .join('');
  renderText(text, refs);
  const accepted = draft.reviews.filter((review) => review.accepted);
  const invalid = accepted.filter((review) => problemOf(review, refs) !== null).length;
  element('counts').textContent = `${accepted.length} of ${draft.reviews.length} accepted${invalid ? `; ${invalid} cannot go in as they are` : ''}`;
  element<HTMLButtonElement>('ingest').disabled = accepted.length === 0;
}

/** The text with every accepted proposal's words marked; nested proposals mark deeper. */
function renderText(text: string, refs: Set<string>): void {
  const spans = (draft?.reviews ?? []).flatMap((review, index) => {
    if (!review.accepted || problemOf(review, refs)) return [];
    const span = spanOf(review, text);
    return span ? [{ ...span, index }] : [];
  });
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  let html = '';
  for (let position = 0; position + 1 < cuts.length; position += 1) {
    const from = cuts[position] as number;
    const to = cuts[position + 1] as number;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    const piece = escapeHtml(text.slice(from, to));
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    // The narrowest proposal is the one a click opens.
    const narrowest = covering.reduce((best, span) => (span.end - span.start < best.end - best.start ? span : best));
    html += `<mark class="${covering.length > 1 ? 'deep' : ''}" data-index="${narrowest.index}" data-indexes="${covering.map((span) => span.index).join(' ')}">${piece}</mark>`;
  }
  element('text-view').innerHTML = html;
}

function focusProposal(index: number): void {
  document.querySelectorAll('.focus').forEach((node) => node.classList.remove('focus'));
  document.querySelectorAll<HTMLElement>('#text-view mark').forEach((mark) => {
    if ((mark.dataset.indexes ?? '').split(' ').includes(String(index))) mark.classList.add('focus');
  });
  const item = document.getElementById(`proposal-${index}`);
  item?.classList.add('focus');
  item?.scrollIntoView({ block: 'nearest' });
}

element('proposals').addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest('button[data-action]') as HTMLButtonElement | null;
  const item = (event.target as HTMLElement).closest('li[data-index]') as HTMLElement | null;
  if (!draft) return;
  if (!button) {
    if (item && !(event.target as HTMLElement).closest('.proposal-edit')) focusProposal(Number(item.dataset.index));
    return;
  }
  const review = draft.reviews[Number(button.dataset.index)] as Review;
  if (button.dataset.action === 'accept') review.accepted = true;
  else if (button.dataset.action === 'reject') review.accepted = false;
  else review.editing = !review.editing;
  render();
});

element('proposals').addEventListener('input', (event) => {
  const input = event.target as HTMLInputElement | HTMLTextAreaElement;
  if (!draft || !input.dataset.edit) return;
  const review = draft.reviews[Number(input.dataset.index)] as Review;
  if (input.dataset.edit === 'quote') review.quote = input.value;
  else review.name = input.value;
  // Re-render only the parts that depend on validity, keeping the caret in the field.
  const refs = acceptedRefs();
  const item = input.closest('li') as HTMLElement;
  const problem = review.accepted ? problemOf(review, refs) : null;
  item.classList.toggle('invalid', problem !== null);
  let alert = item.querySelector('.problem');
  if (problem && !alert) {
    alert = document.createElement('div');
    alert.className = 'problem';
    alert.setAttribute('role', 'alert');
    item.querySelector('.proposal-actions')?.before(alert);
  }
  if (alert) {
    if (problem) alert.textContent = problem;
    else alert.remove();
  }
  const quote = item.querySelector('blockquote');
  if (quote) quote.textContent = review.quote;
  renderText(draft.document.source.text, refs);
});

element('text-view').addEventListener('click', (event) => {
  const mark = (event.target as HTMLElement).closest('mark') as HTMLElement | null;
  if (mark) focusProposal(Number(mark.dataset.index));
});

function setAll(accepted: boolean): void {
  for (const review of draft?.reviews ?? []) review.accepted = accepted;
  render();
}
element('accept-all').addEventListener('click', () => setAll(true));
element('reject-all').addEventListener('click', () => setAll(false));

// ---- the reviewed document, dry run and ingest -------------------------------------------------

/** The drafted document with only the accepted proposals, edits applied. */
function reviewedDocument(): { document: DraftDocument; problems: string[] } {
  if (!draft) throw new Error('Nothing drafted yet.');
  const refs = acceptedRefs();
  const problems: string[] = [];
  const entities: DraftDocument['entities'] = [];
  const facts: DraftDocument['facts'] = [];
  for (const review of draft.reviews) {
    if (!review.accepted) continue;
    const problem = problemOf(review, refs);
    if (problem) {
      problems.push(`${review.proposal.summary}: ${problem}`);
      continue;
    }
    if (review.proposal.target === 'ENTITY') {
      const entity = { ...(draft.document.entities[review.proposal.index] as DraftDocument['entities'][number]), quote: review.quote };
      if (review.name !== null) entity.name = review.name.trim();
      entities.push(entity);
    } else {
      facts.push({ ...(draft.document.facts[review.proposal.index] as DraftDocument['facts'][number]), quote: review.quote });
    }
  }
  return { document: { source: draft.document.source, entities, facts }, problems };
}

async function send(dryRun: boolean): Promise<void> {
  const status = element('ingest-status');
  const { document: reviewed, problems } = reviewedDocument();
  if (problems.length > 0) {
    status.innerHTML = `Fix or reject these first: <ul class="errors">${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`;
    return;
  }
  if (!writeToken) {
    status.textContent = 'Enter the write token at the top of the page first.';
    return;
  }
  status.textContent = dryRun ? 'Checking what would change…' : 'Ingesting…';
  try {
    const data = await graphql<{ ingestDocument: IngestAnswer }>(INGEST_MUTATION, { document: reviewed, dryRun }, true);
    const result = data.ingestDocument;
    if (dryRun) {
      status.textContent = `Dry run, nothing written: ${describe(result)}.`;
      element('diff').innerHTML = diffHtml(result);
    } else {
      const event = reviewed.entities.find((entity) => entity.kind === 'EVENT');
      const eventId = event ? String(event.id ?? '') : '';
      status.innerHTML = `Ingested ${escapeHtml(result.sourceId)}: ${escapeHtml(describe(result))}. ${
        eventId ? `<a id="open-in-explorer" href="/explore?id=${encodeURIComponent(eventId)}">Open the meeting in the explorer</a>` : '<a href="/explore">Open the explorer</a>'
      }`;
      element('diff').innerHTML = '';
    }
  } catch (error) {
    const problems = error instanceof GraphQLFailure ? error.problems : [];
    status.innerHTML = problems.length
      ? `Not ${dryRun ? 'checked' : 'ingested'}; nothing was written: <ul class="errors">${problems.map((problem) => `<li>${escapeHtml(problem.path)}: ${escapeHtml(problem.message)}</li>`).join('')}</ul>`
      : `Not ${dryRun ? 'checked' : 'ingested'}; nothing was written: ${escapeHtml((error as Error).message)}`;
  }
}

function describe(result: IngestAnswer): string {
  return `entities ${result.entities.created} new, ${result.entities.matched} matched; facts ${result.facts.created} new, ${result.facts.matched} matched`;
}

function diffHtml(result: IngestAnswer): string {
  const changes = result.changes;
  if (!changes) return '';
  const fact = (change: FactChange) => `${escapeHtml(change.type)}${change.role ? ` (${escapeHtml(change.role)})` : ''}: ${escapeHtml(change.source)} → ${escapeHtml(change.target)}`;
  const held = (interval: HeldInterval | null) => (interval ? `${escapeHtml(interval.heldFrom ?? '?')} – ${escapeHtml(interval.heldTo ?? 'ongoing')}` : 'not held');
  const section = (title: string, id: string, items: string[]) =>
    `<h3>${escapeHtml(title)} (${items.length})</h3>${items.length ? `<ul id="${id}">${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : ''}`;
  return [
    section('New entities', 'diff-entities-created', changes.entitiesCreated.map(escapeHtml)),
    section('Entities already in the graph', 'diff-entities-matched', changes.entitiesMatched.map(escapeHtml)),
    section('New facts', 'diff-facts-created', changes.factsCreated.map(fact)),
    section('Facts that gain this source as evidence', 'diff-facts-evidence', changes.factsGainingEvidence.map(fact)),
    section('Facts this source already supports', 'diff-facts-unchanged', changes.factsUnchanged.map(fact)),
    section('Tenure intervals that move', 'diff-intervals', changes.intervalsMoved.map((move) => `${escapeHtml(move.tenure)}: ${held(move.before)} → ${held(move.after)}`)),
  ].join('');
}

element('dry-run').addEventListener('click', () => void send(true));
element('ingest').addEventListener('click', () => void send(false));

declare global {
  interface Window {
    officegraphReview: { state: () => typeof draft };
  }
}
window.officegraphReview = { state: () => draft };
