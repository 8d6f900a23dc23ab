/** Sections of descriptions the data gives: of each alias, and of an asset's related assets. */
import type { Asset, Campaign, Group, Software } from '../model/attack.ts';
import { KINDS } from '../model/kinds.ts';
import type { Section } from './types.ts';

type Alias = (Group | Software | Campaign)['aliases'][number];

/** "Associated Group Descriptions" and the like: what the data says about each alias. */
export const aliases: Section<'group' | 'software' | 'campaign', Alias> = {
  id: 'aliases',
  title: (object) => `Associated ${KINDS[object.type].labels.singular} Descriptions`,
  always: true,
  rows: (object) => object.aliases.filter((alias) => alias.description.length > 0),
  view: (rows, heading, object, { references }) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          caption: `Associated ${KINDS[object.type].labels.singular} descriptions`,
          headers: ['Name', 'Description'],
          rows: rows.map((alias) => ({ cells: [alias.name, { html: references.render(alias.description, object.references) }] })),
        }
      : undefined,
};

/** Name | Sectors | Description */
export const relatedAssets: Section<'asset', Asset['relatedAssets'][number]> = {
  id: 'related-assets',
  title: 'Related Assets',
  always: true,
  rows: (asset) => asset.relatedAssets,
  view: (rows, heading, asset, { references }) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          count: rows.length,
          caption: 'Related assets',
          headers: ['Name', 'Sectors', 'Description'],
          rows: rows.map((related) => ({ cells: [related.name, related.sectors, { html: references.render(related.description, asset.references) }] })),
        }
      : undefined,
};
