/**
 * Documents a meeting approved: "reviewed and approved relevant documents, including the 2025
 * work report and the 2026 work priorities of the Provincial Foreign Affairs Committee". The
 * list after the verb is split into documents; a closing "of the X" belongs to every item.
 */
export const APPROVAL_VERB = /\b(?:reviewed and approved|deliberated and approved|discussed and approved|deliberated and adopted|reviewed and adopted|discussed and adopted|approved|adopted|passed)\b/;

/** Words that open the list without naming a document. */
export const LIST_OPENERS = /^(?:,?\s*(?:in principle|relevant documents|the following documents|several documents|documents)[,:]?\s*(?:including|such as|namely)?:?\s*)+/i;

/** The document's type from its head words; one row each, the first that fits wins. */
export const DOCUMENT_TYPES: ReadonlyArray<{ pattern: RegExp; documentType: string }> = [
  { pattern: /\bwork reports?\b/i, documentType: 'WORK_REPORT' },
  { pattern: /\b(?:work priorities|priorities|work plans?|work points|key tasks)\b/i, documentType: 'WORK_PLAN' },
  { pattern: /\breports?\b/i, documentType: 'REPORT' },
  { pattern: /\b(?:plans?|programmes?|programs?|schemes?|outlines?)\b/i, documentType: 'PLAN' },
  { pattern: /\b(?:opinions|measures|regulations|rules|provisions|guidelines|decisions?|resolutions?|notices?|methods)\b/i, documentType: 'POLICY_DOCUMENT' },
  { pattern: /\bbudgets?\b/i, documentType: 'BUDGET' },
  { pattern: /\blists?\b/i, documentType: 'LIST' },
];

export function documentType(item: string): string | undefined {
  return DOCUMENT_TYPES.find((row) => row.pattern.test(item))?.documentType;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "2025 work report" → "2025 Work Report". */
export function titleCase(words: string): string {
  return words
    .split(' ')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
