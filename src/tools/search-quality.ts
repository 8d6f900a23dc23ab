/**
 * Runs the query table (search-queries.ts) in Chromium and reads what comes first: queries without
 * filters are typed into the header box of one page, one after the other, as a person would;
 * queries with filters open the search page with them in its URL.
 */
import type { Page } from 'playwright-core';
import { queryLabel, SEARCH_QUERIES, type QueryGroup, type SearchQuery } from './search-queries.ts';

export interface Answer {
  query: SearchQuery;
  group: QueryGroup;
  /** The labels of the first results shown (ATT&CK id, or title when there is none), best first. */
  labels: string[];
  /** The first result's link. */
  href: string | undefined;
}

export interface QualityReport {
  answers: Answer[];
  /** Queries whose first result is the expected one, per group and in all. */
  right: Record<QueryGroup | 'all', { right: number; total: number }>;
}

/** Every query of the table, grouped. */
export function tableQueries(): { query: SearchQuery; group: QueryGroup }[] {
  return Object.entries(SEARCH_QUERIES).flatMap(([group, queries]) => queries.map((query) => ({ query, group: group as QueryGroup })));
}

/** The site's address with its base path: `http://127.0.0.1:41234/wiki/`. */
export async function answerQueries(page: Page, siteUrl: string, queries = tableQueries()): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const { query, group } of queries) {
    const found = query.filters || !query.query.trim() ? await searchPageResults(page, siteUrl, query) : await headerResults(page, siteUrl, query.query);
    answers.push({ query, group, ...found });
  }
  return answers;
}

export function scoreAnswers(answers: Answer[]): QualityReport {
  const right = {} as QualityReport['right'];
  for (const answer of answers) {
    for (const key of [answer.group, 'all'] as const) {
      const tally = (right[key] ??= { right: 0, total: 0 });
      tally.total += 1;
      if (isRight(answer)) tally.right += 1;
    }
  }
  return { answers, right };
}

export function isRight(answer: Answer): boolean {
  return answer.labels[0] === answer.query.first;
}

export function describeMiss(answer: Answer): string {
  return `${queryLabel(answer.query)}: expected ${answer.query.first}, got ${answer.labels.slice(0, 3).join(', ') || 'nothing'}`;
}

/** Results are complete when the box's status names the query. */
const STATUS_TIMEOUT = 20_000;

async function headerResults(page: Page, siteUrl: string, query: string): Promise<Omit<Answer, 'query' | 'group'>> {
  if (!page.url().startsWith(siteUrl) || page.url().includes('/search/')) await page.goto(siteUrl);
  const input = page.locator('#header-search-input');
  await input.fill(query);
  await page.waitForFunction(
    (text) => document.querySelector('.header-search [role="status"]')?.textContent?.includes(text),
    `“${query.trim()}”`,
    { timeout: STATUS_TIMEOUT },
  );
  return readResults(page, '#header-search-results .search-hit > [role="option"]');
}

async function searchPageResults(page: Page, siteUrl: string, { query, filters }: SearchQuery): Promise<Omit<Answer, 'query' | 'group'>> {
  const params = [query && `q=${encodeURIComponent(query)}`, filters].filter(Boolean).join('&');
  await page.goto(`${siteUrl}search/?${params}`);
  await page.waitForFunction(() => /results?\b/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: STATUS_TIMEOUT });
  return readResults(page, '#search-page-results .search-hit > [role="option"]');
}

async function readResults(page: Page, selector: string): Promise<Omit<Answer, 'query' | 'group'>> {
  const options = await page.locator(selector).evaluateAll((links) =>
    links.map((link) => ({
      label: (link.querySelector('.search-id') ?? link.querySelector('.search-title'))?.textContent ?? '',
      href: link.getAttribute('href') ?? undefined,
    })),
  );
  return { labels: options.map((option) => option.label), href: options[0]?.href };
}
