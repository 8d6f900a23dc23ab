/**
 * A matrix's ATT&CK Navigator layer (format 4.5): the domain and release of the matrix page,
 * narrowed to its platform on a platform's view, so that the Navigator opens the matrix the page
 * shows. It marks no technique: it is the view itself, to annotate in the Navigator. Beside the
 * matrix's page (`/matrices/enterprise/enterprise-layer.json`, `enterprise-windows-layer.json`).
 */
import type { AttackGraph } from '../lib/graph.ts';
import type { Platform } from '../lib/pages/matrix.ts';
import { DOMAIN_LABELS, type Domain } from '../model/attack.ts';
import { attackVersion, MATRIX_VIEW, NAVIGATOR_VERSION, platformsOf, SELECTION_SETTINGS, type NavigatorLayer } from './navigator-layers.ts';

export function matrixLayer(graph: AttackGraph, domain: Domain, platform: Platform | undefined): NavigatorLayer {
  const label = DOMAIN_LABELS[domain];
  const version = attackVersion(graph, domain);
  return {
    name: platform ? `${label} ATT&CK ${version}: ${platform.label}` : `${label} ATT&CK ${version}`,
    versions: { attack: version, navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain,
    description: platform ? `The ${label} ATT&CK matrix narrowed to ${platform.label}.` : `The ${label} ATT&CK matrix.`,
    filters: { platforms: platform ? [platform.label] : platformsOf(graph.active('technique', domain)) },
    ...MATRIX_VIEW,
    techniques: [],
    gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 1 },
    legendItems: [],
    metadata: [],
    links: [],
    ...SELECTION_SETTINGS,
  };
}
