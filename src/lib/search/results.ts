/** How the search box orders what Pagefind finds. Pure, for the browser and for unit tests. */

/**
 * Exact matches (pages whose id, name or alias is the query) come first, in the order of the text
 * search where it found them too, then the other text matches. A page found both ways keeps its
 * text match, which carries the highlighted excerpt.
 */
export function exactMatchesFirst<T extends { id: string }>(exact: T[], text: T[]): T[] {
  const exactIds = new Set(exact.map((result) => result.id));
  const textIds = new Set(text.map((result) => result.id));
  const [exactInText, otherText] = partition(text, (result) => exactIds.has(result.id));
  return [...exactInText, ...exact.filter((result) => !textIds.has(result.id)), ...otherText];
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The result's URL, at the anchor of the typed id when the page shows that id as a part (`#AN0001`). */
export function resultUrl(url: string, anchorIds: string[], typedId: string | undefined): string {
  return typedId && anchorIds.includes(typedId) ? `${url}#${typedId}` : url;
}
