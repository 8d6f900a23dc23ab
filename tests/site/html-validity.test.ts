/** html-validate on one page of each kind: valid HTML, by its recommended rules. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { REPRESENTATIVE_PAGES } from './representative-pages.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // A bare & that cannot start a character reference, as in "ATT&CK", is valid HTML.
    'no-raw-characters': ['error', { relaxed: true }],
    // Titles carry full ATT&CK names ("Command and Scripting Interpreter: PowerShell (T1059.001)").
    'long-title': 'off',
    // A search box's list of result links is an ARIA listbox, which a native <select> cannot be.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
  },
});

describe('the HTML of', () => {
  it.each(REPRESENTATIVE_PAGES)('the $name page is valid', async ({ path }) => {
    const file = join(inject('siteDir'), path, 'index.html');
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector})`),
    );
    expect(messages).toEqual([]);
  });
});
