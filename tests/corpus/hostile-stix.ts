/**
 * A STIX bundle with the hostile payloads in every STIX field that reaches a page. Markup payload
 * number n gets its own set of objects, one of each ATT&CK type, whose ATT&CK ids end in n
 * (T9012, G9012, DET9012...), with the payload as every text of the set; URL and path payloads go
 * round the sets' reference URLs and platforms. A finding on a page thus names its payload.
 */
import { attackObject, bundle, matrix, relationship, tactic, technique, type Fields } from '../helpers/stix.ts';
import { MARKUP_PAYLOADS, PATH_PAYLOADS, SHARED_REFERENCE, URL_PAYLOADS, type Payload } from './hostile-payloads.ts';

export function hostileStixBundle(): Fields {
  const sets = MARKUP_PAYLOADS.map(objectSet);
  // A release number names pages, so one with markup is refused (see malformed-stix.ts); this one is plain.
  const [copyright, matrixName] = MARKUP_PAYLOADS;
  return bundle([
    { type: 'x-mitre-collection', id: 'x-mitre-collection--hostile', spec_version: '2.1', x_mitre_version: '9.9' },
    {
      type: 'marking-definition',
      id: 'marking-definition--hostile',
      definition_type: 'statement',
      definition: { statement: copyright!.text },
    },
    { ...matrix('enterprise-attack', sets.map((set) => set.tactic)), name: matrixName!.text },
    ...sets.flatMap((set) => set.objects),
  ]);
}

/** The object set of the markup payload at `index`, and the relationships between its objects. */
function objectSet({ text }: Payload, index: number): { tactic: Fields; objects: Fields[] } {
  const n = `9${String(index).padStart(3, '0')}`;
  const url = URL_PAYLOADS[index % URL_PAYLOADS.length]!.text;
  const platform = PATH_PAYLOADS[index % PATH_PAYLOADS.length]!.text;
  const alias = `${text} (alias)`;
  const reference = { source_name: text, description: text, url };
  const aliasReference = { source_name: alias, description: text, url };
  const shared = { source_name: SHARED_REFERENCE, url: 'https://example.com/shared' };
  const cited = { description: `${text}\n\n${text}(Citation: ${text})`, external_references: [reference, shared] };

  /** The fields every ATT&CK object shares, all hostile but the ATT&CK id. */
  const common = (attackId: string, section: string, extraReferences: Fields[] = []): Fields => ({
    description: cited.description,
    x_mitre_version: text,
    x_mitre_contributors: [text],
    created: text,
    modified: text,
    external_references: [
      { source_name: 'mitre-attack', external_id: attackId, url: `https://attack.mitre.org/${section}/${attackId}` },
      reference,
      { source_name: SHARED_REFERENCE, description: 'Cited from inside attributes.', url: 'https://example.com/shared' },
      ...extraReferences,
    ],
  });
  const object = (type: string, prefix: string, section: string, fields: Fields, extraReferences: Fields[] = []) => {
    const attackId = `${prefix}${n}`;
    return attackObject(type, attackId, text, section, { ...common(attackId, section, extraReferences), ...fields });
  };

  const shortname = text;
  const hostileTactic = tactic(`TA${n}`, shortname, { ...common(`TA${n}`, 'tactics'), name: text });
  const techniqueFields = (attackId: string): Fields => ({
    ...common(attackId, 'techniques', [{ source_name: 'capec', external_id: text, url }]),
    name: text,
    x_mitre_detection: text,
    x_mitre_platforms: [platform, text],
    x_mitre_permissions_required: [text],
    x_mitre_effective_permissions: [text],
    x_mitre_defense_bypassed: [text],
    x_mitre_system_requirements: [text],
    x_mitre_impact_type: [text],
    x_mitre_tactic_type: [text],
    x_mitre_data_sources: [text],
  });
  const parent = technique(`T${n}`, text, [shortname], techniqueFields(`T${n}`));
  const sub = technique(`T${n}.001`, text, [shortname], techniqueFields(`T${n}.001`));
  const mitigation = object('course-of-action', 'M', 'mitigations', { labels: [text] });
  const group = object('intrusion-set', 'G', 'groups', { aliases: [text, alias] }, [aliasReference]);
  const software = object(
    index % 2 === 0 ? 'malware' : 'tool',
    'S',
    'software',
    { x_mitre_aliases: [text, alias], x_mitre_platforms: [platform, text] },
    [aliasReference],
  );
  const campaign = object('campaign', 'C', 'campaigns', {
    aliases: [text, alias],
    first_seen: text,
    last_seen: '2024-01-01T00:00:00.000Z',
    x_mitre_first_seen_citation: `(Citation: ${text})`,
    x_mitre_last_seen_citation: text,
  });
  const dataSource = object('x-mitre-data-source', 'DS', 'datasources', {
    x_mitre_platforms: [text],
    x_mitre_collection_layers: [text],
  });
  const dataComponent = object('x-mitre-data-component', 'DC', 'datacomponents', {
    x_mitre_data_source_ref: dataSource.id,
    x_mitre_log_sources: [{ name: text, channel: text }],
  });
  const analytic = object('x-mitre-analytic', 'AN', 'detectionstrategies', {
    x_mitre_platforms: [text],
    x_mitre_log_source_references: [{ name: text, channel: text, x_mitre_data_component_ref: dataComponent.id }],
    x_mitre_mutable_elements: [{ field: text, description: text }],
  });
  const strategy = object('x-mitre-detection-strategy', 'DET', 'detectionstrategies', {
    x_mitre_analytic_refs: [analytic.id],
  });
  const asset = object('x-mitre-asset', 'A', 'assets', {
    x_mitre_platforms: [text],
    x_mitre_sectors: [text],
    x_mitre_related_assets: [{ name: text, related_asset_sectors: [text], description: text }],
  });
  return {
    tactic: hostileTactic,
    objects: [
      hostileTactic,
      parent,
      sub,
      mitigation,
      group,
      software,
      campaign,
      dataSource,
      dataComponent,
      analytic,
      strategy,
      asset,
      relationship('subtechnique-of', sub, parent, { description: text }),
      relationship('mitigates', mitigation, parent, cited),
      relationship('uses', group, parent, cited),
      relationship('uses', group, software, cited),
      relationship('uses', software, sub, cited),
      relationship('uses', campaign, parent, cited),
      relationship('attributed-to', campaign, group, cited),
      relationship('detects', strategy, parent, cited),
      relationship('targets', parent, asset, cited),
    ],
  };
}
