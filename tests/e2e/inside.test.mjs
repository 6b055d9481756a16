// Issue #17, end to end: the frames panel. In the sleep lesson, a waiting
// worker's await chain reads `main → gather → worker → sleep` and its frame
// names the line it waits at (found in the lesson's own text); a variable
// bound or changed in a step is marked after that step and not after the
// next; clicking a frame marks its line in the code; axe finds nothing in
// light and dark; screenshots test-results/screenshots/inside-* at laptop
// and phone sizes (the panels stack on a phone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();

function snippetCode(id, name = 'main') {
  const file = readdirSync(join(ROOT, 'lessons')).find((f) => f.endsWith(`-${id}.md`));
  const text = readFileSync(join(ROOT, 'lessons', file), 'utf8');
  const re = new RegExp('```python[^\\n]*\\bname=' + name + '\\b[^\\n]*\\n([\\s\\S]*?)```');
  return text.match(re)[1];
}

/** The 1-based line of `code` holding `text` (the first one). */
function lineOf(code, text) {
  const i = code.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `${text} is in the program`);
  return i + 1;
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).include('[data-testid=frames]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens `url`, waits for the player, and goes to the first step. */
async function openAtFirstStep(url, options) {
  const opened = await openPage(app.browser, url, options);
  const { page } = opened;
  await page.getByTestId('player').waitFor();
  await page.getByTestId('timeline').waitFor();
  await page.getByTestId('step-first').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=player][data-step="0"]').waitFor();
  return opened;
}

async function stepTo(page, n) {
  const now = Number(await page.getByTestId('player').getAttribute('data-step'));
  for (let i = now; i < n; i++) await page.getByTestId('step-forward').click();
  for (let i = now; i > n; i--) await page.getByTestId('step-back').click();
  await page.locator(`[data-testid=player][data-step="${n}"]`).waitFor();
}

/** Two workers under `gather` in the playground, each binding `total`,
 *  giving the loop a turn with `sleep(0)`, adding one, then running
 *  `after` (lines of code); opened at the first step. */
async function openWorkers(after) {
  const code = [
    'import asyncio',
    '',
    'async def worker(n):',
    '    total = n * 10',
    '    await asyncio.sleep(0)',
    '    total += 1',
    ...after,
    '',
    'async def main():',
    '    await asyncio.gather(worker(1), worker(2))',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n');
  const opened = await openAtFirstStep(`${app.url}?play#code=${encodeURIComponent(code)}`, {
    viewport: { width: 1280, height: 800 },
  });
  return { code, ...opened };
}

const task = (page, name) => page.locator('.frames-task', { has: page.locator(`[data-testid=task-chain][data-task="${name}"]`) });
const chain = (page, name) => page.locator(`[data-testid=task-chain][data-task="${name}"]`).innerText();

/** The step at which worker 1 (`Task-2`) has paused at its first
 *  `await asyncio.sleep(0)`: stepping forward from the start until its
 *  frame is recorded. */
async function firstPauseOf(page, name, maxSteps = 10) {
  for (let s = 0; s < maxSteps; s++) {
    if ((await task(page, name).getByTestId('frame').count()) > 0) return s;
    await stepTo(page, s + 1);
  }
  assert.fail(`${name} never paused in ${maxSteps} steps`);
}

const VIEWPORTS = [
  { name: 'wide', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'phone', width: 390, height: 844, colorScheme: 'dark' },
];

for (const vp of VIEWPORTS) {
  test(`sleep lesson at ${vp.width}×${vp.height}: a waiting worker's chain, frame, variables and a click to its line`, async () => {
    const code = snippetCode('sleep');
    const awaitLine = lineOf(code, 'await asyncio.sleep(0)');
    const { page, context, problems } = await openAtFirstStep(`${app.url}?lesson=sleep`, {
      viewport: { width: vp.width, height: vp.height },
      colorScheme: vp.colorScheme,
    });
    const frames = page.getByTestId('frames');
    await frames.waitFor();
    assert.equal(await frames.locator('[role=tree]').getAttribute('aria-label') !== null, true, 'a labelled tree');

    // Worker 1 runs to its first sleep(0): its variable n is new.
    const s = await firstPauseOf(page, 'Task-2');
    const w1 = task(page, 'Task-2');
    assert.equal(await chain(page, 'Task-2'), 'main → gather → worker → sleep');
    const frame = w1.getByTestId('frame').first();
    assert.equal(Number(await frame.getAttribute('data-line')), awaitLine, 'paused at its first await');
    const n = w1.locator('[data-testid=var][data-name=n]');
    assert.match(await n.innerText(), /n\s*=\s*1/);
    assert.equal(await n.getAttribute('data-changed'), 'true', 'n was bound in the step shown');
    await screenshot(page, `inside-sleep-${vp.name}-worker-paused`);

    // One step later worker 2 has run: worker 1 waits, unchanged.
    await stepTo(page, s + 1);
    assert.equal(await chain(page, 'Task-2'), 'main → gather → worker → sleep', 'the waiting worker');
    assert.equal(await n.getAttribute('data-changed'), null, 'n did not change in that step');
    assert.equal(await task(page, 'Task-3').locator('[data-testid=var][data-name=n][data-changed=true]').count(), 1);

    // Clicking worker 1's frame marks its line in the code.
    await frame.getByRole('button').click();
    await page.locator(`[data-testid=code] .code-line.focused[data-line="${awaitLine}"]`).waitFor();

    // Axe on the panel, in both themes.
    assert.deepEqual(await axeViolations(page), [], `axe (${vp.colorScheme})`);
    const other = vp.colorScheme === 'dark' ? 'light' : 'dark';
    await page.emulateMedia({ colorScheme: other });
    assert.deepEqual(await axeViolations(page), [], `axe (${other})`);
    await page.emulateMedia({ colorScheme: vp.colorScheme });

    if (vp.name === 'phone') {
      // Stacked: the frames panel is as wide as the code, below it.
      const codeBox = await page.locator('.in-player [data-testid=code]').boundingBox();
      const box = await frames.boundingBox();
      assert.ok(box.width <= vp.width, `the panel fits (${box.width})`);
      assert.ok(box.y > codeBox.y, 'below the code');
    }
    await frames.scrollIntoViewIfNeeded();
    await screenshot(page, `inside-sleep-${vp.name}-waiting`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a variable changed by a step is marked after that step, and not after the next', async () => {
  const { code, page, context, problems } = await openWorkers(['    await asyncio.sleep(0.5)']);
  const s = await firstPauseOf(page, 'Task-2');
  const total = task(page, 'Task-2').locator('[data-testid=var][data-name=total]');
  assert.match(await total.innerText(), /total\s*=\s*10/);
  // Worker 2 runs: worker 1's total stays.
  await stepTo(page, s + 1);
  assert.equal(await total.getAttribute('data-changed'), null);
  // Worker 1 runs `total += 1`: marked, n not.
  await stepTo(page, s + 2);
  assert.match(await total.innerText(), /total\s*=\s*11/);
  assert.equal(await total.getAttribute('data-changed'), 'true');
  assert.equal(await task(page, 'Task-2').locator('[data-testid=var][data-name=n]').getAttribute('data-changed'), null);
  assert.equal(
    Number(await task(page, 'Task-2').getByTestId('frame').first().getAttribute('data-line')),
    lineOf(code, 'await asyncio.sleep(0.5)'),
  );
  await screenshot(page, 'inside-playground-changed');
  // And stepping back shows the step before again.
  await stepTo(page, s + 1);
  assert.match(await total.innerText(), /total\s*=\s*10/);
  assert.deepEqual(problems, []);
  await context.close();
});

// The frames tree from the keyboard alone (the WAI-ARIA tree pattern):
// one Tab stop, arrows move between items, Left to the parent, Right to the
// first child, Home/End, Enter acts on the item; none of these keys steps
// the player while focus is in the tree.
test('the frames tree is walked with the arrow keys, and its keys do not step the player', async () => {
  const { code, page, context, problems } = await openWorkers([]);
  const s = await firstPauseOf(page, 'Task-2');
  const tree = page.getByRole('tree');
  const stops = await tree.locator('[role=treeitem][tabindex="0"]').count();
  assert.equal(stops, 1, 'one item of the tree is in the Tab order');
  await tree.locator('[role=treeitem][tabindex="0"]').focus();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const kind = el.classList.contains('frames-task') ? 'task' : el.dataset.testid;
    const name = kind === 'task' ? el.querySelector('[data-testid=task-chain]').dataset.task
      : kind === 'var' ? el.dataset.name : el.dataset.line;
    return `${kind}:${name}`;
  });
  assert.equal(await focused(), 'task:Task-1', 'main first');
  const keys = [];
  const walk = ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight',
    'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'End', 'Home'];
  for (const key of walk) {
    await page.keyboard.press(key);
    keys.push(`${key} ${await focused()}`);
  }
  const gather = String(lineOf(code, 'await asyncio.gather'));
  const sleep = String(lineOf(code, 'await asyncio.sleep(0)'));
  assert.deepEqual(keys.slice(0, 10), [
    `ArrowDown frame:${gather}`,
    `ArrowRight frame:${gather}`, // main's frame has no variables
    'ArrowDown task:Task-2',
    `ArrowDown frame:${sleep}`,
    'ArrowRight var:n',
    'ArrowRight var:n', // a variable has no children
    `ArrowLeft frame:${sleep}`,
    `ArrowLeft frame:${sleep}`, // an open item closes first
    'ArrowLeft task:Task-2', // a closed one goes to its parent
    `ArrowUp frame:${gather}`,
  ]);
  assert.match(keys[10], /^End /);
  assert.equal(keys[11], 'Home task:Task-1');
  const sleepFrame = task(page, 'Task-2').locator(`[data-testid=frame][data-line="${sleep}"]`);
  assert.equal(await sleepFrame.getAttribute('aria-expanded'), 'false', 'Left closed the frame');
  assert.equal(await sleepFrame.getByTestId('var').first().isVisible(), false);
  await page.keyboard.press('End');
  const last = tree.locator('[role=treeitem]').last();
  assert.ok(await last.evaluate((el) => el === document.activeElement), 'End goes to the last item');
  await page.keyboard.press('Home');
  assert.equal(await page.getByTestId('player').getAttribute('data-step'), String(s), 'the keys did not step');
  // Enter on a frame marks its line, as a click does.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid=code] .code-line.focused[data-line="${gather}"]`).waitFor();
  assert.equal(await page.getByTestId('player').getAttribute('data-step'), String(s));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('before a run the panel says to run; a program of threads, without tasks, has no frames panel', async () => {
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=sleep`);
  await page.getByTestId('player').waitFor();
  await page.getByTestId('frames').waitFor();
  assert.equal(await page.getByTestId('frames').getByTestId('task-chain').count(), 0, 'nothing before the run');
  await page.goto(`${app.url}?lesson=threads`);
  await page.getByTestId('player').waitFor();
  await page.getByTestId('step-last').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  assert.ok((await page.getByTestId('lane').count()) > 0, 'the run has lanes');
  assert.equal(await page.getByTestId('frames').count(), 0, 'no frames panel');
  assert.deepEqual(problems, []);
  await context.close();
});

// Stepping by line (the `step-mode` select): the reference is CPython's own
// `sys.settrace` listing of the lesson's snippet, made here by
// tools/cpython_lines.py (never written by hand).

/** CPython's line events for `code`: [{ task, line }], task "-" outside any task. */
function cpythonLines(code) {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-lines-'));
  const file = join(dir, 'main.py');
  writeFileSync(file, code);
  const out = execFileSync('python3', [join(ROOT, 'tools', 'cpython_lines.py'), file], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => {
    const [task, line] = l.split(' ');
    return { task, line: Number(line) };
  });
}

/** The line step shown, the line marked as the running task's, and the narration. */
async function shownLine(page) {
  const player = page.getByTestId('player');
  return {
    step: Number(await player.getAttribute('data-line-step')),
    line: Number(await page.locator('[data-testid=current-line]').getAttribute('data-line')),
    narration: await page.getByTestId('narration').innerText(),
  };
}

/** Opens `url`, switches to line mode and goes to the first line step. */
async function openInLineMode(url, options) {
  const opened = await openPage(app.browser, url, options);
  const { page } = opened;
  await page.getByTestId('player').waitFor();
  await page.getByTestId('step-mode').selectOption('line');
  await page.getByTestId('step-first').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=player][data-mode=line][data-line-step="0"]').waitFor();
  return opened;
}

test('sleep lesson by line: the marked lines are the ones CPython runs, in its order', async () => {
  const code = snippetCode('sleep');
  const expected = cpythonLines(code);
  assert.ok(expected.length > 15, `CPython ran ${expected.length} lines`);
  const { page, context, problems } = await openInLineMode(`${app.url}?lesson=sleep`, {
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  const status = page.getByTestId('step-status');
  assert.match(await status.innerText(), new RegExp(`1 / ${expected.length}$`), 'one line step per line CPython ran');
  const seen = [];
  for (let i = 0; i < expected.length; i++) {
    if (i > 0) {
      // The keyboard steps as the buttons do (every other step).
      if (i % 2) await page.getByTestId('step-forward').click();
      else await page.keyboard.press('ArrowRight');
      await page.locator(`[data-testid=player][data-line-step="${i}"]`).waitFor();
    }
    const s = await shownLine(page);
    seen.push(s.line);
    const who = expected[i].task === '-' ? 'The program' : `${expected[i].task} (`;
    assert.ok(s.narration.startsWith(who), `line step ${i}: "${s.narration}" names ${who}`);
    if (i === 0) await screenshot(page, 'inside-line-light-start');
  }
  assert.deepEqual(seen, expected.map((e) => e.line));
  // A worker's first line after its sleep(0) says so; the other workers
  // are marked where they wait.
  const resumed = expected.findIndex((e, i) => e.task === 'Task-2' && expected.slice(0, i).filter((x) => x.task === 'Task-2').length === 2);
  await page.getByTestId('step-first').click();
  for (let i = 0; i < resumed; i++) await page.keyboard.press('ArrowRight');
  await page.locator(`[data-testid=player][data-line-step="${resumed}"]`).waitFor();
  assert.match(await page.getByTestId('narration').innerText(), /^Task-2 \(worker\) resumes at line \d+ after sleep\(0\)\.$/);
  const awaitLine = lineOf(code, 'await asyncio.sleep(0)');
  assert.ok(await page.locator(`.ed-run.parks[data-line="${awaitLine}"] .park`).count() >= 1, 'waiting workers are marked');
  await screenshot(page, 'inside-line-light-resumed');
  // And back one line.
  await page.getByTestId('step-back').click();
  await page.locator(`[data-testid=player][data-line-step="${resumed - 1}"]`).waitFor();
  assert.equal((await shownLine(page)).line, expected[resumed - 1].line);
  // Axe on the controls and the code, in both themes.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('[data-testid=player-controls]').include('[data-testid=code]').analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help}`), [], `axe (${scheme})`);
  }
  await screenshot(page, 'inside-line-dark');
  assert.deepEqual(problems, []);
  await context.close();
});

test('#step=N&mode=line opens at that line step, and the mode survives Run again and a language switch', async () => {
  const code = snippetCode('sleep');
  const expected = cpythonLines(code);
  const n = 9;
  const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=sleep#step=${n}&mode=line`, {
    viewport: { width: 390, height: 844 },
    colorScheme: 'dark',
  });
  await page.locator(`[data-testid=player][data-mode=line][data-line-step="${n}"]`).waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('step-mode').inputValue(), 'line');
  assert.equal((await shownLine(page)).line, expected[n].line);
  await screenshot(page, 'inside-line-phone');
  // Run again: still by line.
  await page.getByTestId('run').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('step-mode').inputValue(), 'line');
  await page.getByTestId('step-first').click();
  await page.locator('[data-testid=player][data-mode=line][data-line-step="0"]').waitFor();
  // A language switch renders the page again, still by line; the line
  // narration is then in Chinese, without an English word (the program's
  // names and asyncio's `sleep` aside).
  await page.getByTestId('lang').selectOption('zh-Hant');
  await page.locator('html[lang=zh-Hant]').waitFor();
  await page.getByTestId('player').waitFor();
  assert.equal(await page.getByTestId('step-mode').inputValue(), 'line');
  await page.getByTestId('step-first').click();
  await page.locator('[data-testid=player][data-mode=line][data-line-step="0"]').waitFor({ timeout: 60_000 });
  for (let i = 0; i < 12; i++) {
    const text = await page.getByTestId('narration').innerText();
    const rest = text.replace(/Task-\d+ \((main|worker)\)/g, '').replace(/sleep\(0\)/g, '');
    assert.doesNotMatch(rest, /[A-Za-z]{2,}/, `line step ${i}: ${text}`);
    assert.match(rest, /[\u4e00-\u9fff]/, text);
    await page.getByTestId('step-forward').click();
    await page.locator(`[data-testid=player][data-line-step="${i + 1}"]`).waitFor();
  }
  await screenshot(page, 'inside-line-phone-zh-Hant');
  assert.deepEqual(problems, []);
  await context.close();
});

// Selecting a task (issue #17): a click on a queue item, a lane label or a
// task in the frames panel selects it everywhere; stepping keeps it; a
// second click or Escape clears it; Run again keeps it.
test('a task selected in the loop panel stays selected in its lane, the loop panel and the frames panel', async () => {
  const code = [
    'import asyncio',
    '',
    'async def worker(n, delay):',
    '    total = n * 10',
    '    await asyncio.sleep(delay)',
    '    total += 1',
    '    await asyncio.sleep(delay)',
    '    return total',
    '',
    'async def main():',
    '    await asyncio.gather(worker(1, 0.1), worker(2, 1.0))',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n');
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openAtFirstStep(`${app.url}?play#code=${encodeURIComponent(code)}`, {
      viewport: { width: 1280, height: 800 },
      colorScheme: scheme,
    });
    const lane = page.locator('[data-testid=lane][data-task="Task-3"]');
    const loopItems = page.locator('.loop-panel [data-task="Task-3"][aria-current=true]');
    const firstTask = page.locator('.frames-task').first();
    const selectedTasks = page.locator('.frames-task[aria-selected=true]');
    const expectSelected = async (why) => {
      assert.equal(await lane.getAttribute('aria-pressed'), 'true', `${why}: the lane`);
      assert.match(await lane.getAttribute('class'), /\bselected\b/, `${why}: the lane's style`);
      assert.equal(await page.locator('.timeline-selected-lane').count(), 1, `${why}: the band across the lane`);
      assert.ok((await loopItems.count()) >= 1, `${why}: an item of the loop panel`);
      assert.equal(await selectedTasks.count(), 1, `${why}: one task in the frames panel`);
      assert.equal(await firstTask.getByTestId('task-chain').getAttribute('data-task'), 'Task-3', `${why}: shown first`);
    };
    const expectNone = async (why) => {
      assert.equal(await lane.getAttribute('aria-pressed'), 'false', `${why}: the lane`);
      assert.equal(await page.locator('.loop-panel [aria-current=true]').count(), 0, `${why}: the loop panel`);
      assert.equal(await selectedTasks.count(), 0, `${why}: the frames panel`);
      assert.equal(await page.locator('.timeline-selected-lane').count(), 0, `${why}: no band`);
    };
    // Step until worker 2 (Task-3) waits, then click its waiting item.
    const waiting = page.locator('[data-testid=waiting-item][data-task="Task-3"]');
    for (let s = 1; (await waiting.count()) === 0; s++) {
      assert.ok(s < 10, 'worker 2 waits within 10 steps');
      await stepTo(page, s);
    }
    await expectNone('before a click');
    assert.notEqual(await firstTask.getByTestId('task-chain').getAttribute('data-task'), 'Task-3', 'not first before');
    await waiting.getByRole('button').click();
    await expectSelected('after the click');
    await screenshot(page, `inside-select-${scheme}`);
    const step = Number(await page.getByTestId('player').getAttribute('data-step'));
    for (let i = 1; i <= 3; i++) await stepTo(page, step + i);
    await expectSelected('three steps later');
    // Line mode keeps it too.
    await page.getByTestId('step-mode').selectOption('line');
    await page.locator('[data-testid=player][data-mode=line]').waitFor();
    await page.getByTestId('step-forward').click();
    await expectSelected('a line step later');
    await page.getByTestId('step-mode').selectOption('event');
    // Axe on what marks it.
    const results = await new AxeBuilder({ page })
      .include('[data-testid=frames]').include('.loop-panel').include('.lane-labels').analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], `axe (${scheme})`);
    // A second click clears it; a click in the frames panel selects again.
    await lane.click();
    await expectNone('after a second click');
    await page.locator('.frames-task', { has: page.locator('[data-testid=task-chain][data-task="Task-3"]') }).locator('.task-pick').click();
    await expectSelected('after a click in the frames panel');
    // Escape clears it (the player's other keys are untouched).
    await page.keyboard.press('Escape');
    await expectNone('after Escape');
    if (scheme === 'light') {
      // From the keyboard: a lane label is a button Enter and Space press
      // (Space there does not start playback).
      await lane.focus();
      await page.keyboard.press('Enter');
      await expectSelected('after Enter on the lane');
      const before = await page.getByTestId('player').getAttribute('data-step');
      await page.keyboard.press(' ');
      await expectNone('after Space on the lane');
      assert.equal(await page.getByTestId('player').getAttribute('data-step'), before, 'Space did not step or play');
      await page.keyboard.press(' ');
      await expectSelected('after Space again');
      // Run again: the same program's Task-3 is still the one selected.
      await page.getByTestId('run').click();
      await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
      await stepTo(page, step + 2);
      await expectSelected('after Run again');
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// The module's globals (issue #17): a section of the frames panel, closed
// by default, listing the program's data names (not asyncio, not its
// functions), a value marked after the step that changed it; it stays open
// while stepping.
test('module globals: a closed section that lists the data names and marks a change', async () => {
  const code = [
    'import asyncio',
    '',
    'count = 0',
    "label = 'go'",
    '',
    'async def worker():',
    '    global count',
    '    count += 1',
    '    await asyncio.sleep(0)',
    '    count += 1',
    '    await asyncio.sleep(0)',
    '',
    'async def main():',
    '    await asyncio.create_task(worker())',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n');
  const repr = (expr) => execFileSync('python3', ['-c', `print(repr(${expr}))`], { encoding: 'utf8' }).trim();
  const { page, context, problems } = await openAtFirstStep(`${app.url}?play#code=${encodeURIComponent(code)}`, {
    viewport: { width: 1280, height: 800 },
  });
  const globals = page.getByTestId('globals');
  await globals.waitFor({ state: 'attached' });
  assert.equal(await globals.getAttribute('open'), null, 'closed by default');
  await globals.locator('summary').click();
  assert.notEqual(await globals.getAttribute('open'), null, 'opened');
  const v = (name) => globals.locator(`[data-testid=var][data-name="${name}"]`);
  // The module's own lines, in the first step, bound both.
  assert.deepEqual(await globals.getByTestId('var').evaluateAll((els) => els.map((e) => e.dataset.name)), ['count', 'label']);
  assert.equal(await v('label').locator('.var-value').innerText(), repr("'go'"));
  assert.equal(await v('count').getAttribute('data-changed'), 'true');
  // main awaits its task: no global changes.
  await stepTo(page, 1);
  assert.equal(await v('count').getAttribute('data-changed'), null);
  // The worker runs `count += 1`: count is marked, label is not.
  await stepTo(page, 2);
  assert.equal(await v('count').locator('.var-value').innerText(), repr('0 + 1'));
  assert.equal(await v('count').getAttribute('data-changed'), 'true');
  assert.equal(await v('label').getAttribute('data-changed'), null);
  assert.notEqual(await globals.getAttribute('open'), null, 'still open after stepping');
  await globals.scrollIntoViewIfNeeded();
  await screenshot(page, 'inside-globals');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `axe (${scheme})`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('tasks and frames of the tree open and close, stay as the learner left them while stepping, and a task ready after an await is marked where it paused', async () => {
  const { code, page, context, problems } = await openWorkers(['    await asyncio.sleep(0)']);
  const s = await firstPauseOf(page, 'Task-2');
  const sleep = lineOf(code, 'await asyncio.sleep(0)');
  // Task-2 gave the loop a turn with sleep(0): it is ready, not waiting,
  // and the code marks it where it paused, as it marks waiting tasks.
  await stepTo(page, s + 1);
  const badges = page.locator(`.ed-run.parks[data-line="${sleep}"] .park`);
  assert.ok((await badges.allInnerTexts()).some((t) => t.includes('Task-2')), 'the ready Task-2 is marked at its sleep(0)');
  // Close Task-2's frame with its triangle: its variables hide.
  const workerFrame = () => task(page, 'Task-2').getByTestId('frame').filter({ has: page.getByTestId('var') });
  const frame = workerFrame();
  assert.equal(await frame.getAttribute('aria-expanded'), 'true');
  // (asyncio's sleep frame below it has no variables: a leaf.)
  assert.equal(await task(page, 'Task-2').getByTestId('frame').last().getAttribute('aria-expanded'), null);
  await frame.locator('.twisty').click();
  assert.equal(await frame.getAttribute('aria-expanded'), 'false');
  assert.equal(await frame.getByTestId('var').first().isVisible(), false);
  // Close the task Task-3: its frames hide.
  const t3 = task(page, 'Task-3');
  await t3.locator('.twisty').first().click();
  assert.equal(await t3.getAttribute('aria-expanded'), 'false');
  assert.equal(await t3.getByTestId('frame').first().isVisible(), false);
  // Both stay closed while stepping, and the rest stays open.
  await stepTo(page, s + 2);
  assert.equal(await workerFrame().getAttribute('aria-expanded'), 'false');
  assert.equal(await task(page, 'Task-3').getAttribute('aria-expanded'), 'false');
  assert.equal(await task(page, 'Task-1').getAttribute('aria-expanded'), 'true');
  // Right opens a closed item from the keyboard; Down then walks into it.
  const t3now = task(page, 'Task-3');
  await t3now.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await t3now.getAttribute('aria-expanded'), 'true');
  assert.ok(await t3now.getByTestId('frame').first().isVisible());
  assert.equal(await page.getByTestId('player').getAttribute('data-step'), String(s + 2), 'the keys did not step');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// In line mode the variables follow every line (issue #17): a loop
// updating a local, stepped line by line. The reference is CPython's own
// frames at each "line" event, made here by tools/cpython_locals.py (never
// written by hand): after each line step the variable reads CPython's
// value, and it is marked changed exactly when the line before changed it.

/** CPython's line events for `code` with the frames' locals:
 *  [{ task, line, frames: [[qualname, line, [[name, repr]...]]...], globals }]. */
function cpythonLocals(code) {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-locals-'));
  const file = join(dir, 'main.py');
  writeFileSync(file, code);
  const out = execFileSync('python3', [join(ROOT, 'tools', 'cpython_locals.py'), file], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

test('by line, a local updated in a loop reads CPython\'s value after every line, marked when the line before changed it', async () => {
  const code = [
    'import asyncio',
    '',
    'async def main():',
    '    total = 0',
    '    for i in range(4):',
    '        total += i * i',
    '        await asyncio.sleep(0)',
    '    print(total)',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n');
  const expected = cpythonLocals(code);
  // What CPython's innermost frame of main holds for `name` at line event k
  // (undefined: not bound, or not main's line).
  const valueAt = (k, name) => {
    const e = expected[k];
    if (!e || e.task !== 'Task-1') return undefined;
    const frame = e.frames.find((f) => f[0] === 'main');
    const v = frame && frame[2].find(([n]) => n === name);
    return v ? v[1] : undefined;
  };
  const changes = expected.filter((_, k) => k > 0 && valueAt(k, 'total') !== undefined && valueAt(k, 'total') !== valueAt(k - 1, 'total')).length;
  assert.ok(changes >= 4, `CPython saw total bound or changed ${changes} times`);
  const { page, context, problems } = await openInLineMode(`${app.url}?play#code=${encodeURIComponent(code)}`, {
    viewport: { width: 1280, height: 800 },
  });
  const status = page.getByTestId('step-status');
  assert.match(await status.innerText(), new RegExp(`1 / ${expected.length}$`), 'one line step per line CPython ran');
  const total = task(page, 'Task-1').locator('[data-testid=var][data-name=total]');
  const i = task(page, 'Task-1').locator('[data-testid=var][data-name=i]');
  let checked = 0;
  let marked = 0;
  for (let k = 0; k < expected.length; k++) {
    if (k > 0) {
      await page.getByTestId('step-forward').click();
      await page.locator(`[data-testid=player][data-line-step="${k}"]`).waitFor();
    }
    if (expected[k].task !== 'Task-1') continue;
    const at = `line step ${k} (line ${expected[k].line})`;
    for (const [name, loc] of [['total', total], ['i', i]]) {
      const want = valueAt(k, name);
      if (want === undefined) {
        assert.equal(await loc.count(), 0, `${at}: ${name} is not bound yet`);
        continue;
      }
      assert.equal(await loc.first().locator('.var-value').innerText(), want, `${at}: ${name}`);
      const prev = valueAt(k - 1, name);
      const changed = prev !== want;
      assert.equal(await loc.first().getAttribute('data-changed'), changed ? 'true' : null, `${at}: ${name} ${changed ? 'marked' : 'not marked'}`);
      if (name === 'total') {
        checked++;
        if (changed) marked++;
      }
    }
    if (checked === 3) await screenshot(page, 'inside-line-locals');
  }
  assert.ok(checked > 10, `checked ${checked} line steps`);
  assert.equal(marked, changes, "every change CPython saw is marked");
  assert.deepEqual(problems, []);
  await context.close();
});
