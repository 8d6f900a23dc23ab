/**
 * Watches a browser context for what a safe page never does: open a dialog, log the hostile
 * corpus's marker, ask for anything outside the site, or run into the Content-Security-Policy.
 * Requests outside the site are refused, so nothing leaves the machine.
 */
import type { BrowserContext } from 'playwright-core';
import { MARKER } from '../corpus/hostile-payloads.ts';

const CSP_VIOLATION = 'Content-Security-Policy violation';

/** Starts watching; the returned list fills with one line per incident, naming the page. */
export async function watchIncidents(context: BrowserContext, siteUrl: string): Promise<string[]> {
  const incidents: string[] = [];
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${prefix}: ${event.violatedDirective} refused ${event.blockedURI || 'inline content'}`);
    });
  }, CSP_VIOLATION);
  await context.route(
    (url) => !url.href.startsWith(siteUrl),
    (route) => route.abort(),
  );
  context.on('request', (request) => {
    if (!request.url().startsWith(siteUrl)) incidents.push(`${request.frame().url()}: request for ${request.url()}`);
  });
  context.on('dialog', (dialog) => {
    incidents.push(`${dialog.page()?.url()}: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  });
  context.on('console', (message) => {
    const text = message.text();
    if (text.includes(MARKER) || text.startsWith(CSP_VIOLATION)) incidents.push(`${message.page()?.url()}: console "${text}"`);
  });
  return incidents;
}
