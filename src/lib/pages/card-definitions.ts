/**
 * What each field of an ATT&CK object's ID card means, shown on hover and focus beside its label
 * (src/components/IdCard.astro), as the official site's ⓘ: short, and true of ATT&CK's data.
 */
import type { ObjectPageKind } from '../../model/kinds.ts';
import type { CardRow } from './common.ts';

type Definition = string | ({ default: string } & Partial<Record<ObjectPageKind, string>>);

const DEFINITIONS: Record<string, Definition> = {
  ID: 'The ATT&CK identifier, as on attack.mitre.org; it does not change from one release to the next.',
  'Sub-technique of': 'The technique this one is a more specific way of carrying out.',
  'Sub-techniques': 'More specific ways of carrying out this technique.',
  Tactic: 'The adversary’s goal this technique serves: its column in the matrix.',
  Tactics: 'The adversary’s goals this technique serves: its columns in the matrix.',
  Platforms: {
    default: 'The systems and environments this applies to.',
    technique: 'The systems and environments an adversary can use this technique on.',
    software: 'The systems and environments this software runs on.',
    datasource: 'The systems and environments this data is collected from.',
    asset: 'The systems this asset runs on or is found in.',
  },
  'System Requirements': 'What must be true of a system for this technique to work on it.',
  'Permissions Required': 'The permissions an adversary needs on a system to use this technique.',
  'Effective Permissions': 'The permissions an adversary gains by using this technique.',
  'Defense Bypassed': 'Defensive tools and methods this technique can get past.',
  'Impact Type': 'Whether this technique harms the integrity or the availability of systems and data.',
  'Tactic Type': 'Whether an adversary needs access to the mobile device, before or after, to use this technique.',
  'Supports Remote': 'Whether this technique can be used on a system from another one.',
  'Data Sources': 'The data to collect to detect this technique, as data source: data component.',
  'CAPEC ID': 'The matching attack pattern in MITRE’s CAPEC catalogue.',
  'MTC ID': 'The matching threat in NIST’s Mobile Threat Catalog.',
  'Security Controls': 'The controls of security standards (IEC 62443, NIST SP 800-53) this mitigation corresponds to.',
  'Associated Groups': 'Other names security vendors and researchers use for this group.',
  Type: 'Malware is code written or bought for harm; a tool is software adversaries use that is not malware, such as system utilities.',
  'Associated Software': 'Other names used for this software.',
  'Associated Campaigns': 'Other names used for this campaign.',
  'First Seen': 'The earliest reported activity of this campaign.',
  'Last Seen': 'The latest reported activity of this campaign.',
  Analytics: 'The detection logic of this strategy for each platform.',
  'Data Source': 'The data source this component was grouped under; ATT&CK 18 deprecated data sources.',
  'Collection Layers': 'Where this data can be collected: on hosts, on the network, in a cloud control plane...',
  Sectors: 'The industries this asset is found in.',
  Contributors: 'People and organizations who contributed to this entry.',
  Domains: 'The ATT&CK domains (Enterprise, Mobile, ICS) this belongs to.',
  Version: 'The version of this entry, raised when it changes: the first number for major changes, the second for minor ones.',
  Created: 'When this entry was added to ATT&CK.',
  'Last Modified': 'When this entry last changed.',
};

/** The card's rows, each with its field's definition for this kind of object, when there is one. */
export function withDefinitions(rows: CardRow[], kind: ObjectPageKind): CardRow[] {
  return rows.map((row) => {
    const definition = DEFINITIONS[row.label];
    const text = typeof definition === 'string' ? definition : definition && (definition[kind] ?? definition.default);
    return text ? { ...row, definition: text } : row;
  });
}
