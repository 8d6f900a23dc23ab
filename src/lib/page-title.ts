/**
 * The title of an object's page, as a browser tab, a bookmark and a search engine show it: name,
 * ATT&CK id, the other names it is known by (as many as fit, as the official site lists them), and
 * its domains, which tell apart objects of one name (Data Destruction is a technique of Enterprise
 * and of ICS): `APT29 (G0016), IRON RITUAL, …, Cozy Bear… · Enterprise`.
 */

/** Characters of name, id and aliases before the rest of the aliases give way to "…". */
export const TITLE_ALIAS_BUDGET = 100;

export function objectTitle(name: string, attackId: string, aliases: string[], domains: string[]): string {
  let title = `${name} (${attackId})`;
  const others = [...new Set(aliases)].filter((alias) => alias.toLowerCase() !== name.toLowerCase());
  const fitting = others.findIndex((_, index) => `${title}, ${others.slice(0, index + 1).join(', ')}`.length > TITLE_ALIAS_BUDGET);
  const shown = fitting === -1 ? others : others.slice(0, fitting);
  if (shown.length > 0) title += `, ${shown.join(', ')}`;
  if (shown.length < others.length) title += '…';
  return domains.length > 0 ? `${title} · ${domains.join(', ')}` : title;
}
