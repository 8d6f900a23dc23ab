/** Data sources are all deprecated in ATT&CK 18: their pages keep the card and description. */
import type { DataSource } from '../../model/attack.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, provenanceRows, type CardRow } from './common.ts';

export interface DataSourcePage {
  dataSource: DataSource;
  card: CardRow[];
  descriptionHtml: string;
  references: NumberedReference[];
}

export function dataSourcePage(dataSource: DataSource, base: string): DataSourcePage {
  const references = new PageReferences(base);
  return {
    dataSource,
    descriptionHtml: references.render(dataSource.description, dataSource.references),
    card: cardRows([
      ['ID', dataSource.attackId],
      ['Platforms', dataSource.platforms],
      ['Collection Layers', dataSource.collectionLayers],
      ...provenanceRows(dataSource),
    ]),
    references: references.list,
  };
}
