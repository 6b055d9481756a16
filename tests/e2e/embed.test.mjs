// End-to-end tests of embedding and sharing against the release build
// (dist/): the sample blog (examples/blog/) served on another port than the
// app embeds three lessons; share links round-trip; hostile text stays text.
//
// Expected program output comes from CPython (tools/oracle.py), never from
// the UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, serveDir, launchBrowser, openPage, screenshot } from './harness.mjs';

let app;
let blog;
let browser;
const WORK = mkdtempSync(join(tmpdir(), 'looplab-embed-'));

before(async () => {
  app = await serveDir(join(ROOT, 'dist'));
  // The sample blog, pointed at the app's test server (another origin).
  const blogDir = mkdtempSync(join(tmpdir(), 'looplab-blog-'));
  const html = readFileSync(join(ROOT, 'examples', 'blog', 'index.html'), 'utf8');
  writeFileSync(join(blogDir, 'index.html'), html.replaceAll('http://127.0.0.1:8080/', app.url));
  blog = await serveDir(blogDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await blog?.close();
});

/** Runs a program under CPython (tools/oracle.py); returns its stdout. */
function cpython(code, tag) {
  const file = join(WORK, `${tag}.py`);
  writeFileSync(file, code);
  return execFileSync('python3', [join(ROOT, 'tools', 'oracle.py'), file], { encoding: 'utf8' });
}

/** Makes storage and cookies throw, as when third-party storage is blocked. */
const BLOCK_STORAGE = () => {
  const blocked = () => {
    throw new DOMException('storage blocked by the test', 'SecurityError');
  };
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
    Object.defineProperty(window, name, { get: blocked, configurable: true });
  }
  Object.defineProperty(Document.prototype, 'cookie', { get: blocked, set: blocked, configurable: true });
};

/** The three embeds of the blog: [{ el, frame, lesson }]. */
async function embeds(page) {
  const out = [];
  for (const el of await page.locator('iframe').elementHandles()) {
    await el.scrollIntoViewIfNeeded();
    const frame = await el.contentFrame();
    await frame.getByTestId('player').waitFor({ timeout: 20_000 });
    const lesson = await frame.getByTestId('embed').getAttribute('data-lesson');
    out.push({ el, frame, lesson });
  }
  return out;
}

/** What an embed's player shows: step, events, live state. */
const playerState = (frame) =>
  frame.getByTestId('player').evaluate((el) => ({ step: el.dataset.step, events: el.dataset.events, live: el.dataset.live }));

test('the sample blog embeds four lessons that render, resize, obey play and follow their theme', async () => {
  const { page, context, problems } = await openPage(browser, 'about:blank', {
    viewport: { width: 1100, height: 900 },
    colorScheme: 'dark',
  });
  // In every frame: storage and cookies throw, as when blocked.
  await context.addInitScript(BLOCK_STORAGE);
  await page.goto(blog.url);
  const frames = await embeds(page);
  assert.deepEqual(frames.map((f) => f.lesson), ['sleep', 'gather', 'cancel', 'taskgroup']);
  assert.notEqual(new URL(app.url).port, new URL(blog.url).port, 'the blog is another origin');

  for (const { el, frame, lesson } of frames) {
    // Renders compact: code, timeline, queue and controls; an open link.
    for (const id of ['code', 'timeline', 'clock', 'run']) {
      assert.ok(await frame.getByTestId(id).isVisible(), `${lesson}: ${id} visible`);
    }
    const open = frame.getByTestId('embed-open');
    assert.equal(await open.getAttribute('href'), `./?lesson=${lesson}`);
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.equal(await frame.locator('.site-header').count(), 0, 'no site header in an embed');

    // Auto-height: the iframe ends up as tall as the embed's content.
    await page.waitForFunction((f) => f.hasAttribute('data-looplab-height'), el, { timeout: 10_000 });
    const content = await frame.getByTestId('embed').evaluate((e) => Math.ceil(e.getBoundingClientRect().bottom));
    const height = await el.evaluate((f) => f.getBoundingClientRect().height);
    assert.ok(Math.abs(height - content) <= 4, `${lesson}: iframe ${height}px vs content ${content}px`);
    assert.notEqual(Math.round(height), 480, `${lesson}: resized from the snippet's height`);
  }

  // Themes: sleep follows the host's dark preference (auto), gather is
  // forced light, cancel forced dark.
  const bg = (frame) => frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const attr = (frame) => frame.evaluate(() => document.documentElement.getAttribute('data-theme'));
  const [sleep, gather, cancel] = frames.map((f) => f.frame);
  for (const f of [page, sleep]) {
    const storage = await f.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch {
        return 'blocked';
      }
    });
    assert.equal(storage, 'blocked', 'the test really blocks storage');
  }
  assert.equal(await attr(sleep), null);
  assert.equal(await attr(gather), 'light');
  assert.equal(await attr(cancel), 'dark');
  assert.equal(await bg(sleep), await bg(cancel), 'auto under a dark host preference = dark');
  assert.notEqual(await bg(gather), await bg(cancel));
  // gather shows its console (panels=), the others do not.
  assert.ok(await gather.getByTestId('console').isVisible());
  assert.ok(!(await sleep.getByTestId('console').isVisible()));
  await screenshot(page, 'embed-blog');

  // The play command starts a live run; pause stops it.
  for (const { el, frame, lesson } of frames) {
    assert.equal((await playerState(frame)).events, '0', `${lesson}: nothing ran before play`);
    // Slowest speed, so that a run with waits is still going when pause
    // arrives (the sleep lesson's run takes no virtual time: it ends at once).
    await frame.getByTestId('speed').selectOption('0.25×');
    await page.evaluate((f) => window.Looplab.send(f, 'play'), el);
    await frame.locator('[data-testid=player]:not([data-events="0"])').waitFor({ timeout: 5_000 });
    await page.evaluate((f) => window.Looplab.send(f, 'pause'), el);
    const paused = await playerState(frame);
    assert.notEqual(paused.live, 'running', `${lesson}: paused`);
    await page.waitForTimeout(700);
    assert.deepEqual(await playerState(frame), paused, `${lesson}: nothing moves while paused`);
  }
  // On a finished run, play plays the recorded steps back, and pause stops it.
  const [{ el: first, frame: f0 }] = frames;
  await page.evaluate((f) => window.Looplab.send(f, 'step', 0), first);
  await f0.locator('[data-testid=player][data-step="0"]').waitFor({ timeout: 5_000 });
  await page.evaluate((f) => window.Looplab.send(f, 'play'), first);
  await f0.locator('[data-testid=player]:not([data-step="0"])').waitFor({ timeout: 5_000 });
  await page.evaluate((f) => window.Looplab.send(f, 'pause'), first);
  const stopped = await playerState(f0);
  await page.waitForTimeout(700);
  assert.deepEqual(await playerState(f0), stopped, 'playback paused');
  assert.deepEqual(problems, []);
  await context.close();
});

test('embeds obey step N and ignore hostile or foreign messages', async () => {
  const { page, context, problems } = await openPage(browser, blog.url, { viewport: { width: 1100, height: 900 } });
  const [{ el, frame }] = await embeds(page);
  await page.evaluate((f) => window.Looplab.send(f, 'step', 3), el);
  await frame.locator('[data-testid=player][data-step="3"]').waitFor({ timeout: 5_000 });
  // Let the resize that showing the run causes settle first.
  await page.waitForTimeout(800);
  const before = await playerState(frame);
  const html = await frame.getByTestId('embed').innerHTML();

  await page.evaluate((f) => {
    const w = f.contentWindow;
    for (const m of [
      'play',
      '<script>parent.__pwned = 1</script>',
      '"><img src=x onerror="parent.__pwned=2">',
      { command: 'play' },
      { looplab: 2, command: 'play' },
      { looplab: '1', command: 'play' },
      { looplab: 1, command: 'PLAY' },
      { looplab: 1, command: '<img src=x onerror="parent.__pwned=3">' },
      { looplab: 1, command: 'step', step: '7' },
      { looplab: 1, command: 'step', step: 1.5 },
      { looplab: 1, command: 'step', step: -1 },
      [1, 'play'],
      null,
      42,
    ]) {
      w.postMessage(m, '*');
    }
  }, el);
  // A well-formed command from somewhere other than the parent: ignored.
  await frame.evaluate(() => window.postMessage({ looplab: 1, command: 'step', step: 0 }, '*'));
  // A resize message from the host page itself: the script ignores it.
  const height = await el.evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ looplab: 1, type: 'resize', height: 5000, frame: 'sleep' }, '*'));
  await page.waitForTimeout(1000);

  assert.deepEqual(await playerState(frame), before, 'nothing moved');
  assert.equal(await frame.getByTestId('embed').innerHTML(), html, 'nothing was added');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await el.evaluate((f) => f.style.height), height);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Embed button gives the documented snippet, which works on another origin', async () => {
  const { page, context, problems } = await openPage(browser, `${app.url}?lesson=gather`);
  await page.getByTestId('embed-button').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  assert.equal(
    snippet,
    `<iframe src="${app.url}?embed=gather&amp;lang=en" title="Looplab: gather" loading="lazy" width="100%" height="720" style="border:0"></iframe>\n` +
      `<script src="${app.url}embed.js" async></script>`,
  );
  await page.getByTestId('share').click();
  const axe = await new AxeBuilder({ page }).include('[data-testid=player-tools]').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'the tools pass axe');
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-snippet').locator('..').getByRole('checkbox').uncheck();
  assert.ok(!(await page.getByTestId('embed-snippet').inputValue()).includes('<script'));

  // Paste it into a page on the blog's origin: it renders and resizes.
  const host = await context.newPage();
  await host.goto(blog.url);
  await host.setContent(`<!DOCTYPE html><title>host</title><h1>Post</h1>${snippet}`);
  const el = await host.waitForSelector('iframe[data-looplab-height]', { timeout: 20_000 });
  const frame = await el.contentFrame();
  assert.ok(await frame.getByTestId('timeline').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

const HOSTILE = `import asyncio

async def main():
    print("<script>window.__pwned = 1</script>")
    await asyncio.sleep(0.5)
    print('"><img src=x onerror="window.__pwned = 2">')

asyncio.run(main())
`;

test('share a #code= program: the #z= link opens the same code, nothing run until Run, same run; hostile text stays text', async () => {
  const expected = cpython(HOSTILE, 'hostile');
  const { page, context, problems } = await openPage(browser, `${app.url}?play#code=${encodeURIComponent(HOSTILE)}`);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, new RegExp(`^${app.url.replace(/[.?]/g, '\\$&')}\\?play#z=[A-Za-z0-9_-]+$`));
  assert.ok(link.length < `${app.url}?play#code=${encodeURIComponent(HOSTILE)}`.length, 'compressed');
  await context.close();

  const fresh = await openPage(browser, link);
  const p = fresh.page;
  await p.getByTestId('player').waitFor();
  // The code panel is the editor (issue #16): the textarea holds the code,
  // the highlighted layer under it shows it as text.
  const code = await p.locator('[data-testid=code] [data-testid=editor]').inputValue();
  assert.equal(code.trimEnd(), HOSTILE.trimEnd(), 'the code, in the editor');
  const shown = await p.locator('[data-testid=code] .ed-layer').evaluate((el) =>
    [...el.querySelectorAll('.ed-line')].map((l) => l.textContent).join('\n'),
  );
  assert.equal(shown.trimEnd(), HOSTILE.trimEnd(), 'the code, shown as text');
  assert.equal(await p.getByTestId('player').getAttribute('data-events'), '0', 'nothing ran');
  assert.equal(await p.getByTestId('timeline-token').count(), 0);

  await p.getByTestId('speed').selectOption('4×');
  await p.getByTestId('run').click();
  await p.locator('[data-testid=player][data-live=idle]').waitFor({ timeout: 20_000 });
  const printed = await p.locator('[data-testid=console] .console-text').allTextContents();
  assert.deepEqual(printed, expected.trimEnd().split('\n'), 'same output as CPython');

  // Hostile text is text everywhere: editor/code, console, timeline tokens, SVG.
  const titles = await p.getByTestId('timeline-token').evaluateAll((els) => els.map((e) => e.title));
  assert.deepEqual(titles, expected.trimEnd().split('\n'));
  assert.equal(await p.locator('main img, main script').count(), 0, 'no element came from the program');
  assert.equal(await p.evaluate(() => window.__pwned), undefined);

  const [svgDownload] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-svg').click()]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  assert.ok(!svg.includes('<script') && !svg.includes('<img'), 'SVG carries no markup from the program');
  const svgTitles = await p.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return 'parse error';
    if (doc.querySelector('script, img, foreignObject')) return 'markup';
    return [...doc.querySelectorAll('g.token > title')].map((t) => t.textContent);
  }, svg);
  assert.deepEqual(svgTitles, expected.trimEnd().split('\n'));

  const [jsonDownload] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-json').click()]);
  const trace = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  // The engine's current trace version (crates/engine/src/trace.rs).
  const engineVersion = Number(readFileSync(join(ROOT, 'crates/engine/src/trace.rs'), 'utf8').match(/pub const TRACE_VERSION: u32 = (\d+);/)[1]);
  assert.equal(trace.version, engineVersion);
  assert.equal(String(trace.events.length), await p.getByTestId('player').getAttribute('data-events'));
  await screenshot(p, 'share-hostile');
  assert.deepEqual(fresh.problems, []);
  assert.deepEqual(problems, []);
  await fresh.context.close();
});

test('share round trip by typing: edit a lesson, Share, open the link in a fresh browser: same code, nothing ran, same run', async () => {
  const lessonCode = readFileSync(join(ROOT, 'lessons', '05-gather.md'), 'utf8').match(/```python name=main[^\n]*\n([\s\S]*?)```/)[1];
  const first = await openPage(browser, `${app.url}?lesson=gather`, { viewport: { width: 1280, height: 900 } });
  await first.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const page = first.page;
  const editor = page.getByTestId('editor').first();
  await editor.waitFor();
  assert.equal(await editor.inputValue(), lessonCode);

  // A real edit, typed: a fourth download after the third, and a new first line.
  const at = lessonCode.indexOf('download("c", 3)') + 'download("c", 3)'.length;
  await editor.focus();
  await editor.evaluate((ta, p) => ta.setSelectionRange(p, p), at);
  await page.keyboard.type(', download("d", 0.5)');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# shared by a reader');
  await page.keyboard.press('Enter');
  const edited = await editor.inputValue();
  assert.equal(edited, '# shared by a reader\n' + lessonCode.slice(0, at) + ', download("d", 0.5)' + lessonCode.slice(at));
  const expected = cpython(edited, 'shared-edit').trimEnd().split('\n');

  // Run it here first.
  await page.getByTestId('speed').selectOption('4×');
  await page.getByTestId('run').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 30_000 });
  const printed = await page.locator('[data-testid=console] .console-text').allTextContents();
  assert.deepEqual(printed, expected, 'the edited program prints what CPython prints');
  const events = await page.getByTestId('player').getAttribute('data-events');

  // Share: the link is shown, and Copy puts the same link on the clipboard.
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, new RegExp(`^${app.url.replace(/[.?]/g, '\\$&')}\\?play#z=[A-Za-z0-9_-]+$`));
  await page.getByTestId('share-panel').getByRole('button', { name: 'Copy' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'Copy copies the shown link');
  assert.deepEqual(first.problems, []);
  await first.context.close();

  // A fresh browser context: no storage shared with the first page.
  const fresh = await openPage(browser, link, { viewport: { width: 1280, height: 900 } });
  const p = fresh.page;
  const ed = p.getByTestId('editor');
  await ed.waitFor();
  assert.equal(await ed.inputValue(), edited, 'the edited code, exactly');
  assert.equal(await p.getByTestId('share-error').count(), 0);
  assert.equal(await p.getByTestId('player').getAttribute('data-events'), '0', 'nothing ran until Run');
  assert.equal(await p.getByTestId('timeline-token').count(), 0);
  assert.equal(await p.locator('[data-testid=console] .console-line').count(), 0);
  await p.getByTestId('speed').selectOption('4×');
  await p.getByTestId('run').click();
  await p.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 30_000 });
  assert.deepEqual(await p.locator('[data-testid=console] .console-text').allTextContents(), printed, 'the same output as the first page');
  assert.equal(await p.getByTestId('player').getAttribute('data-events'), events, 'the same run, event for event');
  await screenshot(p, 'share-typed-round-trip');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('malformed and oversized share links say so, never a blank page', async () => {
  for (const [hash, message] of [
    ['z=not-a-program', /damaged/],
    ['z=%%%', /damaged/],
    [`z=${'A'.repeat(30_000)}`, /too long/],
  ]) {
    const { page, context, problems } = await openPage(browser, `${app.url}?play#${hash}`);
    const error = page.getByTestId('share-error');
    await error.waitFor();
    assert.match(await error.innerText(), message);
    assert.ok(await page.getByTestId('player').isVisible(), 'the page still works');
    assert.deepEqual(problems, []);
    await context.close();
  }
  // In an embed, a damaged custom program falls back to the lesson's.
  const { page, context } = await openPage(browser, `${app.url}?embed=sleep#z=broken`);
  await page.getByTestId('share-error').waitFor();
  assert.ok(await page.getByTestId('timeline').isVisible());
  await context.close();
});

test('embed options: start step, autoplay, speed, panels', async () => {
  const open = (query) => openPage(browser, `${app.url}?${query}`);
  {
    const { page, context, problems } = await open('embed=gather&step=5');
    await page.locator('[data-testid=player][data-step="5"]').waitFor({ timeout: 10_000 });
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'the embed passes axe');
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { page, context, problems } = await open('embed=gather&autoplay&speed=0.25&panels=code,narration');
    await page.locator('[data-testid=player][data-live=running]').waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('speed').inputValue(), '0.25×');
    assert.ok(await page.getByTestId('code').isVisible());
    assert.ok(await page.getByTestId('narration').isVisible());
    for (const hidden of ['timeline', 'clock', 'run', 'console']) {
      assert.ok(!(await page.getByTestId(hidden).isVisible()), `${hidden} hidden`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // An unknown lesson: a clear message, not a blank frame.
    const { page, context } = await open('embed=no-such-lesson');
    await page.getByText('Looplab has no lesson called').waitFor();
    await context.close();
  }
});
