/** What an asset page shows: platforms, sectors, related assets and the techniques that target it. */
import type { Asset } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, objectRow, provenanceRows, type CardRow, type ObjectRow, type PageContext, type TableRow } from './common.ts';

export interface AssetPage {
  asset: Asset;
  card: CardRow[];
  descriptionHtml: string;
  /** Name | Sectors | Description */
  relatedAssets: TableRow[];
  techniques: ObjectRow[];
  references: NumberedReference[];
}

export function assetPage(graph: AttackGraph, asset: Asset, base: string): AssetPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(asset.description, asset.references);
  return {
    asset,
    descriptionHtml,
    card: cardRows([
      ['ID', asset.attackId],
      ['Platforms', asset.platforms],
      ['Sectors', asset.sectors],
      ...provenanceRows(asset),
    ]),
    relatedAssets: asset.relatedAssets.map((related) => ({
      cells: [related.name, related.sectors, { html: context.references.render(related.description, asset.references) }],
    })),
    techniques: graph.to(asset.id, 'targets').map(({ object }) => objectRow(object, context)),
    references: context.references.list,
  };
}
