/**
 * Appointments, elections and removals: "Sun Lixin was appointed Director of …" starts a tenure,
 * "Qian Jun was removed from the post of Director of …" ends one. One row per sentence pattern;
 * NAME and TITLE are filled in by the drafter.
 */
const NAME = "([A-Z][a-z]+ [A-Z][a-z]+)";
const TITLE = '([A-Za-z][^,.;]*?)(?=[,.;]|$| and [A-Z][a-z]+ [A-Z][a-z]+ (?:was|has|is|no)\\b)';

export const TENURE_CHANGES: ReadonlyArray<{ rule: string; change: 'start' | 'end'; pattern: RegExp; person: number; title: number }> = [
  { rule: 'was-appointed-as', change: 'start', pattern: new RegExp(`${NAME} (?:was|has been|is) (?:appointed|named)(?: as)? ${TITLE}`, 'g'), person: 1, title: 2 },
  { rule: 'was-elected-as', change: 'start', pattern: new RegExp(`${NAME} (?:was|has been|is) elected(?: as)? ${TITLE}`, 'g'), person: 1, title: 2 },
  { rule: 'appoint-as', change: 'start', pattern: new RegExp(`\\b(?:appoint|appointed|elect|elected|name|named) ${NAME} (?:as )?${TITLE}`, 'g'), person: 1, title: 2 },
  {
    rule: 'was-removed-from',
    change: 'end',
    pattern: new RegExp(`${NAME} (?:was|has been|is) (?:removed|relieved|dismissed) (?:from|of) (?:the|his|her) (?:post|posts|position|office|duties) (?:of|as) ${TITLE}`, 'g'),
    person: 1,
    title: 2,
  },
  { rule: 'no-longer-serves-as', change: 'end', pattern: new RegExp(`${NAME} (?:will )?no longer serves? as ${TITLE}`, 'g'), person: 1, title: 2 },
  { rule: 'remove-from', change: 'end', pattern: new RegExp(`\\b(?:remove|removed|relieve|relieved|dismiss|dismissed) ${NAME} from (?:the|his|her) (?:post|posts|position|office) (?:of|as) ${TITLE}`, 'g'), person: 1, title: 2 },
];
