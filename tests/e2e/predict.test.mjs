// End-to-end tests of the predict-then-run exercise and lesson progress
// (src/predict.rs), on the release build (dist/). The right answers come
// from CPython's output in lessons/expected/, never from the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();


/** Lesson id -> the snippets its ```predict blocks name (a lesson may have
 * several exercises), in order, parsed from the Markdown. */
function predictSnippets() {
  const map = new Map();
  const dir = join(ROOT, 'lessons');
  for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.md$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const id = text.match(/^id:\s*(\S+)\s*$/m)?.[1];
    const names = [...text.matchAll(/^```predict\n([\s\S]*?)^```/gm)]
      .map((m) => m[1].match(/^snippet:\s*(\S+)\s*$/m)?.[1])
      .filter(Boolean);
    if (id && names.length) map.set(id, names);
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

/** The exercise on `snippet` (a lesson page may show several). */
function exercise(page, snippet) {
  return page.locator(`[data-testid=predict][data-snippet="${snippet}"]`);
}

/** The lines offered, in order, on a page or in one exercise. */
async function shownLines(page) {
  return page.getByTestId('predict-line').evaluateAll((els) => els.map((e) => e.dataset.text));
}

/** Puts the exercise's lines in `want`'s order with the "move up" buttons
 * only (`page`: the page or one exercise). */
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
  const { page, context, problems } = await openPage(app.browser, app.url);
  const ids = await lessonIds(page);
  assert.match(await page.getByTestId('lesson-progress').innerText(), new RegExp(`^0 of ${ids.length} completed$`));
  const snippets = predictSnippets();
  let solved = 0;
  for (const id of ids) {
    await page.goto(`${app.url}?lesson=${id}`);
    await page.locator('[data-testid=lesson][data-complete]').waitFor();
    const names = snippets.get(id) ?? [];
    assert.equal(await page.getByTestId('predict').count(), names.length, `${id}: one exercise per predict block`);
    if (!names.length) continue;
    for (const [k, snippet] of names.entries()) {
      const ex = exercise(page, snippet);
      const want = expectedLines(id, snippet);
      await ex.getByTestId('predict-line').first().waitFor();
      const offered = await shownLines(ex);
      assert.equal(offered.length, want.length, `${id}/${snippet}: as many lines as CPython prints`);
      assert.deepEqual([...offered].sort(), [...want].sort(), `${id}/${snippet}: the same lines`);
      if (new Set(want).size > 1) assert.notDeepEqual(offered, want, `${id}/${snippet}: not already solved`);
      await arrange(ex, want);
      await ex.getByTestId('predict-check').click();
      const result = ex.getByTestId('predict-result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-correct'), 'true', `${id}/${snippet}: accepted`);
      assert.equal(await ex.getByTestId('predict-explain').count(), 0);
      // The lesson is completed by its last exercise, not before.
      const last = k + 1 === names.length;
      assert.equal((await ex.getByTestId('predict-completed').innerText()).trim(),
        last ? '✓ Lesson completed' : '✓ Exercise completed', `${id}/${snippet}`);
    }
    solved++;
  }
  assert.ok(solved >= ids.length - 1, `solved ${solved} of ${ids.length}`);
  await page.goto(app.url);
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
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=sleep`);
  const sleepSnippet = predictSnippets().get('sleep')[0];
  const want = expectedLines('sleep', sleepSnippet);
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
  // The focus follows the moved line (after the list is drawn again: wait
  // for it there, the button pressed had focus until then).
  const follows = `predict-${sleepSnippet}-${offered.length > 2 ? 'down' : 'up'}-1`;
  await page
    .waitForFunction((id) => document.activeElement?.id === id, follows, { timeout: 5_000 })
    .catch(() => {});
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, follows);
  // Mark as done records progress for the index.
  await page.getByTestId('mark-done').click();
  await page.getByTestId('predict-completed').waitFor();
  await page.goto(app.url);
  await page.getByTestId('lesson-card').first().waitFor();
  const card = page.locator('[data-testid=lesson-card][data-lesson="sleep"]');
  assert.equal(await card.getByTestId('lesson-done').count(), 1);
  assert.match(await page.getByTestId('lesson-progress').innerText(), /^1 of \d+ completed$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('progress works without storage: nothing remembered, no errors', async () => {
  const { page, context, problems } = await openPage(app.browser, 'about:blank');
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(`${app.url}?lesson=sleep`);
  await page.getByTestId('mark-done').click();
  await page.getByTestId('predict-completed').waitFor();
  await page.goto(app.url);
  await page.getByTestId('lesson-card').first().waitFor();
  assert.match(await page.getByTestId('lesson-progress').innerText(), /^0 of \d+ completed$/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Drags line `from` onto line `to` with the mouse, holding its grip. */
async function dragLine(page, from, to) {
  const grip = await page.locator('.predict-grip').nth(from).boundingBox();
  const target = await page.getByTestId('predict-line').nth(to).boundingBox();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, target.y + target.height / 2, { steps: 8 });
  // While dragging, the line follows the pointer and the drop place shows.
  assert.equal(await page.locator('.predict-line.dragging').count(), 1, 'the dragged line is marked');
  await page.mouse.up();
}

test('drag and drop with the mouse solves the exercise; each move is announced', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=gather`, { viewport: { width: 1280, height: 900 } });
  const want = expectedLines('gather', predictSnippets().get('gather')[0]);
  await page.getByTestId('predict-line').first().waitFor();
  await page.getByTestId('predict').scrollIntoViewIfNeeded();
  // One drag: the line moves to the drop place, the others keep their order.
  const before = await shownLines(page);
  await dragLine(page, 0, 3);
  const after = await shownLines(page);
  assert.deepEqual(after, [...before.slice(1, 4), before[0], ...before.slice(4)]);
  assert.equal(await page.getByTestId('predict-status').innerText(), `“${before[0]}” is now line 4 of ${before.length}.`);
  assert.equal(await page.locator('.predict-line.picked').count(), 0, 'a drag picks nothing up');
  await screenshot(page, 'predict-dragged');
  // Put every line in place by dragging only, then Check.
  for (let i = 0; i < want.length; i++) {
    const now = await shownLines(page);
    const j = now.findIndex((t, k) => k >= i && t === want[i]);
    if (j !== i) await dragLine(page, j, i);
  }
  assert.deepEqual(await shownLines(page), want);
  await page.getByTestId('predict-check').click();
  assert.equal(await page.getByTestId('predict-result').getAttribute('data-correct'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('tap to pick a line and tap where it goes, on a touch screen', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=tasks`, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await page.getByTestId('predict-line').first().waitFor();
  await page.getByTestId('predict').scrollIntoViewIfNeeded();
  const before = await shownLines(page);
  const center = async (i) => {
    const box = await page.getByTestId('predict-pick').nth(i).boundingBox();
    return [box.x + box.width / 2, box.y + box.height / 2];
  };
  await page.touchscreen.tap(...(await center(4)));
  assert.equal(await page.getByTestId('predict-pick').nth(4).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.predict-line.picked').count(), 1);
  assert.match(await page.getByTestId('predict-status').innerText(), new RegExp(`^Picked up “${before[4].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”, line 5 of ${before.length}\\.`));
  // The other lines now say they are drop places.
  assert.equal(await page.getByTestId('predict-pick').nth(1).getAttribute('aria-label'), `${before[1]} (line 2): put “${before[4]}” here`);
  await screenshot(page, 'predict-picked-touch');
  await page.touchscreen.tap(...(await center(1)));
  assert.deepEqual(await shownLines(page), [before[0], before[4], ...before.slice(1, 4), ...before.slice(5)]);
  assert.equal(await page.locator('.predict-line.picked').count(), 0);
  // Tapping the picked line again leaves it where it was.
  await page.touchscreen.tap(...(await center(0)));
  await page.touchscreen.tap(...(await center(0)));
  assert.equal(await page.locator('.predict-line.picked').count(), 0);
  assert.deepEqual(await shownLines(page), [before[0], before[4], ...before.slice(1, 4), ...before.slice(5)]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: Enter picks a line up and puts it down, Escape cancels, focus is visible and follows, axe passes', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=futures`);
  const pick = `predict-${predictSnippets().get('futures')[0]}-pick-`;
  await page.getByTestId('predict-line').first().waitFor();
  const before = await shownLines(page);
  // Reach the first line with Tab from the heading's paragraph.
  await page.getByTestId('predict-pick').first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), `${pick}0`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused line shows its focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('predict-pick').first().getAttribute('aria-pressed'), 'true');
  // Escape puts it back.
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('predict-pick').first().getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByTestId('predict-status').innerText(), `“${before[0]}” left at line 1.`);
  // Pick it again, Tab to the third line (past the move buttons), Enter.
  await page.keyboard.press('Enter');
  const axe = await new AxeBuilder({ page }).include('[data-testid=predict]').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'axe with a line picked up');
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== `${pick}2`; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), `${pick}2`);
  await page.keyboard.press('Space');
  assert.deepEqual(await shownLines(page), [before[1], before[2], before[0], ...before.slice(3)]);
  assert.equal(await page.getByTestId('predict-status').innerText(), `“${before[0]}” is now line 3 of ${before.length}.`);
  // The focus follows the moved line.
  await page.waitForFunction((id) => document.activeElement?.id === id, `${pick}2`);
  assert.equal(await page.getByTestId('predict-pick').nth(2).getAttribute('aria-label'), `${before[0]} (line 3): pick up to move it`);
  assert.deepEqual(problems, []);
  await context.close();
});
