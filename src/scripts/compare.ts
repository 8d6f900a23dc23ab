/**
 * The compare pages, in the browser, from one compact data file (src/lib/pages/compare.ts):
 *
 * - `/compare/?ids=G0016,G0007`: 2 to 5 groups, software or campaigns on one matrix, each
 *   technique marked with who uses it and shaded by whether all, some or one of them do;
 * - `/compare/groups/?techniques=T1059.001,T1105`: the groups ranked by how many of the techniques
 *   they use.
 *
 * The choice lives in the URL, so that a comparison can be shared. Text from the data is set as
 * text, never as markup.
 */
import { parseAttackId } from '../model/ids.ts';
import type { UsageData } from '../lib/pages/compare.ts';

const MAX_COMPARED = 5;
const KIND_LABELS: Record<string, string> = { group: 'Group', software: 'Software', campaign: 'Campaign' };
const root = document.querySelector<HTMLElement>('#compare');

interface Loaded {
  data: UsageData;
  base: string;
  byId: Map<string, number>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

function link(loaded: Loaded, path: string, text: string): HTMLAnchorElement {
  return element('a', { href: `${loaded.base.replace(/\/$/, '')}${path}` }, text);
}

function setUrl(name: string, values: string[]): void {
  const url = new URL(location.href);
  if (values.length > 0) url.searchParams.set(name, values.join(','));
  else url.searchParams.delete(name);
  history.replaceState(null, '', url);
}

function idsFromText(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).flatMap((word) => parseAttackId(word)?.id ?? []))];
}

/** `/compare/`: the chosen objects' techniques on one matrix. */
function compareObjects(loaded: Loaded, container: HTMLElement): void {
  const { data } = loaded;
  const input = container.querySelector<HTMLInputElement>('#compare-input')!;
  const options = container.querySelector<HTMLDataListElement>('#compare-options')!;
  const status = container.querySelector<HTMLElement>('.compare-status')!;
  const result = container.querySelector<HTMLElement>('.compare-result')!;
  options.append(...data.objects.map(([id, name, kind]) => element('option', { value: `${id} ${name}` }, KIND_LABELS[data.kinds[kind]!] ?? '')));
  let chosen = idsFromText(new URLSearchParams(location.search).get('ids') ?? '').filter((id) => loaded.byId.has(id)).slice(0, MAX_COMPARED);

  const render = () => {
    setUrl('ids', chosen);
    const objects = chosen.map((id) => data.objects[loaded.byId.get(id)!]!);
    const chips = container.querySelector<HTMLElement>('.compare-chips')!;
    chips.replaceChildren(
      ...objects.map(([id, name, , path], index) => {
        const remove = element('button', { type: 'button', 'aria-label': `Remove ${name}` }, '×');
        remove.addEventListener('click', () => {
          chosen = chosen.filter((other) => other !== id);
          render();
        });
        return element('li', { class: `who who-${index + 1}` }, element('span', { class: 'who-mark' }, String(index + 1)), ' ', link(loaded, path, `${id} ${name}`), ' ', remove);
      }),
    );
    input.disabled = chosen.length >= MAX_COMPARED;
    if (objects.length < 2) {
      status.textContent = objects.length === 0 ? 'Choose 2 to 5 groups, software or campaigns.' : 'Choose at least one more.';
      result.replaceChildren();
      return;
    }
    const users = new Map<number, number[]>();
    objects.forEach(([, , , , techniques], who) => {
      for (const technique of techniques) users.set(technique, [...(users.get(technique) ?? []), who]);
    });
    const counts = { all: 0, some: 0, one: objects.map(() => 0) };
    for (const who of users.values()) {
      if (who.length === objects.length) counts.all++;
      else if (who.length > 1) counts.some++;
      else counts.one[who[0]!]!++;
    }
    status.textContent = `${users.size} techniques: ${counts.all} used by all, ${counts.some} by some, ${objects.map(([, name], who) => `${counts.one[who]} only by ${name}`).join(', ')}.`;
    result.replaceChildren(matrixOf(loaded, users, objects.length));
  };

  container.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = parseAttackId(input.value.split(' ')[0] ?? '')?.id;
    if (id && loaded.byId.has(id) && !chosen.includes(id) && chosen.length < MAX_COMPARED) chosen.push(id);
    input.value = '';
    render();
  });
  render();
}

/** Tactic columns of the techniques used, each cell marked with who uses it. */
function matrixOf(loaded: Loaded, users: Map<number, number[]>, compared: number): HTMLElement {
  const { data } = loaded;
  const columns = new Map<number, number[]>();
  for (const technique of users.keys()) {
    for (const tactic of data.techniques[technique]![3]) columns.set(tactic, [...(columns.get(tactic) ?? []), technique]);
  }
  const ordered = [...columns.entries()].sort(([a], [b]) => a - b);
  return element(
    'div',
    { class: 'compare-matrix', role: 'list', 'aria-label': 'Techniques by tactic' },
    ...ordered.map(([tactic, techniques]) => {
      const [, tacticName] = data.tactics[tactic]!;
      const cells = techniques
        .sort((a, b) => users.get(b)!.length - users.get(a)!.length || data.techniques[a]![1].localeCompare(data.techniques[b]![1]))
        .map((technique) => {
          const [id, name, path] = data.techniques[technique]!;
          const who = users.get(technique)!;
          const share = who.length === compared ? 'all' : who.length > 1 ? 'some' : 'one';
          const marks = element('span', { class: 'who-marks', 'aria-label': `used by ${who.length} of ${compared}` }, ...who.map((index) => element('span', { class: `who-mark who-${index + 1}` }, String(index + 1))));
          return element('li', { class: `compare-cell share-${share}` }, link(loaded, path, name), ' ', element('span', { class: 'id' }, id), ' ', marks);
        });
      return element('section', { role: 'listitem', class: 'compare-column' }, element('h3', {}, `${tacticName} (${techniques.length})`), element('ul', {}, ...cells));
    }),
  );
}

/** `/compare/groups/`: groups ranked by how many of the given techniques they use. */
function groupsByTechniques(loaded: Loaded, container: HTMLElement): void {
  const { data } = loaded;
  const textarea = container.querySelector<HTMLTextAreaElement>('#technique-ids')!;
  const status = container.querySelector<HTMLElement>('.compare-status')!;
  const result = container.querySelector<HTMLElement>('.compare-result')!;
  const techniqueIndex = new Map(data.techniques.map(([id], index) => [id, index]));
  const groupKind = data.kinds.indexOf('group');
  textarea.value = (new URLSearchParams(location.search).get('techniques') ?? '').split(',').join(', ');

  const render = () => {
    const ids = idsFromText(textarea.value);
    const known = ids.filter((id) => techniqueIndex.has(id));
    setUrl('techniques', known);
    const wanted = new Set(known.map((id) => techniqueIndex.get(id)!));
    const unknown = ids.filter((id) => !techniqueIndex.has(id));
    if (wanted.size === 0) {
      status.textContent = unknown.length > 0 ? `No technique of this site among ${unknown.join(', ')}.` : 'Paste or type technique ids, such as T1059.001 T1105.';
      result.replaceChildren();
      return;
    }
    const ranked = data.objects
      .filter(([, , kind]) => kind === groupKind)
      .map((object) => ({ object, matched: object[4].filter((technique) => wanted.has(technique)) }))
      .filter(({ matched }) => matched.length > 0)
      .sort((a, b) => b.matched.length - a.matched.length || b.matched.length / b.object[4].length - a.matched.length / a.object[4].length || a.object[1].localeCompare(b.object[1]));
    status.textContent = `${ranked.length} groups use at least one of ${wanted.size} techniques${unknown.length > 0 ? ` (not on this site: ${unknown.join(', ')})` : ''}.`;
    const rows = ranked.map(({ object: [id, name, , path, techniques], matched }, rank) =>
      element(
        'tr',
        {},
        element('td', {}, String(rank + 1)),
        element('td', {}, link(loaded, path, `${id} ${name}`)),
        element('td', {}, `${matched.length} of ${wanted.size}`),
        element('td', {}, `${Math.round((100 * matched.length) / techniques.length)}% of its ${techniques.length}`),
        element('td', {}, matched.map((technique) => data.techniques[technique]![0]).join(', ')),
      ),
    );
    const head = element('thead', {}, element('tr', {}, ...['Rank', 'Group', 'Techniques Used', 'Share of Its Techniques', 'Which'].map((text) => element('th', { scope: 'col' }, text))));
    result.replaceChildren(element('div', { class: 'table-scroll' }, element('table', { class: 'data-table' }, element('caption', { class: 'visually-hidden' }, 'Groups by overlap'), head, element('tbody', {}, ...rows))));
  };

  container.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    render();
  });
  render();
}

async function start(container: HTMLElement): Promise<void> {
  performance.mark('compare-start');
  const response = await fetch(container.dataset.source!);
  const data = (await response.json()) as UsageData;
  const loaded: Loaded = { data, base: container.dataset.base ?? '/', byId: new Map(data.objects.map(([id], index) => [id, index])) };
  container.querySelector('.needs-script')?.remove();
  container.querySelector('form')?.removeAttribute('hidden');
  if (container.dataset.mode === 'groups') groupsByTechniques(loaded, container);
  else compareObjects(loaded, container);
  container.dataset.ready = 'true';
  // The time from the script's start (fetch included) to the first answer: `npm run bench` reads it.
  performance.measure('compare-answer', 'compare-start');
}

if (root) {
  start(root).catch(() => {
    const status = root.querySelector('.compare-status');
    if (status) status.textContent = 'The comparison data could not be loaded.';
  });
}
