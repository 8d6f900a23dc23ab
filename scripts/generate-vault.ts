/**
 * `node scripts/generate-vault.ts <folder> [--notes 15000]`: writes a synthetic vault in the
 * database-export format for the benchmark (src/tools/generate-vault.ts).
 */
import { parseArgs } from 'node:util';
import { generateVault } from '../src/tools/generate-vault.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { notes: { type: 'string', default: '15000' } } });
const folder = positionals[0];
if (!folder) {
  console.error('usage: node scripts/generate-vault.ts <folder> [--notes 15000]');
  process.exit(2);
}
const written = await generateVault(folder, Number(values.notes));
console.log(`wrote ${written} notes to ${folder}`);
