// The review page in a browser: the reviewer splits, merges, adds and deletes rows of a draft, sees every
// failure to fix before publishing, and publishes once they are fixed.
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
const office = 'ra-soat@e2e.vn';

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

const contents = (page) => page.locator('#review-form tbody textarea[aria-label="Nội dung"]').evaluateAll((boxes) => boxes.map((b) => b.value));
const row = (page, text) => page.locator('#review-form tbody tr').filter({ has: page.locator(`textarea[aria-label="Nội dung"]:text-is("${text}")`) });

test('the reviewer splits, merges, adds and deletes rows, sees what blocks publishing, then publishes', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (dialog) => dialog.accept());

  await page.goto(`${app.url}/`);
  await page.fill('#email', office);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
  await page.click('header a:has-text("Nhập kế hoạch")');
  await page.setInputFiles('#file', fixture);
  await page.click('button:has-text("Tải lên và rà soát")');
  await page.waitForURL('**/Imports/Review/**');
  const review = page.url().split('#')[0];
  assert.equal((await contents(page)).length, 6);
  // The two-lead row is listed among what blocks publishing.
  assert.match(await page.textContent('#blocking'), /Có 2 cơ quan chủ trì/);

  // Split where the caret stands.
  const original = 'Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết';
  const box = row(page, original).locator('textarea[aria-label="Nội dung"]');
  await box.evaluate((b) => { b.focus(); b.setSelectionRange(26, 26); });
  await row(page, original).locator('button[data-split]').click();
  await page.waitForLoadState('load');
  let now = await contents(page);
  assert.deepEqual(now.slice(0, 2), ['Rà soát thủ tục hành chính', 'thuộc thẩm quyền giải quyết']);
  assert.match(await page.textContent('main'), /Đã tách thành hai dòng nhiệm vụ/);

  // Merge them back.
  await row(page, 'Rà soát thủ tục hành chính').locator('button:has-text("Gộp dưới")').click();
  await page.waitForLoadState('load');
  now = await contents(page);
  assert.equal(now.length, 6);
  assert.equal(now[0], original);

  // Add a blank row below the third: it is a failure to fix until it has content and a lead.
  await row(page, 'Báo cáo tình hình thực hiện kế hoạch').locator('button:has-text("Thêm dưới")').click();
  await page.waitForLoadState('load');
  now = await contents(page);
  assert.equal(now.length, 7);
  assert.equal(now[3], '');
  assert.match(await page.textContent('#blocking'), /Nội dung nhiệm vụ đang trống/);
  const added = page.locator('#review-form tbody tr[data-row]').nth(3);
  await added.locator('textarea[aria-label="Nội dung"]').fill('Tổng kết công tác cải cách hành chính năm 2026');
  await added.locator('textarea[aria-label="Cơ quan chủ trì"]').fill('Sở Nội vụ');
  await added.locator('input[data-deadline]').fill('31/02/2026');
  await page.click('button:has-text("Lưu thay đổi")');
  await page.waitForLoadState('load');
  assert.match(await page.textContent('#blocking'), /Chưa hiểu được thời hạn "31\/02\/2026"/);
  assert.doesNotMatch(await page.textContent('#blocking'), /Nội dung nhiệm vụ đang trống/);

  // Publishing is refused while something blocks it.
  await page.click('#publish');
  await page.waitForLoadState('load');
  assert.match(await page.textContent('#review-error'), /Chưa thể ban hành/);
  await page.screenshot({ path: join(artifacts, 'review-blocked.png'), fullPage: true });

  // Delete the added row (the page asks first), settle the two leads, publish.
  await row(page, 'Tổng kết công tác cải cách hành chính năm 2026').locator('button[data-delete]').click();
  await page.waitForLoadState('load');
  assert.equal((await contents(page)).length, 6);
  await page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('select').selectOption('SplitPerLead');
  await page.click('#publish');
  await page.waitForURL(/\/Plans\/\d+$/);
  assert.match(await page.textContent('main'), /7 nhiệm vụ đã được giao/);
  assert.notEqual(page.url(), review);

  assert.deepEqual(errors, []);
  await context.close();
});
