/** The `kiyan serve` page in headless Chromium (test/browser.ts): paste, submit, marks appear, no console errors, nothing fetched from elsewhere. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, seedText } from '../helpers.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.js';
import { cliJson, serve, type Served } from './helpers.js';

const ARTEFACTS = join(ROOT, 'test-artefacts');
let s: Served;
let tmp: string;
let context: BrowserContext;

beforeAll(async () => {
  s = await serve();
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-serve-page-'));
  mkdirSync(ARTEFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: await chromiumExecutable(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  expect(await s.stop()).toBe(0);
});

async function open(): Promise<{ page: Page; problems: string[]; elsewhere: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(s.url)) elsewhere.push(r.url());
  });
  await page.goto(`${s.url}/`, { waitUntil: 'load' });
  return { page, problems, elsewhere };
}

describe('the kiyan serve page', () => {
  test('paste the seed article, submit: one mark per entity, the entity table, no console errors', async () => {
    const { page, problems, elsewhere } = await open();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
    expect(await page.locator('mark.e').count()).toBe(0);
    await page.locator('textarea#text').fill(seedText());
    await page.locator('button#go').click();
    await page.locator('mark.e').first().waitFor();
    const doc = JSON.parse(cliJson(seedText())) as { entities: Array<{ type: string }>; clusters: unknown[] };
    expect(await page.locator('mark.e').count()).toBe(doc.entities.length);
    expect(await page.locator('mark.PER').count()).toBe(doc.entities.filter((e) => e.type === 'PER').length);
    expect(await page.locator('aside tbody tr').count()).toBe(doc.clusters.length);
    expect(await page.locator('mark.LOC', { hasText: 'موسكو' }).count()).toBeGreaterThan(0);
    // the table's links go to marks on the page
    const hrefs = await page.locator('aside a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs.slice(0, 10)) expect(await page.locator(`mark${h}`).count()).toBe(1);
    await page.screenshot({ path: join(ARTEFACTS, 'serve-page.png') });
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  test('hostile text is shown as text; an empty submit says what to do', async () => {
    const { page, problems } = await open();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.locator('button#go').click();
    expect(await page.locator('#status').textContent()).toMatch(/paste some text first/);
    await page.locator('textarea#text').fill('زار بوتين <img src=x onerror=alert(1)> موسكو <script>alert(2)</script>');
    await page.locator('button#go').click();
    await page.locator('mark.e').first().waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('article.text').textContent()).toContain('<script>alert(2)</script>');
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
