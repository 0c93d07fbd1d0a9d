// The office records an event from the list of what tasks wait for, in a browser: it picks the provincial
// Party congress the plan's first task waits for, gives its date, and the page names that task with its new deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApp, password } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = resolve(here, '..', 'DonDoc.Web.Tests', 'Fixtures', 'ke-hoach-cai-cach.txt');
const artifacts = join(here, 'artifacts');
const office = 'vanphong-su-kien@e2e.vn';

let app;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startApp();
  await app.addUser(office, 'monitor');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('the office picks the event a task waits for and sees that task named with the deadline it got', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${app.url}/`);
  await page.fill('#email', office);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');

  // A published plan whose first task is due 15 days after the provincial Party congress.
  await page.click('header a:has-text("Nhập kế hoạch")');
  await page.setInputFiles('#file', fixture);
  await page.click('button:has-text("Tải lên và rà soát")');
  await page.waitForURL('**/Imports/Review/**');
  await page.fill('#plan-title', 'Kế hoạch cải cách hành chính năm 2026');
  const split = page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' });
  await split.locator('input[data-deadline]').fill('Quý IV/2026');
  await split.locator('[data-deadline-output]').filter({ hasText: '31/12/2026' }).waitFor();
  await split.locator('select').selectOption('SplitPerLead');
  await page.click('#publish');
  await page.waitForURL(/\/Plans\/\d+$/);

  // The events page lists what the tasks wait for; the office picks it instead of typing its name.
  await page.goto(`${app.url}/Events`);
  const waiting = page.locator('#awaited-events tr', { hasText: 'Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh' });
  assert.match(await waiting.textContent(), /Sự kiện/);
  assert.match(await waiting.textContent(), /Sau Đại hội Đảng bộ tỉnh 15 ngày/);
  const choice = page.locator('#awaited option', { hasText: '1 nhiệm vụ' });
  assert.match(await choice.textContent(), /Đại hội Đảng bộ tỉnh/i);
  await page.selectOption('#awaited', await choice.getAttribute('value'));
  await page.fill('#occurred', '20/11/2026');
  await page.click('form.card button:has-text("Ghi nhận")');
  await page.waitForURL(/\/Events$/);

  // The page says which task got a date, and the date.
  assert.match(await page.textContent('main'), /Đã ghi nhận\. 1 nhiệm vụ đã được xác định thời hạn\./);
  const dated = page.locator('#dated-tasks tr', { hasText: 'Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh' });
  assert.match(await dated.textContent(), /05\/12\/2026/);
  assert.match(await page.textContent('main'), /Không có nhiệm vụ nào đang chờ sự kiện hoặc điều kiện/);
  await page.screenshot({ path: join(artifacts, 'events-dated.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
