// The library modules the wasm leaves out (`lazy_python_modules!` in the
// engine's library/modules.rs) arrive as dist/library.txt after the first
// paint: a program importing one runs once they are there, and a failed
// download says which module could not be loaded, never a blank page or a
// hang. Expected output from CPython.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serveApp } from './harness.mjs';

const app = serveApp();

const CODE = `import asyncio
import json
import random


async def main():
    random.seed(7)
    await asyncio.sleep(0.1)
    print(json.dumps({"roll": random.randint(1, 6), "pick": random.choice("abc")}))


asyncio.run(main())
`;

function cpythonStdout(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trimEnd().split('\n');
}

/** The playground with CODE, the library bundle's requests answered by `answer`. */
async function playground(answer) {
  const context = await app.browser.newContext();
  const requests = [];
  await context.route('**/library.txt*', (route) => {
    requests.push(route.request().url());
    return answer(route);
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  await page.goto(`${app.url}?play#code=${encodeURIComponent(CODE)}`);
  return { context, page, requests, problems };
}

async function runAndWait(page) {
  await page.getByTestId('speed').selectOption('4×');
  await page.getByTestId('run').click();
  await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });
}

async function stdout(page) {
  const chunks = await page
    .locator('[data-testid=console] .console-line:not(.stderr):not(.warning) .console-text')
    .allTextContents();
  return chunks.flatMap((c) => c.split('\n')).filter((l) => l !== '');
}

test('a program importing json and random runs once the library arrives, even late', async () => {
  const want = cpythonStdout(CODE);
  // The bundle comes 3 s late: Run is pressed long before, so the first
  // attempt stops at `import json` and the app runs again once it is in.
  const { context, page, requests, problems } = await playground(async (route) => {
    await new Promise((ok) => setTimeout(ok, 3000));
    await route.continue();
  });
  await page.getByTestId('editor').waitFor();
  await runAndWait(page);
  assert.deepEqual(await stdout(page), want);
  assert.equal(await page.getByTestId('limit-message').count(), 0);
  assert.equal(requests.length, 1, `one download: ${requests}`);
  assert.match(requests[0], /library\.txt\?v=[0-9a-f]{16}$/);
  // A second run does not download it again.
  await runAndWait(page);
  assert.deepEqual(await stdout(page), want);
  assert.equal(requests.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a failed library download names the module; the next Run tries again', async () => {
  let fail = true;
  const { context, page, requests, problems } = await playground((route) =>
    fail ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.getByTestId('editor').waitFor();
  await runAndWait(page);
  const message = page.locator('[data-testid=limit-message][data-limit=library]');
  await message.waitFor();
  assert.match(await message.innerText(), /'json' could not be loaded/);
  assert.equal(await page.getByTestId('raise-limit').count(), 0, 'no limit to raise');
  assert.deepEqual(await stdout(page), []);
  // Back online: Run downloads it and runs.
  fail = false;
  await runAndWait(page);
  assert.deepEqual(await stdout(page), cpythonStdout(CODE));
  assert.equal(await page.getByTestId('limit-message').count(), 0);
  assert.ok(requests.length >= 2, `${requests.length} requests`);
  assert.deepEqual(problems.filter((p) => !/library|Failed to load resource/.test(p)), []);
  await context.close();
});
