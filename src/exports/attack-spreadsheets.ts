/**
 * A domain's ATT&CK data as spreadsheets, with the sheets and columns of mitreattack-python's
 * attackToExcel (techniques, tactics, software, groups, campaigns, assets, mitigations, detection
 * strategies, analytics, data components, relationships, citations), read from the release's STIX
 * objects as the bundle holds them: descriptions keep their markdown and `(Citation: …)` markers,
 * dates read "02 January 2020", revoked and deprecated objects are left out. One workbook (XLSX,
 * through ExcelJS) and one CSV per sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { StixFile } from '../lib/generated.ts';
import { ATTACK_ID_SOURCES } from '../pipeline/stages/link.ts';

type Raw = Record<string, unknown>;

export interface Sheet {
  /** The sheet's name, also the end of its CSV's name: `techniques`. */
  name: string;
  columns: string[];
  rows: string[][];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** How attackToExcel titles tactic short names: every word capitalized but "and". */
const LOWER_WORDS = new Set(['and']);

/** The kind names attackToExcel gives STIX types in its relationships sheet. */
const TYPE_TERMS: Record<string, string> = {
  'attack-pattern': 'technique',
  'x-mitre-tactic': 'tactic',
  tool: 'software',
  malware: 'software',
  'intrusion-set': 'group',
  'course-of-action': 'mitigation',
  'x-mitre-matrix': 'matrix',
  'x-mitre-data-component': 'datacomponent',
  'x-mitre-data-source': 'datasource',
  'x-mitre-detection-strategy': 'detectionstrategy',
  'x-mitre-analytic': 'analytic',
  'x-mitre-asset': 'asset',
  campaign: 'campaign',
};

const BASE_COLUMNS = ['ID', 'STIX ID', 'name', 'description', 'url', 'created', 'last modified', 'domain', 'version', 'contributors'];

/** The sheets of the domain, in attackToExcel's order; sheets without rows are left out. */
export function attackSheets(file: StixFile): Sheet[] {
  const data = new StixData(file);
  const sheets: Sheet[] = [
    objectSheet(data, 'techniques', ['attack-pattern'], techniqueColumns(file.domain), (object) => techniqueFields(data, object, file.domain)),
    objectSheet(data, 'tactics', ['x-mitre-tactic'], [], () => ({})),
    objectSheet(data, 'software', ['malware', 'tool'], ['platforms', 'aliases', 'type'], (object) => ({
      platforms: list(object.x_mitre_platforms),
      aliases: list(strings(object.x_mitre_aliases).slice(1)),
      type: String(object.type),
    })),
    objectSheet(data, 'groups', ['intrusion-set'], ['associated groups', 'associated groups citations'], (object) => aliasFields(object, 'groups')),
    objectSheet(data, 'campaigns', ['campaign'], ['first seen', 'last seen', 'associated campaigns', 'associated campaigns citations'], (object) => ({
      'first seen': formatDate(object.first_seen),
      'last seen': formatDate(object.last_seen),
      ...aliasFields(object, 'campaigns'),
    })),
    objectSheet(data, 'assets', ['x-mitre-asset'], ['platforms', 'sectors'], (object) => ({ platforms: list(object.x_mitre_platforms), sectors: list(object.x_mitre_sectors) })),
    objectSheet(data, 'mitigations', ['course-of-action'], [], () => ({})),
    objectSheet(data, 'detectionstrategies', ['x-mitre-detection-strategy'], ['analytics', 'techniques'], (object) => ({
      analytics: strings(object.x_mitre_analytic_refs).map((id) => data.attackId(id)).filter(Boolean).join(', '),
      techniques: data.related(object, 'detects', 'target_ref').join(', '),
    })),
    objectSheet(data, 'analytics', ['x-mitre-analytic'], ['platforms', 'log sources', 'mutable elements'], (object) => ({
      platforms: list(object.x_mitre_platforms),
      'log sources': maps(object.x_mitre_log_source_references)
        .map((source) => `${data.attackId(String(source.x_mitre_data_component_ref)) ?? ''} ${source.name ?? ''} (${source.channel ?? ''})`.trim())
        .join('; '),
      'mutable elements': maps(object.x_mitre_mutable_elements).map((element) => `${element.field ?? ''}: ${element.description ?? ''}`).join('; '),
    })),
    objectSheet(data, 'datacomponents', ['x-mitre-data-component'], ['log sources'], (object) => ({
      'log sources': maps(object.x_mitre_log_sources).map((source) => `${source.name ?? ''} (${source.channel ?? ''})`).join('; '),
    })),
    relationshipSheet(data),
    citationSheet(data),
  ];
  return sheets.filter((sheet) => sheet.rows.length > 0);
}

/** The workbook of the sheets, as XLSX bytes. */
export async function spreadsheetBytes(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ATT&CK Knowledge Base';
  // A fixed date, so that the same data always gives the same file.
  workbook.created = workbook.modified = new Date(0);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns).font = { bold: true };
    worksheet.addRows(sheet.rows);
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return withFixedDates(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** The workbook's zip with every entry dated the same: ExcelJS dates them with the time of writing, and builds must not differ. */
async function withFixedDates(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, entry) => {
    entry.date = new Date(Date.UTC(2000, 0, 1));
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** The objects and relationships of one domain's bundle, looked up as the sheets need them. */
class StixData {
  readonly objects: Raw[];
  readonly relationships: Raw[];
  private readonly byId = new Map<string, Raw>();
  readonly domain: string;

  constructor(file: StixFile) {
    this.domain = file.domain;
    this.objects = file.objects.filter(isCurrent);
    this.relationships = this.objects.filter((object) => object.type === 'relationship');
    for (const object of this.objects) this.byId.set(String(object.id), object);
  }

  get(id: unknown): Raw | undefined {
    return this.byId.get(String(id));
  }

  attackId(id: string): string | undefined {
    const object = this.get(id);
    return object && attackReference(object)?.external_id;
  }

  /** ATT&CK ids of the objects at the other end of the object's relationships of a type. */
  related(object: Raw, type: string, end: 'source_ref' | 'target_ref'): string[] {
    const from = end === 'target_ref' ? 'source_ref' : 'target_ref';
    return this.relationships
      .filter((relationship) => relationship.relationship_type === type && relationship[from] === object.id)
      .flatMap((relationship) => this.attackId(String(relationship[end])) ?? []);
  }
}

function objectSheet(data: StixData, name: string, types: string[], columns: string[], fields: (object: Raw) => Record<string, string>): Sheet {
  const allColumns = [...BASE_COLUMNS, ...columns];
  const objects = data.objects.filter((object) => types.includes(String(object.type)) && attackReference(object));
  const rows = objects.map((object) => {
    const values: Record<string, string> = { ...baseFields(object, data.domain), ...fields(object) };
    return allColumns.map((column) => values[column] ?? '');
  });
  return { name, columns: allColumns, rows: sortedBy(rows, allColumns.indexOf('name')) };
}

function baseFields(object: Raw, domain: string): Record<string, string> {
  const reference = attackReference(object);
  return {
    ID: reference?.external_id ?? '',
    'STIX ID': String(object.id),
    name: text(object.name),
    description: text(object.description),
    url: reference?.url ?? '',
    created: formatDate(object.created),
    'last modified': formatDate(object.modified),
    domain,
    version: text(object.x_mitre_version),
    contributors: strings(object.x_mitre_contributors).sort().join('; '),
  };
}

function techniqueColumns(domain: string): string[] {
  const columns = ['tactics', 'detection', 'platforms'];
  if (domain !== 'mobile-attack') columns.push('data sources');
  if (domain === 'enterprise-attack') {
    columns.push('is sub-technique', 'sub-technique of', 'system requirements', 'permissions required', 'effective permissions', 'defenses bypassed', 'supports remote', 'impact type', 'CAPEC ID');
  }
  if (domain === 'mobile-attack') columns.push('tactic type', 'MTC ID');
  return columns;
}

function techniqueFields(data: StixData, technique: Raw, domain: string): Record<string, string> {
  const phases = maps(technique.kill_chain_phases).map((phase) => String(phase.phase_name));
  const isSub = technique.x_mitre_is_subtechnique === true;
  const parentRelationship = isSub ? data.relationships.find((relationship) => relationship.relationship_type === 'subtechnique-of' && relationship.source_ref === technique.id) : undefined;
  const parent = parentRelationship && data.get(parentRelationship.target_ref);
  const references = maps(technique.external_references);
  return {
    ...(parent ? { name: `${text(parent.name)}: ${text(technique.name)}` } : {}),
    tactics: phases.map(titleOfShortname).sort().join(', '),
    detection: text(technique.x_mitre_detection),
    platforms: list(technique.x_mitre_platforms),
    'data sources': list(technique.x_mitre_data_sources),
    'is sub-technique': domain === 'enterprise-attack' ? String(isSub) : '',
    'sub-technique of': (parent && attackReference(parent)?.external_id) ?? '',
    'system requirements': list(technique.x_mitre_system_requirements),
    'permissions required': list(technique.x_mitre_permissions_required),
    'effective permissions': list(technique.x_mitre_effective_permissions),
    'defenses bypassed': list(technique.x_mitre_defense_bypassed),
    'supports remote': technique.x_mitre_remote_support === undefined ? '' : String(technique.x_mitre_remote_support),
    'impact type': list(technique.x_mitre_impact_type),
    'CAPEC ID': references.filter((reference) => reference.source_name === 'capec').map((reference) => text(reference.external_id)).join(', '),
    'tactic type': list(technique.x_mitre_tactic_type),
    'MTC ID': references.filter((reference) => reference.source_name === 'NIST Mobile Threat Catalogue').map((reference) => text(reference.external_id))[0] ?? '',
  };
}

/** "associated groups" and their citations: the aliases after the first (the object's own name). */
function aliasFields(object: Raw, plural: 'groups' | 'campaigns'): Record<string, string> {
  const aliases = strings(object.aliases).slice(1).sort();
  const references = maps(object.external_references);
  const citations = aliases.flatMap((alias) => text(references.find((reference) => reference.source_name === alias)?.description) || []);
  return { [`associated ${plural}`]: aliases.join(', '), [`associated ${plural} citations`]: citations.join(', ') };
}

const RELATIONSHIP_COLUMNS = ['source ID', 'source name', 'source type', 'mapping type', 'target ID', 'target name', 'target type', 'mapping description', 'STIX ID', 'created', 'last modified'];

/** Every relationship between current objects but sub-technique links (the techniques sheet holds those). */
function relationshipSheet(data: StixData): Sheet {
  const rows = data.relationships.flatMap((relationship) => {
    const [source, target] = [data.get(relationship.source_ref), data.get(relationship.target_ref)];
    if (!source || !target || relationship.relationship_type === 'subtechnique-of' || relationship.relationship_type === 'revoked-by') return [];
    const side = (object: Raw) => [attackReference(object)?.external_id ?? '', text(object.name), TYPE_TERMS[String(object.type)] ?? String(object.type)];
    return [[...side(source), text(relationship.relationship_type), ...side(target), text(relationship.description), String(relationship.id), formatDate(relationship.created), formatDate(relationship.modified)]];
  });
  const column = (name: string) => RELATIONSHIP_COLUMNS.indexOf(name);
  const order = ['mapping type', 'source type', 'target type', 'source name', 'target name'].map(column);
  rows.sort((a, b) => order.reduce((result, index) => result || compareText(a[index]!, b[index]!), 0));
  return { name: 'relationships', columns: RELATIONSHIP_COLUMNS, rows };
}

/** Every reference that texts cite (not the ATT&CK id references), once per name. */
function citationSheet(data: StixData): Sheet {
  const citations = new Map<string, string[]>();
  for (const object of data.objects) {
    for (const reference of maps(object.external_references)) {
      const name = text(reference.source_name);
      const description = text(reference.description);
      if (reference.external_id !== undefined || !description || description.startsWith('(Citation: ') || citations.has(name)) continue;
      citations.set(name, [name, description, text(reference.url)]);
    }
  }
  return { name: 'citations', columns: ['reference', 'citation', 'url'], rows: sortedBy([...citations.values()], 0) };
}

function isCurrent(object: Raw): boolean {
  return object.revoked !== true && object.x_mitre_deprecated !== true;
}

function attackReference(object: Raw): { external_id: string; url?: string } | undefined {
  const first = maps(object.external_references)[0];
  return first && ATTACK_ID_SOURCES.has(String(first.source_name)) && typeof first.external_id === 'string'
    ? { external_id: first.external_id, url: typeof first.url === 'string' ? first.url : undefined }
    : undefined;
}

function titleOfShortname(shortname: string): string {
  return shortname
    .split('-')
    .map((word) => (LOWER_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/** `2020-01-14T17:18:32.126Z` → `14 January 2020`, as attackToExcel writes dates. */
function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${String(date.getUTCDate()).padStart(2, '0')} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

function maps(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter((item): item is Raw => typeof item === 'object' && item !== null) : [];
}

/** A list field as attackToExcel writes it: sorted, comma-separated. */
function list(value: unknown): string {
  return strings(value).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).join(', ');
}

function sortedBy(rows: string[][], column: number): string[][] {
  return rows.sort((a, b) => compareText(a[column]!, b[column]!));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
