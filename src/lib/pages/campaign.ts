/** What a campaign page shows: when it was seen, who it is attributed to, techniques and software used. */
import type { Campaign } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { escapeHtml } from '../urls.ts';
import {
  cardRows,
  formatMonth,
  provenanceRows,
  relatedRows,
  type CardRow,
  type CardValue,
  type ObjectRow,
  type PageContext,
  type TableRow,
} from './common.ts';
import { aliasRows, htmlValue, softwareUsed, techniquesUsed } from './usage.ts';

export interface CampaignPage {
  campaign: Campaign;
  card: CardRow[];
  descriptionHtml: string;
  /** Name | Description */
  aliases: TableRow[];
  groups: ObjectRow[];
  techniques: ObjectRow[];
  software: ObjectRow[];
  references: NumberedReference[];
}

export function campaignPage(graph: AttackGraph, campaign: Campaign, base: string): CampaignPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(campaign.description, campaign.references);
  const seen = (date: string | undefined, citation: Campaign['firstSeenCitation']): CardValue | undefined => {
    const month = formatMonth(date);
    const cited = htmlValue(citation, campaign, context);
    return month && cited ? { html: `${escapeHtml(month)}${cited.html}` } : month;
  };
  return {
    campaign,
    descriptionHtml,
    card: cardRows([
      ['ID', campaign.attackId],
      ['Associated Campaigns', campaign.aliases.map((alias) => alias.name)],
      ['First Seen', seen(campaign.firstSeen, campaign.firstSeenCitation)],
      ['Last Seen', seen(campaign.lastSeen, campaign.lastSeenCitation)],
      ...provenanceRows(campaign),
    ]),
    aliases: aliasRows(campaign, context),
    groups: relatedRows(graph.from(campaign.id, 'attributed-to'), context),
    techniques: techniquesUsed(campaign.id, context),
    software: softwareUsed(campaign.id, context),
    references: context.references.list,
  };
}
