/**
 * How the drafter names a body and a post from the words of a report. Reports leave the province
 * out ("the Provincial Party Committee"); it is put back from the report's province (context.ts),
 * and a party committee gets its usual full name ("CPC Jilin Provincial Committee"), keeping the
 * report's words as aliases. One row per naming rule, the first that fits wins.
 */
import type { Province } from '../places.js';

type OrgType = 'PARTY_COMMITTEE' | 'GOVERNMENT' | 'COMMITTEE' | 'LEGISLATURE' | 'PARTY' | 'AGENCY' | 'OTHER';

export interface OrgNaming {
  rule: string;
  pattern: RegExp;
  orgType: OrgType;
  /** The full name from the match; the expanded words themselves when absent. */
  name?: (match: RegExpExecArray) => string;
}

export const ORG_NAMING: ReadonlyArray<OrgNaming> = [
  {
    rule: 'org-party-committee',
    pattern: /^([A-Z][a-z]+(?: [A-Z][a-z]+)?) (Provincial|Municipal|Autonomous Regional|City|County) Party Committee$/,
    orgType: 'PARTY_COMMITTEE',
    name: (match) => `CPC ${match[1]} ${match[2]} Committee`,
  },
  { rule: 'org-central-committee', pattern: /^(?:CPC |Communist Party of China )?Central Committee$/, orgType: 'PARTY_COMMITTEE', name: () => 'CPC Central Committee' },
  { rule: 'org-government', pattern: /\bGovernment$/, orgType: 'GOVERNMENT' },
  { rule: 'org-legislature', pattern: /\bPeople's Congress\b/, orgType: 'LEGISLATURE' },
  { rule: 'org-committee', pattern: /\b(?:Committee|Commission|Group)\b/, orgType: 'COMMITTEE' },
  { rule: 'org-agency', pattern: /\b(?:Department|Bureau|Office|Administration|Agency|Ministry|Center|Centre)\b/, orgType: 'AGENCY' },
  { rule: 'org-other', pattern: /./, orgType: 'OTHER' },
];

export interface NamedOrg {
  name: string;
  orgType: OrgType;
  /** The report's words, with the province put back, when that is not the name. */
  aliases: string[];
  rule: string;
  /** Set when the province was put back. */
  note?: string;
}

/** "Provincial X" becomes "Jilin Provincial X" (also inside "… of the Provincial X"). */
export function withProvince(words: string, province: Province | undefined): { text: string; expanded: boolean } {
  if (!province) return { text: words, expanded: false };
  const pattern = new RegExp(`(^|\\bthe )(${province.adjective} )`, 'g');
  const text = words.replace(pattern, `$1${province.name} $2`);
  return { text, expanded: text !== words };
}

export function nameOrganization(words: string, province: Province | undefined): NamedOrg {
  const bare = words.replace(/^the /i, '');
  const { text, expanded } = withProvince(bare, province);
  for (const row of ORG_NAMING) {
    const match = row.pattern.exec(text);
    if (!match) continue;
    const name = row.name ? row.name(match) : text;
    const aliases = [...new Set([text, bare].filter((alias) => alias !== name))];
    return { name, orgType: row.orgType, aliases, rule: row.rule, note: expanded ? provinceNote(province as Province, bare) : undefined };
  }
  return { name: text, orgType: 'OTHER', aliases: [], rule: 'org-other' };
}

export function provinceNote(province: Province, words: string): string {
  return `The report says "${words}" without naming the province; it is taken to be ${province.name}, the province the report is about.`;
}

/** Words that may be left out of a body's name in one report and not in another ("Work Committee"). */
export const OPTIONAL_ORG_WORDS = ['Work ', "People's "];

/** The same body when the names differ only by optional words. */
export function sameOrgName(a: string, b: string): boolean {
  const strip = (name: string) => OPTIONAL_ORG_WORDS.reduce((text, word) => text.split(word).join(''), name).toLowerCase();
  return strip(a) === strip(b);
}
