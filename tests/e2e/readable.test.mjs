// Issue #16, end to end: the interleaving readable at a glance. Screenshots
// of the sleep, gather, cancel and timeouts lessons at 1280×800 and 390×844,
// after a run and after 6 steps (test-results/screenshots/readable-*), and
// the assertions the issue lists: print tokens show the printed line (the
// lines come from CPython's oracle, never from the app), the controls, the
// timeline and the ready queue are in view together while stepping, the
// code appears once, asyncio.run's clean-up tasks share one lane unless
// asked for, and axe finds nothing in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();
const WORK = mkdtempSync(join(tmpdir(), 'looplab-readable-'));

function snippetCode(id, name = 'main') {
  const file = readdirSync(join(ROOT, 'lessons')).find((f) => f.endsWith(`-${id}.md`));
  const text = readFileSync(join(ROOT, 'lessons', file), 'utf8');
  const re = new RegExp('```python[^\\n]*\\bname=' + name + '\\b[^\\n]*\\n([\\s\\S]*?)```');
  return text.match(re)[1];
}

/** CPython's stdout lines for a lesson's main snippet (the oracle). */
function cpythonLines(id) {
  const file = join(WORK, `${id}.py`);
  writeFileSync(file, snippetCode(id));
  const out = execFileSync('python3', [join(ROOT, 'tools', 'oracle.py'), file], { encoding: 'utf8' });
  return out.trimEnd().split('\n').filter((l) => !l.startsWith('!! '));
}

const tokenTexts = (page) =>
  page.getByTestId('timeline-token').evaluateAll((els) =>
    els.map((e) => ({ shown: e.innerText, text: e.dataset.text, title: e.title, short: e.dataset.short ?? null })));

/** True when `el`'s box is wholly inside the viewport. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height + 0.5 && box.x + box.width <= width + 0.5;
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).include('[data-testid=player]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const VIEWPORTS = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const id of ['sleep', 'gather', 'cancel', 'timeouts']) {
  for (const vp of VIEWPORTS) {
    test(`lesson ${id} at ${vp.width}×${vp.height}: readable tokens, one code panel, everything in view`, async () => {
      const expected = cpythonLines(id);
      const colorScheme = vp.name === 'phone' ? 'dark' : 'light';
      const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=${id}`, {
        viewport: { width: vp.width, height: vp.height },
        colorScheme,
      });
      await page.getByTestId('player').waitFor();
      await page.getByTestId('timeline').waitFor();
      // The code appears once: the editor is the player's code panel.
      const figure = page.locator('.in-player');
      assert.equal(await figure.locator('[data-testid=code]').count(), 1, 'one code panel');
      assert.equal(await figure.locator('.editor').count(), 1, 'one editor in the player');
      assert.equal(await page.locator('pre.player-code').count(), 0, 'no second copy of the code');

      // After a run (the steps prepared at once, then the last step shown).
      await page.getByTestId('run').scrollIntoViewIfNeeded();
      await page.getByTestId('step-last').click();
      await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
      const tokens = await tokenTexts(page);
      assert.deepEqual(tokens.map((t) => t.text), expected, 'one token per printed line, in order');
      for (const t of tokens) {
        assert.equal(t.title, t.text, 'the full line is the title');
        // What a token shows is the line, or its declared short form.
        assert.equal(t.shown, t.short ?? t.text, `token ${JSON.stringify(t.text)} shows ${JSON.stringify(t.shown)}`);
        if (id === 'sleep') assert.equal(t.short, null, 'the sleep lesson\'s lines are shown whole');
      }
      // asyncio.run's clean-up tasks: one faint lane, or each on request.
      const lanes = () => page.getByTestId('lane').evaluateAll((els) => els.map((e) => e.innerText));
      const grouped = await lanes();
      assert.ok(grouped.every((l) => !/BaseEventLoop/.test(l)), grouped.join(' | '));
      if (grouped.includes('asyncio.run clean-up')) {
        await page.getByTestId('internal-tasks').check();
        const all = await lanes();
        assert.ok(all.some((l) => /BaseEventLoop\.shutdown_/.test(l)), all.join(' | '));
        assert.ok(!all.includes('asyncio.run clean-up'));
        await page.getByTestId('internal-tasks').uncheck();
      }
      await page.getByTestId('player').scrollIntoViewIfNeeded();
      await screenshot(page, `readable-${id}-${vp.name}-after-run`);
      // The time layout: prints made at one virtual time stack in one slot
      // (the sleep lesson's round of three `[A]`s shares one x).
      await page.getByTestId('timeline-mode').check();
      await page.locator('[data-testid=timeline][data-mode=time]').waitFor();
      const byTime = await page.getByTestId('timeline-token').evaluateAll((els) =>
        els.map((e) => ({ text: e.dataset.text, x: e.offsetLeft, top: e.offsetTop })));
      assert.deepEqual(byTime.map((t) => t.text), expected, 'the same tokens in the time layout');
      if (id === 'sleep') {
        const round = byTime.filter((t) => t.text.includes('[A]'));
        assert.equal(new Set(round.map((t) => t.x)).size, 1, `one [A] round stacks: ${JSON.stringify(round)}`);
        assert.equal(new Set(round.map((t) => t.top)).size, 3, 'on three lanes');
      }
      await screenshot(page, `readable-${id}-${vp.name}-time-layout`);
      assert.deepEqual(await axeViolations(page), [], `axe in the time layout (${colorScheme})`);
      await page.getByTestId('timeline-mode').uncheck();
      await page.locator('[data-testid=timeline][data-mode=steps]').waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe after the run (${colorScheme})`);
      // And in the other theme.
      const other = colorScheme === 'dark' ? 'light' : 'dark';
      await page.emulateMedia({ colorScheme: other });
      assert.deepEqual(await axeViolations(page), [], `axe after the run (${other})`);
      await page.emulateMedia({ colorScheme });

      // After 6 steps from the first.
      await page.getByTestId('step-first').click();
      for (let i = 0; i < 6; i++) await page.getByTestId('step-forward').click();
      await page.locator('[data-testid=player][data-step="6"]').waitFor();
      // Let the timeline's scroll (an animation frame) settle.
      await page.waitForTimeout(100);
      await screenshot(page, `readable-${id}-${vp.name}-step-6`);
      // The controls stay reachable (sticky) while stepping.
      assert.ok(await inView(page, page.getByTestId('step-forward')), 'the step button is in view');
      if (vp.name === 'wide') {
        assert.ok(await inView(page, page.getByTestId('timeline')), 'the timeline is in view');
        assert.ok(await inView(page, page.locator('.loop-panel h3', { hasText: 'Ready queue' })), 'the ready queue is in view');
        for (const item of await page.getByTestId('ready-item').all()) {
          assert.ok(await inView(page, item), `ready item ${await item.innerText()} is in view`);
        }
        assert.ok(await inView(page, page.getByTestId('player-controls')), 'the controls are in view');
      } else {
        // Phone: stacked in the order controls → timeline → queue.
        const y = async (loc) => (await loc.boundingBox()).y;
        const controls = await y(page.getByTestId('player-controls'));
        const timeline = await y(page.getByTestId('timeline'));
        const queue = await y(page.getByTestId('ready-queue').locator('xpath=..'));
        const code = await y(page.locator('.in-player [data-testid=code]'));
        assert.ok(controls < timeline && timeline < queue && queue < code, `order ${[controls, timeline, queue, code]}`);
        // The control bar is one compact row.
        const rows = await page.getByTestId('player-controls').evaluate((bar) => {
          const tops = [...bar.children].filter((c) => c.offsetParent !== null).map((c) => c.getBoundingClientRect());
          return Math.max(...tops.map((r) => r.bottom)) - Math.min(...tops.map((r) => r.top));
        });
        assert.ok(rows < 48, `the control bar is ${rows}px tall: one row`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
        // Scrolled down to the queue, the control bar is still there.
        await page.getByTestId('ready-queue').locator('xpath=..').scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, 200));
        assert.ok(await inView(page, page.getByTestId('step-forward')), 'sticky controls');
      }
      assert.deepEqual(await axeViolations(page), [], `axe after 6 steps (${colorScheme})`);
      await page.emulateMedia({ colorScheme: other });
      assert.deepEqual(await axeViolations(page), [], `axe after 6 steps (${other})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('editing the code after a run: "code changed — Run again", no stale highlight', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=sleep#step=3`, { viewport: { width: 1280, height: 800 } });
  await page.locator('[data-testid=player][data-step="3"]').waitFor();
  assert.equal(await page.locator('[data-testid=code] .code-line.current').count(), 1);
  const editor = page.locator('.in-player [data-testid=editor]');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# changed\n');
  await page.locator('[data-testid=player][data-stale=true]').waitFor();
  assert.equal(await page.locator('[data-testid=code] .code-line.current').count(), 0, 'no highlight left on changed code');
  assert.equal(await page.locator('[data-testid=code] .parks').count(), 0, 'no badges left');
  assert.match(await page.getByTestId('narration').innerText(), /code changed.*Run/i);
  assert.equal(await page.getByTestId('run').innerText(), 'Run again');
  await screenshot(page, 'readable-code-changed');
  await page.getByTestId('run').click();
  await page.locator('[data-testid=player]:not([data-stale])').waitFor();
  assert.equal(await page.getByTestId('run').innerText(), 'Run');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the ready queue says what asyncio\'s own callbacks do, with CPython\'s name beside', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=gather`, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('player').waitFor();
  await page.getByTestId('step-last').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  const total = Number(await page.getByTestId('scrubber').getAttribute('max')) + 1;
  const seen = new Map();
  await page.getByTestId('step-first').click();
  for (let i = 0; i < total; i++) {
    for (const [what, text] of await page.getByTestId('ready-item').evaluateAll((els) => els.map((e) => [e.dataset.what, e.innerText]))) {
      seen.set(what.split(' ').slice(0, 2).join(' '), text);
    }
    if (i + 1 < total) await page.keyboard.press('ArrowRight');
  }
  const callbacks = [...seen].filter(([what]) => what.startsWith('call _'));
  assert.ok(callbacks.length > 0, [...seen.keys()].join(', '));
  for (const [what, text] of callbacks) {
    // A plain sentence first, then CPython's name for the callback.
    assert.ok(text.includes(what), `${text} names ${what}`);
    assert.ok(text.indexOf(what) > 3, `${text}: a plain label comes first`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('threads get lanes of their own, named as CPython names them, and the player says why one is not running', async () => {
  const code = [
    'import threading, time',
    '',
    'def work(n):',
    '    print(threading.current_thread().name)',
    '    time.sleep(0.5 * n)',
    '',
    'ts = [threading.Thread(target=work, args=(i,)) for i in range(1, 3)]',
    'for t in ts:',
    '    t.start()',
    'for t in ts:',
    '    t.join()',
    'print(threading.current_thread().name)',
    '',
  ].join('\n');
  const file = join(WORK, 'threads.py');
  writeFileSync(file, code);
  const names = execFileSync('python3', [join(ROOT, 'tools', 'oracle.py'), file], { encoding: 'utf8' }).trimEnd().split('\n');
  assert.equal(names.length, 3);
  const { page, context, problems } = await openPage(app.browser, `${app.url}?play#code=${encodeURIComponent(code)}`, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('player').waitFor();
  await page.getByTestId('step-last').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  const lanes = await page.locator('[data-testid=lane][data-kind=thread]').evaluateAll((els) => els.map((e) => e.innerText));
  assert.deepEqual([...lanes].sort(), [...names].sort(), 'one lane per thread, by its name');
  // Each thread's print sits on its own lane: the token's task is the thread.
  const tokens = await page.getByTestId('timeline-token').evaluateAll((els) => els.map((e) => [e.dataset.text, e.dataset.task]));
  for (const [text, task] of tokens) assert.equal(task, text);
  // A step per thread's turn; at each, the player says where every thread
  // is: a sleeping thread until when, a joining one on which thread.
  const total = Number(await page.getByTestId('scrubber').getAttribute('max')) + 1;
  assert.ok(total >= 8, `${total} steps`);
  await page.getByTestId('step-first').click();
  const said = [];
  for (let i = 0; i < total; i++) {
    said.push(await page.getByTestId('narration').innerText());
    said.push(...(await page.getByTestId('program-thread').allInnerTexts()));
    if (i + 1 < total) await page.keyboard.press('ArrowRight');
  }
  assert.ok(said.some((s) => /sleeping until t=0\.500/.test(s)), said.join(' | '));
  assert.ok(said.some((s) => /MainThread.*blocked in join\(Thread-1 \(work\)\)/.test(s)), said.join(' | '));
  assert.ok(said.some((s) => /MainThread.*waiting in start\(\) for the new thread to begin/.test(s)), said.join(' | '));
  assert.ok(said.some((s) => /Thread-1 \(work\) runs/.test(s)), said.join(' | '));
  await page.getByTestId('step-first').click();
  await page.keyboard.press('ArrowRight');
  await screenshot(page, 'readable-threads');
  assert.deepEqual(problems, []);
  await context.close();
});
