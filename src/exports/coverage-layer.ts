/**
 * The coverage of a domain as an ATT&CK Navigator layer (format 4.5): every technique scored by how
 * many sources cover it (0 to 5, as the coverage matrix shades it), with each source's count in the
 * technique's metadata. The rows are the coverage page's own (src/lib/pages/coverage.ts).
 */
import type { DataContext } from '../lib/pages/common.ts';
import { COVERAGE_SOURCES, coverageRows, coverageText } from '../lib/pages/coverage.ts';
import { DOMAIN_LABELS, type Domain } from '../model/attack.ts';
import { attackVersion, MATRIX_VIEW, NAVIGATOR_VERSION, platformsOf, SELECTION_SETTINGS, type NavigatorLayer } from './navigator-layers.ts';

/** From no source (white) to every source (deep green), as on the coverage matrix. */
const GRADIENT = ['#ffffff', '#c7e9c0', '#31a354'];

export function coverageLayer(data: DataContext, domain: Domain): NavigatorLayer {
  const rows = coverageRows(data, domain);
  const label = DOMAIN_LABELS[domain];
  return {
    name: `${label} coverage`,
    versions: { attack: attackVersion(data.graph, domain), navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain,
    description: `${label} techniques scored by how many sources cover them: ${COVERAGE_SOURCES.map(({ label: name }) => name).join(', ')}.`,
    filters: { platforms: platformsOf(rows.map(({ technique }) => technique)) },
    ...MATRIX_VIEW,
    layout: { ...MATRIX_VIEW.layout, showAggregateScores: true },
    techniques: rows.map(({ technique, counts, sources }) => ({
      techniqueID: technique.attackId,
      score: sources,
      color: '',
      comment: coverageText(counts),
      enabled: true,
      metadata: COVERAGE_SOURCES.map(({ key, label: name }) => ({ name, value: String(counts[key]) })),
      links: [],
      showSubtechniques: false,
    })),
    gradient: { colors: GRADIENT, minValue: 0, maxValue: COVERAGE_SOURCES.length },
    legendItems: [],
    metadata: [{ name: 'Sources', value: COVERAGE_SOURCES.map(({ label: name }) => name).join(', ') }],
    links: [],
    ...SELECTION_SETTINGS,
  };
}
