/**
 * The HTML view in a real browser: the headless Chromium that the devDependency
 * @sparticuz/chromium ships (test/browser.ts), driven by playwright-core. Screenshots go to
 * test-artefacts/ (gitignored).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT, SEED } from '../helpers.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.js';

const ARTEFACTS = join(ROOT, 'test-artefacts');

let tmp: string;
let context: BrowserContext | undefined;

function kiyan(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kiyan.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('HTML view in headless Chromium', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'kiyan-html-'));
    mkdirSync(ARTEFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: await chromiumExecutable(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(html: string, name: string, width = 1200) {
    const file = join(tmp, name);
    writeFileSync(file, html);
    const page = await context!.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  test('the seed page: no console errors, one mark per entity, RTL, screenshot', async () => {
    const json = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out) as { entities: unknown[] };
    const r = kiyan(['extract', '-f', 'html', SEED]);
    expect(r.code).toBe(0);
    const { page, problems, requests } = await open(r.out, 'seed.html');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('mark.e').count()).toBe(json.entities.length);
    expect(json.entities.length).toBeGreaterThan(20);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // every row of the entity table jumps to a mark that exists
    const hrefs = await page.locator('aside a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const h of hrefs) expect(await page.locator(`mark${h}`).count()).toBe(1);
    // hover titles carry canonical name, English name and how it was found
    const title = await page.locator('mark.LOC', { hasText: 'موسكو' }).first().getAttribute('title');
    expect(title).toContain('موسكو');
    expect(title).toContain('Moscow');
    expect(title).toMatch(/found by lexicon/);
    // Shaping across mark boundaries: the marked text is exactly as wide as the same text
    // without marks (a broken join changes letter forms, hence the width).
    const widths = await page.evaluate(() => {
      const art = document.querySelector('article.text')!;
      const probe = (html: string): number => {
        const s = document.createElement('span');
        s.style.whiteSpace = 'nowrap';
        s.innerHTML = html;
        art.appendChild(s);
        const w = s.getBoundingClientRect().width;
        s.remove();
        return w;
      };
      const marked = Array.from(art.querySelectorAll('mark')).filter((m) => m.textContent!.startsWith('\u200D'));
      return marked.map((m) => {
        const before = (m.previousSibling?.textContent ?? '').split(/\s/).pop()!;
        const inner = m.innerHTML;
        const plain = (before + m.textContent).replace(/\u200D/g, '');
        return { withMark: probe(`${before}<mark class="${m.className}">${inner}</mark>`), plain: probe(plain), text: plain };
      });
    });
    expect(widths.length).toBeGreaterThan(0); // the seed has لموسكو, لطهران, بسوريا ...
    for (const w of widths) expect(Math.abs(w.withMark - w.plain)).toBeLessThan(1);
    await page.screenshot({ path: join(ARTEFACTS, 'html-seed.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    // phone width: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTEFACTS, 'html-seed-phone.png'), fullPage: false });
    await page.close();
  });

  test('several files: one page with a file index and recurring entities', async () => {
    const other = join(tmp, 'short.txt');
    writeFileSync(other, 'زار الرئيس فلاديمير بوتين موسكو ثم التقى قاسم سليماني في طهران.\n');
    const r = kiyan(['extract', '-f', 'html', SEED, other]);
    expect(r.code).toBe(0);
    const { page, problems } = await open(r.out, 'two.html');
    expect(problems).toEqual([]);
    expect(await page.locator('nav.index ol li').count()).toBe(2);
    const recurring = await page.locator('nav.index tbody tr').allTextContents();
    expect(recurring.some((t) => t.includes('بوتين'))).toBe(true);
    expect(recurring.some((t) => t.includes('موسكو'))).toBe(true);
    expect(await page.locator('section.doc').count()).toBe(2);
    await page.screenshot({ path: join(ARTEFACTS, 'html-two-files.png'), fullPage: false });
    await page.close();
  });

  test('hostile input is shown as text, never run', async () => {
    const evil = join(tmp, 'evil<img src=x onerror=alert(1)>.txt');
    writeFileSync(evil, 'زار بوتين <script>alert(1)</script> موسكو "<b>" & \'x\'');
    const r = kiyan(['extract', '-f', 'html', evil]);
    expect(r.code).toBe(0);
    const { page, problems, requests } = await open(r.out, 'evil.html');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('article.text').textContent()).toContain('<script>alert(1)</script>');
    expect(dialogs).toBe(0);
    await page.close();
  });
});
