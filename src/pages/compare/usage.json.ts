/** `/compare/usage.json`: what the compare pages read (src/lib/pages/compare.ts). */
import type { APIRoute } from 'astro';
import { usageData } from '../../lib/pages/compare.ts';
import { loadGraph, loadVault } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(usageData(await loadGraph(), await loadVault())), { headers: { 'Content-Type': 'application/json' } });
