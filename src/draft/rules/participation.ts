/**
 * What a named official did at the meeting, from the verb phrase that follows the name and
 * titles ("…, presided over the meeting and delivered a speech."). One row per phrase.
 */
import type { ParticipationRole } from '../../model/document.js';

const GATHERING = '(?:meeting|session|conference|forum|symposium|event|ceremony|plenary|talks|dialogue|banquet|reception|seminar)';

export const PARTICIPATION_PHRASES: ReadonlyArray<{ rule: string; role: ParticipationRole; pattern: RegExp; confidence: number }> = [
  { rule: 'presided-over', role: 'PRESIDED', pattern: new RegExp(`\\bpresided over (?:the|a|an|its) [^,.;]*?${GATHERING}\\b`), confidence: 0.9 },
  { rule: 'chaired', role: 'PRESIDED', pattern: new RegExp(`\\bchaired (?:the|a|an|its) [^,.;]*?${GATHERING}\\b`), confidence: 0.9 },
  { rule: 'delivered-a-speech', role: 'SPOKE', pattern: /\b(?:delivered|made|gave) (?:a|an|the) (?:important |keynote |concluding |main )?(?:speech|address|report|remarks)\b/, confidence: 0.9 },
  { rule: 'spoke', role: 'SPOKE', pattern: /\bspoke\b(?: at (?:the|a|an) [^,.;]*?(?:meeting|session|conference|forum|symposium|event|ceremony)\b)?/, confidence: 0.8 },
  { rule: 'attended', role: 'ATTENDED', pattern: new RegExp(`\\b(?:attended|was present at|were present at) (?:the|a|an) [^,.;]*?${GATHERING}\\b|\\battended\\b`), confidence: 0.9 },
  { rule: 'hosted', role: 'HOSTED', pattern: new RegExp(`\\bhosted (?:the|a|an) [^,.;]*?${GATHERING}\\b`), confidence: 0.8 },
];
