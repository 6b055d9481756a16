// End-to-end tests of the release build (dist/), served on 127.0.0.1 and
// driven by Playwright in Debian's Chromium. Run by scripts/test.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();


async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the lesson index lists the lessons in order', async () => {
  const { page, context, problems } = await openPage(app.browser, app.url);
  const cards = page.getByTestId('lesson-card');
  await cards.first().waitFor();
  const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.lesson));
  assert.ok(ids.length >= 3, `expected at least 3 lessons, got ${ids}`);
  for (const id of ['sleep', 'gather', 'cancel']) assert.ok(ids.includes(id), `${id} listed`);
  assert.ok(ids.indexOf('sleep') < ids.indexOf('gather') && ids.indexOf('gather') < ids.indexOf('cancel'));
  assert.match(await page.title(), /Looplab/);
  await screenshot(page, 'index');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a lesson page shows its prose and code, and navigation keeps history', async () => {
  const { page, context, problems } = await openPage(app.browser, app.url);
  await page.getByRole('link', { name: /Taking turns/ }).click();
  // The sections after the player come once the page is idle.
  await page.locator('[data-testid=lesson][data-complete]').waitFor();
  assert.match(page.url(), /\?lesson=sleep$/);
  // The player's code panel is the editor (issue #16): its text is the textarea's.
  const code = await page.locator('[data-testid=code] [data-testid=editor]').first().inputValue();
  assert.match(code, /await asyncio\.sleep\(0\)/);
  assert.match(await page.locator('.prose').first().innerText(), /one task at a time/);
  // One figure per python snippet of the lesson file.
  const fences = readFileSync(join(ROOT, 'lessons', '03-sleep.md'), 'utf8').match(/^```python/gm).length;
  assert.equal(await page.getByTestId('snippet').count(), fences);
  await screenshot(page, 'lesson-sleep');
  await page.goBack();
  await page.getByTestId('lesson-index').waitFor();
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a lesson opens directly from its URL', async () => {
  for (const id of ['sleep', 'gather', 'cancel']) {
    const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=${id}`);
    await page.locator(`[data-testid=lesson][data-lesson=${id}]`).waitFor();
    assert.deepEqual(problems, [], id);
    await context.close();
  }
});

test('unknown lessons and queries show the 404 view', async () => {
  for (const query of ['?lesson=nope', '?what=ever']) {
    const { page, context, problems } = await openPage(app.browser, app.url + query);
    await page.getByTestId('not-found').waitFor();
    assert.match(await page.getByTestId('not-found').innerText(), /Nothing here/);
    await screenshot(page, `not-found-${query.slice(1, 7).replace(/\W/g, '')}`);
    await page.getByRole('link', { name: 'Go to the lesson index' }).click();
    await page.getByTestId('lesson-index').waitFor();
    assert.deepEqual(problems, [], query);
    await context.close();
  }
});

test('the theme toggle cycles auto, dark, light and is remembered', async () => {
  const { page, context, problems } = await openPage(app.browser, app.url);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
  assert.equal(await theme(), 'auto');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await theme(), 'dark');
  await screenshot(page, 'index-dark');
  await page.reload();
  await page.getByTestId('lesson-index').waitFor();
  assert.equal(await theme(), 'dark', 'remembered across reloads');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await theme(), 'light');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await theme(), 'auto');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app works when storage is blocked', async () => {
  const { page, context, problems } = await openPage(app.browser, 'about:blank');
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(`${app.url}?lesson=gather`);
  await page.getByTestId('lesson').waitFor();
  await page.getByTestId('theme-toggle').click();
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds no accessibility violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const query of ['', '?lesson=sleep', '?lesson=cancel', '?lesson=nope', '?play']) {
      const { page, context } = await openPage(app.browser, app.url + query, { colorScheme });
      await page.locator('main > *').first().waitFor();
      if (query.startsWith('?lesson=') && query !== '?lesson=nope') await page.locator('[data-testid=lesson][data-complete]').waitFor();
      assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${query || 'index'}`);
      await context.close();
    }
  }
});

test('the layout holds at 360 px wide', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=gather`, {
    viewport: { width: 360, height: 740 },
  });
  await page.locator('[data-testid=lesson][data-complete]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'lesson-gather-narrow');
  assert.deepEqual(problems, []);
  await context.close();
});
