/**
 * Sentences that open a meeting: "the Provincial Foreign Affairs Committee held its plenary
 * meeting", "X chaired an executive meeting of the Provincial People's Government", "the 15th
 * meeting of the Standing Committee of … was held". Each row gives the organizer's words, the
 * kind of meeting ("plenary") and the noun ("meeting"). Later "the meeting" is that event.
 */
const BODY = "((?:[Tt]he )?[A-Z][\\w'’-]*(?: (?:[A-Z0-9][\\w'’-]*|of|the|and|for|on))*)";
const KIND = '((?:[a-z0-9-]+ ){0,4}?)';
const NOUN = '(meeting|session|conference|forum|symposium)';

export interface EventMatch {
  rule: string;
  index: number;
  end: number;
  orgWords: string;
  kindWords: string;
  noun: string;
}

export const EVENT_PATTERNS: ReadonlyArray<{ rule: string; pattern: RegExp; parts: { org: number; kind: number; noun: number } }> = [
  { rule: 'body-held-meeting', pattern: new RegExp(`${BODY} (?:held|convened) (?:its|a|an|the) ${KIND}${NOUN}\\b`), parts: { org: 1, kind: 2, noun: 3 } },
  {
    rule: 'chaired-meeting-of-body',
    pattern: new RegExp(`\\b(?:presided over|chaired|convened) (?:a|an|the) ${KIND}${NOUN} of (?:the )?${BODY}`),
    parts: { org: 3, kind: 1, noun: 2 },
  },
  { rule: 'meeting-of-body-was-held', pattern: new RegExp(`\\b[Tt]he ${KIND}${NOUN} of (?:the )?${BODY} (?:was|were) (?:held|convened)\\b`), parts: { org: 3, kind: 1, noun: 2 } },
];

export function findEvent(sentence: string): EventMatch | undefined {
  for (const { rule, pattern, parts } of EVENT_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    return {
      rule,
      index: match.index,
      end: match.index + match[0].length,
      orgWords: (match[parts.org] as string).replace(/^[Tt]he /, '').replace(/ (?:of|the|and|for|on)$/, ''),
      kindWords: (match[parts.kind] ?? '').trim(),
      noun: match[parts.noun] as string,
    };
  }
  return undefined;
}

/** The event type from the kind of meeting. */
export const EVENT_TYPES: ReadonlyArray<{ pattern: RegExp; eventType: string }> = [
  { pattern: /plenary/i, eventType: 'PLENARY_MEETING' },
  { pattern: /standing committee/i, eventType: 'STANDING_COMMITTEE_MEETING' },
  { pattern: /executive/i, eventType: 'EXECUTIVE_MEETING' },
  { pattern: /conference/i, eventType: 'CONFERENCE' },
  { pattern: /forum|symposium/i, eventType: 'FORUM' },
  { pattern: /./, eventType: 'MEETING' },
];
