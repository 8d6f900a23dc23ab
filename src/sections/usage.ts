/** Sections of who uses what: procedure examples, software used, users of a software, attributions. */
import type { Related } from '../lib/graph.ts';
import { displayName, formatMonth, linkTo, objectRow, relatedRows, type Link, type PageContext } from '../lib/pages/common.ts';
import type { AttackObject } from '../model/attack.ts';
import type { Kind } from '../model/kinds.ts';
import type { Section } from './types.ts';

/** Groups, software and campaigns that use the technique, with how. */
export const procedureExamples: Section<'technique', Related> = {
  id: 'procedure-examples',
  title: 'Procedure Examples',
  rows: (technique, { graph }) => graph.to(technique.id, 'uses').filter(({ object }) => ['group', 'software', 'campaign'].includes(object.type)),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), empty: 'No procedure examples in this release.' }),
};

/** ID | Name | Use | Techniques: each software with the techniques it is known to use. */
export const softwareUsed: Section<'group' | 'campaign', Related> = {
  id: 'software',
  title: 'Software',
  rows: (object, { graph }) => ofKind(graph.from(object.id, 'uses'), 'software'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: relatedRows(rows, page).map((row, index) => ({ ...row, cells: [techniquesOf(rows[index]!.object, page)] })),
    extraHeaders: ['Techniques'],
    descriptionHeader: 'Use',
  }),
};

export const groupsUsing: Section<'software', Related> = {
  id: 'groups',
  title: 'Groups That Use This Software',
  rows: (software, { graph }) => ofKind(graph.to(software.id, 'uses'), 'group'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), descriptionHeader: 'Use' }),
};

export const campaignsUsing: Section<'software', Related> = {
  id: 'campaigns',
  title: 'Campaigns',
  rows: (software, { graph }) => ofKind(graph.to(software.id, 'uses'), 'campaign'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), descriptionHeader: 'Use' }),
};

/** ID | Name | First Seen | Last Seen: the campaigns attributed to a group. */
export const attributedCampaigns: Section<'group', Related> = {
  id: 'campaigns',
  title: 'Campaigns',
  rows: (group, { graph }) => graph.to(group.id, 'attributed-to'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: rows.map(({ object }) => ({
      ...objectRow(object, page),
      cells: object.type === 'campaign' ? [formatMonth(object.firstSeen) ?? '', formatMonth(object.lastSeen) ?? ''] : [],
    })),
    extraHeaders: ['First Seen', 'Last Seen'],
    descriptionHeader: false,
  }),
};

export const attributedGroups: Section<'campaign', Related> = {
  id: 'groups',
  title: 'Attributed Groups',
  rows: (campaign, { graph }) => graph.from(campaign.id, 'attributed-to'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), descriptionHeader: false }),
};

function ofKind(related: Related[], kind: Kind): Related[] {
  return related.filter(({ object }) => object.type === kind);
}

function techniquesOf(software: AttackObject, { graph, base }: PageContext): Link[] {
  return ofKind(graph.from(software.id, 'uses'), 'technique').map(({ object }) => linkTo(object, base, displayName(object, graph)));
}
