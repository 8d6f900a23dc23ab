/** Sections of who uses what: procedure examples, software used, users of a software, attributions. */
import { byAttackId, type Related } from '../lib/graph.ts';
import { displayName, formatMonth, linkTo, objectRow, relatedRows, type Link, type PageContext } from '../lib/pages/common.ts';
import type { AttackObject } from '../model/attack.ts';
import type { Kind } from '../model/kinds.ts';
import { usesOf } from './techniques.ts';
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
  rows: (object, { graph }) => ofKind(usesOf(object, graph), 'software'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: relatedRows(rows, page).map((row, index) => ({ ...row, cells: [techniquesOf(rows[index]!.object, page)] })),
    extraHeaders: ['Techniques'],
    descriptionHeader: 'Use',
  }),
};

/** Groups that use the software, themselves or through a campaign attributed to them. */
export const groupsUsing: Section<'software', Related> = {
  id: 'groups',
  title: 'Groups That Use This Software',
  rows: (software, { graph }) => {
    const users = graph.to(software.id, 'uses');
    const throughCampaigns = ofKind(users, 'campaign').flatMap(({ relationship, object: campaign }) =>
      ofKind(graph.from(campaign.id, 'attributed-to'), 'group').map(({ object: group }) => ({ relationship, object: group, through: campaign })),
    );
    return [...ofKind(users, 'group'), ...throughCampaigns].sort((a, b) => byAttackId(a.object, b.object));
  },
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), descriptionHeader: 'Use' }),
};

export const campaignsUsing: Section<'software', Related> = {
  id: 'campaigns',
  title: 'Campaigns',
  rows: (software, { graph }) => ofKind(graph.to(software.id, 'uses'), 'campaign'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page), descriptionHeader: 'Use' }),
};

/** ID | Name | First Seen | Last Seen | References: the campaigns attributed to a group, with the sources of the attribution. */
export const attributedCampaigns: Section<'group', Related> = {
  id: 'campaigns',
  title: 'Campaigns',
  rows: (group, { graph }) => graph.to(group.id, 'attributed-to'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: rows.map(({ object, relationship }) => ({
      ...objectRow(object, page),
      cells: [
        object.type === 'campaign' ? (formatMonth(object.firstSeen) ?? '') : '',
        object.type === 'campaign' ? (formatMonth(object.lastSeen) ?? '') : '',
        { html: page.references.citations(relationship.description, relationship.references) },
      ],
    })),
    extraHeaders: ['First Seen', 'Last Seen', 'References'],
    descriptionHeader: false,
  }),
};

/** The groups a campaign is attributed to, with what the data says of the attribution. */
export const attributedGroups: Section<'campaign', Related> = {
  id: 'groups',
  title: 'Attributed Groups',
  rows: (campaign, { graph }) => graph.from(campaign.id, 'attributed-to'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: relatedRows(rows, page) }),
};

function ofKind(related: Related[], kind: Kind): Related[] {
  return related.filter(({ object }) => object.type === kind);
}

function techniquesOf(software: AttackObject, { graph, base }: PageContext): Link[] {
  return ofKind(graph.from(software.id, 'uses'), 'technique').map(({ object }) => linkTo(object, base, displayName(object, graph)));
}
