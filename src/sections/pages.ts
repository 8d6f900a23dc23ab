/**
 * What the page of each kind shows: its ID card, its sections in order, and the columns of its
 * list pages. Adding a section to a kind's pages is a section module and one line here.
 */
import { formatMonth, linkTo, provenanceRows, sectionTrail, siteLink, yesNo, type CardValue, type Link, type PageContext } from '../lib/pages/common.ts';
import { paths } from '../lib/paths.ts';
import type { Campaign } from '../model/attack.ts';
import { KINDS, SOFTWARE_TYPE_LABELS } from '../model/kinds.ts';
import { escapeHtml } from '../lib/rich-text.ts';
import { detection, mitigations, targetedAssets } from './defenses.ts';
import { analytics, analyticsReading, logSources } from './detection-data.ts';
import { aliases, relatedAssets } from './descriptions.ts';
import { releaseHistory } from './history.ts';
import { atomicTests, sigmaRules } from './detections.ts';
import { telemetry } from './telemetry.ts';
import { teamProcedures } from './team.ts';
import { subtechniques, tacticTechniques, techniquesAddressed, techniquesDetected, techniquesTargeting, techniquesUsed } from './techniques.ts';
import type { ObjectPages } from './types.ts';
import { attributedCampaigns, attributedGroups, campaignsUsing, groupsUsing, procedureExamples, softwareUsed } from './usage.ts';

const aliasNames = (object: { aliases: { name: string }[] }) => object.aliases.map((alias) => alias.name);

export const OBJECT_PAGES: ObjectPages = {
  tactic: {
    card: (tactic) => [['ID', tactic.attackId], ...provenanceRows(tactic)],
    sections: [tacticTechniques, teamProcedures, sigmaRules, releaseHistory],
  },
  technique: {
    card: (technique, { graph, base }) => {
      const parent = graph.getOfType('technique', technique.parent);
      const tactics = technique.tactics.flatMap((id) => {
        const tactic = graph.getOfType('tactic', id);
        return tactic ? [linkTo(tactic, base)] : [];
      });
      return [
        ['ID', technique.attackId],
        ['Sub-technique of', parent && linkTo(parent, base, `${parent.attackId} ${parent.name}`)],
        ['Sub-techniques', graph.subtechniquesOf(technique.id).map((sub) => linkTo(sub, base, sub.attackId))],
        [tactics.length > 1 ? 'Tactics' : 'Tactic', tactics],
        ['Platforms', technique.platforms],
        ['System Requirements', technique.systemRequirements],
        ['Permissions Required', technique.permissionsRequired],
        ['Effective Permissions', technique.effectivePermissions],
        ['Defense Bypassed', technique.defenseBypassed],
        ['Impact Type', technique.impactType],
        ['Tactic Type', technique.tacticType],
        ['Supports Remote', yesNo(technique.remoteSupport)],
        ['Data Sources', technique.dataSources],
        ['CAPEC ID', technique.capecIds.map(capecLink)],
        ['MTC ID', technique.mtcIds],
        ...provenanceRows(technique),
      ];
    },
    breadcrumbs: (technique, page) => {
      const parent = page.graph.getOfType('technique', technique.parent);
      return [...sectionTrail('technique', technique, page.base), ...(parent ? [linkTo(parent, page.base)] : [])];
    },
    sections: [subtechniques, procedureExamples, teamProcedures, atomicTests, mitigations, detection, telemetry, sigmaRules, targetedAssets, releaseHistory],
  },
  mitigation: {
    card: (mitigation) => [['ID', mitigation.attackId], ['Security Controls', mitigation.securityControls], ...provenanceRows(mitigation)],
    layers: true,
    sections: [techniquesAddressed, teamProcedures, releaseHistory],
  },
  group: {
    card: (group) => [['ID', group.attackId], ['Associated Groups', aliasNames(group)], ...provenanceRows(group)],
    layers: true,
    sections: [aliases, attributedCampaigns, techniquesUsed, softwareUsed, teamProcedures, sigmaRules, releaseHistory],
    listColumns: [{ header: 'Associated Groups', value: aliasNames }],
  },
  software: {
    card: (software) => [
      ['ID', software.attackId],
      ['Type', SOFTWARE_TYPE_LABELS[software.softwareType]],
      ['Associated Software', aliasNames(software)],
      ['Platforms', software.platforms],
      ...provenanceRows(software),
    ],
    layers: true,
    sections: [aliases, techniquesUsed, groupsUsing, campaignsUsing, teamProcedures, sigmaRules, releaseHistory],
    listColumns: [
      { header: 'Type', value: (software) => SOFTWARE_TYPE_LABELS[software.softwareType] },
      { header: 'Associated Software', value: aliasNames },
    ],
  },
  campaign: {
    card: (campaign, page) => [
      ['ID', campaign.attackId],
      ['Associated Campaigns', aliasNames(campaign)],
      ['First Seen', seen(campaign, campaign.firstSeen, campaign.firstSeenCitation, page)],
      ['Last Seen', seen(campaign, campaign.lastSeen, campaign.lastSeenCitation, page)],
      ...provenanceRows(campaign),
    ],
    layers: true,
    sections: [aliases, attributedGroups, techniquesUsed, softwareUsed, teamProcedures, releaseHistory],
    listColumns: [
      { header: 'First Seen', value: (campaign) => formatMonth(campaign.firstSeen) ?? '' },
      { header: 'Last Seen', value: (campaign) => formatMonth(campaign.lastSeen) ?? '' },
    ],
  },
  detectionstrategy: {
    card: (strategy, page) => [
      ['ID', strategy.attackId],
      ['Analytics', analytics.rows(strategy, page).map((analytic) => ({ text: analytic.attackId, href: `#${analytic.attackId}` }))],
      ...provenanceRows(strategy),
    ],
    sections: [techniquesDetected, analytics, teamProcedures, releaseHistory],
    listColumns: [
      {
        header: 'Techniques Detected',
        value: (strategy, { graph, base }) => graph.from(strategy.id, 'detects').map(({ object }) => linkTo(object, base, object.attackId)),
      },
    ],
    listDescriptions: false,
  },
  datacomponent: {
    card: (component, { graph, base }) => {
      const dataSource = graph.getOfType('datasource', component.dataSource);
      return [
        ['ID', component.attackId],
        ['Data Source', dataSource && linkTo(dataSource, base, `${dataSource.attackId} ${dataSource.name} (deprecated)`)],
        ...provenanceRows(component),
      ];
    },
    sections: [logSources, analyticsReading, teamProcedures, releaseHistory],
  },
  datasource: {
    card: (dataSource) => [
      ['ID', dataSource.attackId],
      ['Platforms', dataSource.platforms],
      ['Collection Layers', dataSource.collectionLayers],
      ...provenanceRows(dataSource),
    ],
    // Data sources (all deprecated since ATT&CK 18) have no list of their own; their data components do.
    breadcrumbs: (_, { base }) => [siteLink(paths.list('datacomponent'), base, KINDS.datacomponent.labels.plural)],
    sections: [teamProcedures, releaseHistory],
  },
  asset: {
    card: (asset) => [['ID', asset.attackId], ['Platforms', asset.platforms], ['Sectors', asset.sectors], ...provenanceRows(asset)],
    sections: [relatedAssets, techniquesTargeting, teamProcedures, releaseHistory],
    listColumns: [{ header: 'Sectors', value: (asset) => asset.sectors }],
  },
};

function capecLink(id: string): Link | string {
  const number = /^CAPEC-(\d+)$/.exec(id)?.[1];
  return number ? { text: id, href: `https://capec.mitre.org/data/definitions/${number}.html` } : id;
}

/** "August 2019" with the citation of the sighting, when there is one. */
function seen(campaign: Campaign, date: string | undefined, citation: Campaign['firstSeenCitation'], { references }: PageContext): CardValue | undefined {
  const month = formatMonth(date);
  const cited = citation.length > 0 ? references.render(citation, campaign.references) : '';
  return month && cited ? { html: `${escapeHtml(month)}${cited}` } : month;
}
