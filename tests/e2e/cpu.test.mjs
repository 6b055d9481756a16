// Issue #15's player, end to end: the "Computing takes time (model)" toggle
// in every player, the model note and the page it links to, the GIL holder
// and the cores in the loop panel, process lanes grouping their threads'
// lanes, the clock carried by embeds and share links, and a program of
// 8 processes × 4 threads on the model that keeps the page answering
// (its long tasks are printed). Screenshots: test-results/screenshots/cpu-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveApp, openPage, screenshot } from './harness.mjs';
import { PROCESSES_CODE as processes } from './programs.mjs';

const app = serveApp();

const idle = (page) => page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])');

/** Runs the player live at `speed` and waits for the run's end. */
async function runLive(page, speed = '4×') {
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('run').click();
  await idle(page).waitFor({ timeout: 120_000 });
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).include('[data-testid=player]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}


test('the threads lesson runs live with thread lanes; the model toggle adds the note, the GIL and the cores', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=threads`, { viewport: { width: 1280, height: 900 } });
  await page.getByTestId('player').waitFor();
  const toggle = page.getByTestId('cpu-model');
  assert.equal(await toggle.isChecked(), false, 'the lesson clock by default');
  await runLive(page);
  const threadLanes = await page.locator('[data-testid=lane][data-kind=thread]').count();
  assert.ok(threadLanes >= 3, `${threadLanes} thread lanes`);
  assert.equal(await page.getByTestId('model-note').count(), 0, 'no note without the model');
  assert.equal(await page.getByTestId('gil').count(), 0);
  // Turning the model on discards the run (its times were the other clock's).
  await toggle.check();
  assert.match(await page.getByTestId('narration').innerText(), /clock changed.*Run/i);
  assert.match(await page.getByTestId('model-note').innerText(), /model/i);
  await runLive(page);
  assert.ok((await page.locator('[data-testid=lane][data-kind=thread]').count()) >= 3);
  assert.match(await page.getByTestId('model-note').innerText(), /computing takes time.*4 cores/i);
  assert.equal(await page.getByTestId('model-note').locator('a').getAttribute('href'), './?model');
  // Step through: the GIL's holder is named, the cores are counted.
  await page.getByTestId('step-first').click();
  const holders = new Set();
  const said = [];
  const total = Number(await page.getByTestId('scrubber').getAttribute('max')) + 1;
  for (let i = 0; i < Math.min(total, 40); i++) {
    for (const h of await page.getByTestId('gil-item').evaluateAll((els) => els.map((e) => e.dataset.holder))) holders.add(h);
    said.push(await page.getByTestId('narration').innerText());
    assert.equal(await page.getByTestId('cores').getAttribute('data-total'), '4');
    await page.keyboard.press('ArrowRight');
  }
  assert.ok([...holders].some((h) => /Thread/.test(h)), [...holders].join(' | '));
  assert.ok(said.some((s) => /blocked|sleeping|waiting for the GIL/.test(s)), said.join(' | '));
  await screenshot(page, 'cpu-threads-lesson');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(page), [], colorScheme);
  }
  // The Embed dialog's snippet carries the clock.
  await page.getByTestId('embed-button').click();
  assert.match(await page.getByTestId('embed-snippet').inputValue(), /embed=threads&amp;cpu=model&amp;lang=en"/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a program of processes shows a lane per process with its threads under it, and says it is a model', async () => {
  const code = processes(2, 2, 2000);
  const { page, context, problems } = await openPage(app.browser, `${app.url}?play#code=${encodeURIComponent(code)}`, { viewport: { width: 1280, height: 900 } });
  await page.getByTestId('player').waitFor();
  await runLive(page);
  const rows = await page.getByTestId('lane').evaluateAll((els) => els.map((e) => [e.dataset.kind, e.innerText, e.classList.contains('grouped')]));
  assert.deepEqual(rows.map(([k, n]) => `${k}:${n}`), [
    'process:MainProcess', 'thread:MainThread',
    'process:Process-1', 'thread:MainThread', 'thread:Thread-1 (spin)', 'thread:Thread-2 (spin)',
    'process:Process-2', 'thread:MainThread', 'thread:Thread-1 (spin)', 'thread:Thread-2 (spin)',
  ]);
  assert.ok(rows.every(([k, , grouped]) => grouped === (k !== 'process')), 'threads indented under their process');
  assert.match(await page.getByTestId('model-note').innerText(), /processes/i);
  await screenshot(page, 'cpu-processes');
  // With the model: the share link keeps it.
  await page.getByTestId('cpu-model').check();
  await page.getByTestId('cpu-cores').selectOption('2');
  await runLive(page);
  assert.equal(await page.getByTestId('cores').getAttribute('data-total'), '2');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /\?play#z=[A-Za-z0-9_-]+&cpu=model&cores=2$/);
  const shared = await openPage(app.browser, link);
  await shared.page.getByTestId('player').waitFor();
  assert.equal(await shared.page.getByTestId('cpu-model').isChecked(), true);
  assert.equal(await shared.page.getByTestId('cpu-cores').inputValue(), '2');
  await shared.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed takes cpu=model and cores=N', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?embed=threads&cpu=model&cores=8&panels=controls,timeline,queue,narration`);
  await page.getByTestId('player').waitFor();
  assert.equal(await page.getByTestId('cpu-model').isChecked(), true);
  assert.equal(await page.getByTestId('cpu-cores').inputValue(), '8');
  await runLive(page);
  assert.equal(await page.getByTestId('cores').getAttribute('data-total'), '8');
  assert.equal(await page.getByTestId('model-note').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the model note links to a page that says what is modelled', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?model`);
  const text = await page.getByTestId('model-page').innerText();
  for (const fact of [/12 ns/, /geometric mean/, /5 ms/, /call or a backward jump/, /cores/, /__mp_main__/]) {
    assert.match(text, fact);
  }
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), [], colorScheme);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('8 processes × 4 threads on the model: the page keeps answering', async () => {
  const code = processes(8, 4, 200_000);
  const { page, context, problems } = await openPage(app.browser, `${app.url}?play#code=${encodeURIComponent(code)}&cpu=model`, { viewport: { width: 1280, height: 900 } });
  await page.getByTestId('player').waitFor();
  assert.equal(await page.getByTestId('cpu-model').isChecked(), true, 'the link turns the model on');
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await page.getByTestId('speed').selectOption('0.25×');
  const t0 = Date.now();
  await page.getByTestId('run').click();
  // Mid-run, Pause answers (the engine runs in short slices).
  await page.locator('[data-testid=player][data-live=running]').waitFor();
  await page.waitForTimeout(300);
  const c0 = Date.now();
  await page.getByTestId('play-pause').click();
  await page.locator('[data-testid=player][data-live=paused]').waitFor({ timeout: 5_000 });
  const answered = Date.now() - c0;
  await page.getByTestId('speed').selectOption('4×');
  await page.getByTestId('play-pause').click();
  await idle(page).waitFor({ timeout: 180_000 });
  const secs = (Date.now() - t0) / 1000;
  const long = await page.evaluate(() => window.__long);
  const lanes = await page.getByTestId('lane').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.equal(lanes.filter((k) => k === 'process').length, 9, 'the main process and 8 children');
  assert.equal(lanes.filter((k) => k === 'thread').length, 1 + 8 * 5, 'each child: its main thread and 4 more');
  const out = await page.locator('[data-testid=console] .console-text').allTextContents();
  const lines = out.flatMap((c) => c.split('\n')).filter((l) => l !== '');
  assert.equal(lines.filter((l) => /^process \d done$/.test(l)).length, 8);
  assert.equal(lines.at(-1), 'all done');
  console.log(`# 8 processes × 4 threads on the model: ${secs.toFixed(1)} s to the end; Pause answered in ${answered} ms; ` +
    `${long.length} long tasks, longest ${Math.max(0, ...long)} ms (${long.slice(0, 20).join(', ')})`);
  assert.ok(answered < 2_000, `Pause took ${answered} ms`);
  await screenshot(page, 'cpu-8x4');
  assert.deepEqual(problems, []);
  await context.close();
});
