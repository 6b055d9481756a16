// End-to-end tests of the predict-then-run exercise and lesson progress
// (src/predict.rs), on the release build (dist/). The right answers come
// from CPython's output in lessons/expected/, never from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveDir, launchBrowser, openPage, screenshot } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDir(join(ROOT, 'dist'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Lesson id -> the snippet its ```predict block names, parsed from the Markdown. */
function predictSnippets() {
  const map = new Map();
  const dir = join(ROOT, 'lessons');
  for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.md$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const id = text.match(/^id:\s*(\S+)\s*$/m)?.[1];
    const block = text.match(/^```predict\n([\s\S]*?)^```/m)?.[1];
    const snippet = block?.match(/^snippet:\s*(\S+)\s*$/m)?.[1];
    if (id && snippet) map.set(id, snippet);
  }
  return map;
}

/** CPython's printed lines for a snippet: `[t=…] ` prefixes stripped. */
function expectedLines(id, snippet) {
  const text = readFileSync(join(ROOT, 'lessons', 'expected', id, `${snippet}.out`), 'utf8');
  return text
    .replace(/\n$/, '')
    .split('\n')
    .filter((l) => !l.startsWith('!! '))
    .map((l) => l.replace(/^\[t=[^\]]*\] /, ''));
}

async function shownLines(page) {
  return page.getByTestId('predict-line').evaluateAll((els) => els.map((e) => e.dataset.text));
}

/** Puts the exercise's lines in `want`'s order with the "move up" buttons only. */
async function arrange(page, want) {
  for (let i = 0; i < want.length; i++) {
    const now = await shownLines(page);
    let j = now.findIndex((t, k) => k >= i && t === want[i]);
    assert.ok(j >= 0, `line ${JSON.stringify(want[i])} is offered`);
    for (; j > i; j--) await page.getByTestId('predict-up').nth(j).click();
  }
  assert.deepEqual(await shownLines(page), want);
}

async function lessonIds(page) {
  const cards = page.getByTestId('lesson-card');
  await cards.first().waitFor();
  return cards.evaluateAll((els) => els.map((e) => e.dataset.lesson));
}

test('every lesson\'s prediction is accepted in CPython\'s order, and progress shows on the index', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const ids = await lessonIds(page);
  assert.match(await page.getByTestId('lesson-progress').innerText(), new RegExp(`^0 of ${ids.length} completed$`));
  const snippets = predictSnippets();
  let solved = 0;
  for (const id of ids) {
    await page.goto(`${server.url}?lesson=${id}`);
    await page.getByTestId('lesson').waitFor();
    const snippet = snippets.get(id);
    if (!snippet) {
      assert.equal(await page.getByTestId('predict').count(), 0, `${id} has no predict block`);
      continue;
    }
    const want = expectedLines(id, snippet);
    await page.getByTestId('predict-line').first().waitFor();
    const offered = await shownLines(page);
    assert.equal(offered.length, want.length, `${id}: as many lines as CPython prints`);
    assert.deepEqual([...offered].sort(), [...want].sort(), `${id}: the same lines`);
    if (new Set(want).size > 1) assert.notDeepEqual(offered, want, `${id}: not already solved`);
    await arrange(page, want);
    await page.getByTestId('predict-check').click();
    const result = page.getByTestId('predict-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-correct'), 'true', `${id}: accepted`);
    assert.equal(await page.getByTestId('predict-explain').count(), 0);
    solved++;
  }
  assert.ok(solved >= ids.length - 1, `solved ${solved} of ${ids.length}`);
  await page.goto(server.url);
  await page.getByTestId('lesson-card').first().waitFor();
  assert.equal(await page.getByTestId('lesson-progress').innerText(), `${solved} of ${ids.length} completed`);
  assert.equal(await page.getByTestId('lesson-done').count(), solved);
  const doneCard = page.locator(`[data-testid=lesson-card][data-lesson="${ids[0]}"]`);
  assert.match(await doneCard.getByTestId('lesson-done').innerText(), /✓\s*completed/);
  await screenshot(page, 'index-progress');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a wrong order shows the real order, the first difference and the explanation; Try again resets', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lesson=sleep`);
  const want = expectedLines('sleep', predictSnippets().get('sleep'));
  await page.getByTestId('predict-line').first().waitFor();
  const offered = await shownLines(page);
  assert.notDeepEqual(offered, want);
  await page.getByTestId('predict-check').click();
  const result = page.getByTestId('predict-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-correct'), 'false');
  const explain = page.getByTestId('predict-explain');
  assert.ok((await explain.innerText()).trim().length > 10, 'explanation shown');
  const first = offered.findIndex((t, i) => t !== want[i]);
  assert.match(await result.innerText(), new RegExp(`Line ${first + 1} is the first that differs`));
  const realOrder = await result.locator('.predict-compare > div').nth(1).locator('li code').allInnerTexts();
  assert.deepEqual(realOrder, want);
  assert.equal(await result.locator('li.differs').count(), 2, 'the differing line is marked in both lists');
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  await screenshot(page, 'predict-wrong');
  // Not completed by a wrong answer; Try again gives a fresh exercise.
  assert.equal(await page.getByTestId('mark-done').count(), 1);
  await page.getByTestId('predict-retry').click();
  assert.equal(await page.getByTestId('predict-result').count(), 0);
  assert.deepEqual(await shownLines(page), offered);
  // Keyboard: the move buttons are reachable and work with Enter.
  await page.getByTestId('predict-down').first().focus();
  await page.keyboard.press('Enter');
  const moved = await shownLines(page);
  assert.deepEqual(moved.slice(0, 2), [offered[1], offered[0]]);
  // The focus follows the moved line.
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('predict-'));
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, offered.length > 2 ? 'predict-down-1' : 'predict-up-1');
  // Mark as done records progress for the index.
  await page.getByTestId('mark-done').click();
  await page.getByTestId('predict-completed').waitFor();
  await page.goto(server.url);
  await page.getByTestId('lesson-card').first().waitFor();
  const card = page.locator('[data-testid=lesson-card][data-lesson="sleep"]');
  assert.equal(await card.getByTestId('lesson-done').count(), 1);
  assert.match(await page.getByTestId('lesson-progress').innerText(), /^1 of \d+ completed$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('progress works without storage: nothing remembered, no errors', async () => {
  const { page, context, problems } = await openPage(browser, 'about:blank');
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(`${server.url}?lesson=sleep`);
  await page.getByTestId('mark-done').click();
  await page.getByTestId('predict-completed').waitFor();
  await page.goto(server.url);
  await page.getByTestId('lesson-card').first().waitFor();
  assert.match(await page.getByTestId('lesson-progress').innerText(), /^0 of \d+ completed$/);
  assert.deepEqual(problems, []);
  await context.close();
});
