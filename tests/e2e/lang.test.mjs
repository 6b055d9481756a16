// Issue #18, end to end: the app in 繁體中文 and 简体中文. For each Chinese
// language: the index, a lesson run to the end and stepped, its predict
// exercise, an embed with lang=, the playground and the model page, each
// with <html lang> right, axe clean in light and dark, a screenshot of
// each (test-results/screenshots/lang-*), and no English left in the app's
// own text (outside code and program output), the step narration and the
// loop panel in the language. The lessons are the translated files' (each
// language's bundle, fetched only by its readers), and run as CPython
// prints their translated snippets. Also: the browser's language on a first
// visit, the header's menu, the choice kept in storage and in the URLs the
// app writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();

const LANGS = [
  { code: 'zh-Hant', run: '執行', playground: '練習場', lessons: '課程' },
  { code: 'zh-Hans', run: '运行', playground: '练习场', lessons: '课程' },
];

// Words the app's own Chinese text keeps as they are: names, Python,
// keys, units.
const KEPT = new Set([
  'Looplab', 'Python', 'CPython', 'asyncio', 'GIL', 'Ctrl', 'Enter', 'Esc', 'Tab', 'SVG', 'JSON',
  'py', 'ns', 'ms', 'KiB', 'main', 'gather', 'sleep', 'shield', 'future', 'await', 'handle', 'lambda',
  'pickle', 'Queue', 'Pipe', 'Value', 'Array', 'Lock', 'multiprocessing', 'join', 'sorted', 'key',
  'target', 'spawn', 'macOS', 'Windows', 'import', 'time', 'perf_counter', 'loop', 'sys', 'exit',
  'getswitchinterval', '__mp_main__', 'TaskGroup', 'Semaphore', 'maxsize', 'as_completed', 'wait_for',
  'run', 'print', 'English', 'auto', 'Home', 'End', 'Space', 'Task',
]);

// Words of the engine's English narration that no Chinese narration keeps.
const NARRATION_ENGLISH = /\b(the|was|ran|until|awaited|gives|waits|ready|queue|nothing|clock|jumped|program|thread|finished|returned|scheduled|resume)\b/i;

/** Text left in English: the app's own visible text and accessible names
 *  (outside code and program output) with a run of 3+ Latin
 *  letters that is not a kept word; and lesson content (prose, titles,
 *  summaries, parts, predict prompts, snippet titles) with such a word and
 *  no Chinese at all — a translated sentence keeps Python's names. */
async function englishLeft(page) {
  const found = await page.evaluate(() => {
    const skip = [
      'code', 'pre', '.console-text', '.console-end', '.timeline-token',
      '.queue', '.chip', '.lane-label',
      '.lane-labels', '.ed-layer', '.ed-gutter', '.clock-jump', '.ruler-time', 'option',
      'textarea', 'input', '.share-error',
      '.editor', '.model-note', 'noscript', 'script', 'style',
    ].join(',');
    const content = [
      '.prose', '.lede', '.lesson-card', '.lesson-part-title', '.lesson h1', 'figcaption',
      '.lesson-nav', '.predict > p', '.predict-explain', '.embed-title', '.breadcrumb',
    ].join(',');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !n.textContent.trim()) continue;
      if (el.closest('[hidden], .hidden')) continue;
      out.push({ text: n.textContent.trim(), content: !!el.closest(content) });
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (el.closest('code, pre, .timeline-token, .queue, .lane-labels, .chip, .park, .console-line')) continue;
      // (A snippet's editor is named by the snippet's title: lesson content.)
      const named = el.matches('.snippet:not(.in-player) textarea');
      for (const a of ['aria-label', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push({ text: v, content: named || !!el.closest(content) });
      }
    }
    return out;
  });
  return found.filter(({ text, content }) => {
    const words = text.replace(/[A-Za-z_][A-Za-z0-9_.]*\(\)/g, ' ').match(/[A-Za-z_]{3,}/g) ?? [];
    const english = words.some((w) => !KEPT.has(w) && !/^Task-\d+$/.test(w) && !/^worker/.test(w));
    return english && !(content && /[\u3400-\u9fff]/.test(text));
  }).map(({ text }) => text);
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe in light and dark, and a screenshot of each. */
async function checkBothSchemes(page, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axe(page), [], `${name} (${scheme}): axe`);
    await screenshot(page, `lang-${name}-${scheme}`);
  }
}

for (const lang of LANGS) {
  test(`${lang.code}: index, lesson run and stepped, predict, playground, model page`, async () => {
    const { page, context, problems } = await openPage(app.browser, `${app.url}?lang=${lang.code}`);
    await page.getByTestId('lesson-index').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang.code);
    assert.equal(await page.getByTestId('lang').inputValue(), lang.code);
    assert.deepEqual(await englishLeft(page), [], 'index: no English');
    await checkBothSchemes(page, `${lang.code}-index`);

    // A link keeps the language.
    await page.locator('[data-testid=lesson-card][data-lesson=sleep] a').click();
    await page.getByTestId('player').waitFor();
    assert.match(page.url(), new RegExp(`\\?lesson=sleep&lang=${lang.code}$`));
    assert.equal(await page.getByTestId('run').innerText(), lang.run);
    await page.getByTestId('run').click();
    await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('[data-testid=console] .console-end').innerText(),
      lang.code === 'zh-Hant' ? '— 程式結束 —' : '— 程序结束 —');
    // Stepping: the step links keep the language.
    await page.getByTestId('step-first').click();
    await page.getByTestId('step-forward').click();
    await page.getByTestId('step-forward').click();
    await page.waitForFunction(() => location.hash === '#step=2');
    assert.match(page.url(), new RegExp(`lang=${lang.code}#step=2$`));
    // The narration of each step is in the language: Chinese, with none of
    // the English narration's sentence words (names, Python and times stay).
    for (let i = 2; i < 6; i++) {
      const said = await page.getByTestId('narration').innerText();
      assert.match(said, /[\u4e00-\u9fff]/, `step ${i}: ${said}`);
      assert.doesNotMatch(said, NARRATION_ENGLISH, `step ${i}: ${said}`);
      await page.getByTestId('step-forward').click();
      await page.waitForFunction((n) => location.hash === `#step=${n}`, i + 1);
    }
    const stepped = await page.getByTestId('narration').innerText();
    assert.match(stepped, lang.code === 'zh-Hant' ? /(任務|迴圈|時鐘|程式)/ : /(任务|循环|时钟|程序)/, stepped);
    await page.getByTestId('step-first').click();
    await page.getByTestId('step-forward').click();
    await page.getByTestId('step-forward').click();
    await page.waitForFunction(() => location.hash === '#step=2');
    // The predict exercise.
    const predict = page.getByTestId('predict');
    await predict.getByTestId('predict-check').waitFor();
    assert.equal(await predict.locator('h2').innerText(), lang.code === 'zh-Hant' ? '先預測，再執行' : '先预测，再运行');
    assert.deepEqual(await englishLeft(page), [], 'lesson: no English');
    await checkBothSchemes(page, `${lang.code}-lesson`);
    await predict.getByTestId('predict-check').click();
    await predict.getByTestId('predict-result').waitFor();
    assert.deepEqual(await englishLeft(page), [], 'predict result: no English');

    // The playground, through the header's link.
    await page.locator('.site-header nav a').nth(1).click();
    await page.getByTestId('playground').waitFor();
    assert.equal(await page.locator('.playground h1').innerText(), lang.playground);
    assert.match(page.url(), new RegExp(`\\?play&lang=${lang.code}`));
    await page.getByTestId('run').click();
    await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
    await page.getByTestId('share').click();
    assert.match(await page.getByTestId('share-link').inputValue(), new RegExp(`\\?play&lang=${lang.code}#z=`));
    assert.deepEqual(await englishLeft(page), [], 'playground: no English');
    await checkBothSchemes(page, `${lang.code}-playground`);

    // The model page.
    await page.goto(`${app.url}?model&lang=${lang.code}`);
    await page.getByTestId('model-page').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang.code);
    assert.deepEqual(await englishLeft(page), [], 'model page: no English');
    await checkBothSchemes(page, `${lang.code}-model`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang.code}: an embed with lang=, and the Embed snippet writes it`, async () => {
    const { page, context, problems } = await openPage(app.browser, `${app.url}?embed=gather&lang=${lang.code}`);
    await page.getByTestId('player').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang.code);
    assert.equal(await page.getByTestId('run').innerText(), lang.run);
    assert.match(await page.getByTestId('embed-open').getAttribute('href'), new RegExp(`lang=${lang.code}`));
    await page.getByTestId('run').click();
    await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
    assert.deepEqual(await englishLeft(page), [], 'embed: no English');
    await checkBothSchemes(page, `${lang.code}-embed`);

    await page.goto(`${app.url}?lesson=gather&lang=${lang.code}`);
    await page.getByTestId('embed-button').click();
    assert.match(await page.getByTestId('embed-snippet').inputValue(),
      new RegExp(`\\?embed=gather&amp;lang=${lang.code}"`));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** A field of a lesson's front matter in `lang` (`en` or a folder of lessons/). */
function frontMatter(lang, id, key) {
  const dir = lang === 'en' ? join(ROOT, 'lessons') : join(ROOT, 'lessons', lang);
  const file = readdirSync(dir).find((f) => f.endsWith(`-${id}.md`));
  return readFileSync(join(dir, file), 'utf8').match(new RegExp(`^${key}: (.*)$`, 'm'))[1];
}

/** The lines CPython printed for a translated snippet (tools/regen-lessons). */
function expectedLines(lang, id, name) {
  return readFileSync(join(ROOT, 'lessons', lang, 'expected', id, `${name}.out`), 'utf8')
    .split('\n').filter((l) => l.startsWith('[t=')).map((l) => l.replace(/^\[t=[0-9.]+\] /, ''));
}

for (const lang of LANGS) {
  test(`${lang.code}: the index and lessons are the translated files, and run as CPython prints them`, async () => {
    const { page, context, problems } = await openPage(app.browser, `${app.url}?lang=${lang.code}`);
    await page.getByTestId('lesson-index').waitFor();
    const cards = await page.getByTestId('lesson-card').evaluateAll((els) =>
      els.map((e) => [e.dataset.lesson, e.querySelector('h4').textContent, e.querySelector('p').textContent]));
    assert.ok(cards.length >= 21);
    for (const [id, title, summary] of cards) {
      assert.equal(title, frontMatter(lang.code, id, 'title'), `${id}: title`);
      assert.equal(summary, frontMatter(lang.code, id, 'summary'), `${id}: summary`);
    }
    // A lesson whose snippet prints translated text: what CPython printed.
    await page.locator('[data-testid=lesson-card][data-lesson=gather] a').click();
    await page.getByTestId('player').waitFor();
    assert.equal(await page.locator('.lesson h1').innerText(), frontMatter(lang.code, 'gather', 'title'));
    await page.getByTestId('run').click();
    await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
    const printed = (await page
      .locator('[data-testid=console] .console-line:not(.stderr):not(.warning) .console-text')
      .allTextContents()).flatMap((c) => c.split('\n'));
    assert.deepEqual(printed, expectedLines(lang.code, 'gather', 'main'));
    assert.ok(printed.some((l) => /[\u4e00-\u9fff]/.test(l)), 'the snippet prints Chinese');
    assert.equal(await page.getByTestId('lessons-note').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();

    // On a phone: nothing wider than the screen, run and stepped.
    const phone = await openPage(app.browser, `${app.url}?lesson=gather&lang=${lang.code}`, {
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    });
    await phone.page.getByTestId('player').waitFor();
    await phone.page.getByTestId('run').click();
    await phone.page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
    await phone.page.getByTestId('step-first').click();
    await phone.page.getByTestId('step-forward').click();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await screenshot(phone.page, `lang-${lang.code}-phone`);
    assert.deepEqual(phone.problems, []);
    await phone.context.close();
  });
}

test('an English reader downloads no translated lessons; a failed download shows English, said so', async () => {
  const en = await openPage(app.browser, app.url, { locale: 'en-US' });
  const asked = [];
  en.page.on('request', (r) => asked.push(r.url()));
  await en.page.getByTestId('lesson-index').waitFor();
  await en.page.locator('[data-testid=lesson-card][data-lesson=sleep] a').click();
  await en.page.getByTestId('player').waitFor();
  assert.equal(await en.page.locator('.lesson h1').innerText(), frontMatter('en', 'sleep', 'title'));
  assert.deepEqual(asked.filter((u) => /lessons-.*\.txt/.test(u)), []);
  await en.context.close();

  const context = await app.browser.newContext();
  await context.route(/lessons-zh-Hant\.txt/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await context.newPage();
  await page.goto(`${app.url}?lesson=sleep&lang=zh-Hant`);
  await page.getByTestId('player').waitFor();
  assert.match(await page.getByTestId('lessons-note').innerText(), /無法載入.*404/);
  assert.equal(await page.locator('.lesson h1').innerText(), frontMatter('en', 'sleep', 'title'));
  assert.equal(await page.getByTestId('run').innerText(), '執行');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the first visit follows the browser; the menu switches and is remembered', async () => {
  for (const [locale, code] of [['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-CN', 'zh-Hans'], ['fr-FR', 'en']]) {
    const { page, context } = await openPage(app.browser, app.url, { locale });
    await page.getByTestId('lesson-index').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), code, locale);
    await context.close();
  }
  const { page, context, problems } = await openPage(app.browser, app.url, { locale: 'en-US' });
  await page.getByTestId('lesson-index').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const labels = await page.getByTestId('lang').locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(labels, [['en', 'English'], ['zh-Hant', '繁體中文'], ['zh-Hans', '简体中文']]);
  await page.getByTestId('lang').selectOption('zh-Hant');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.match(page.url(), /\?lang=zh-Hant$/);
  assert.equal(await page.locator('#lessons-heading').innerText(), '課程');
  // Remembered: a URL without lang= opens in the chosen language.
  await page.goto(app.url);
  await page.getByTestId('lesson-index').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
  // The URL's lang= wins over the stored choice.
  await page.goto(`${app.url}?lang=en`);
  await page.getByTestId('lesson-index').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // (A library download cut short by leaving the page is no problem.)
  assert.deepEqual(problems.filter((p) => !/library\.txt.*ERR_ABORTED/.test(p)), []);
  await context.close();
});
