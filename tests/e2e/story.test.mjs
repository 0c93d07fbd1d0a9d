// The whole story in a browser: the monitoring office imports a plan through the review page and
// publishes it; an agency officer sees only its tasks, reports progress with a file and reports one
// done; the office accepts it; the dashboard shows it done on time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApp, password } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = resolve(here, '..', 'DonDoc.Web.Tests', 'Fixtures', 'ke-hoach-cai-cach.txt');
const artifacts = join(here, 'artifacts');
const office = 'vanphong@e2e.vn';
const noiVu = 'noivu@e2e.vn';

let app;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startApp();
  await app.addUser(office, 'monitor');
  await app.addUser(noiVu, 'agency', 'Sở Nội vụ');
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

async function signIn(page, email) {
  await page.goto(`${app.url}/`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
}

async function signOut(page) {
  await page.click('header button:has-text("Đăng xuất")');
  await page.waitForURL('**/Account/Login');
}

test('the office imports, reviews and publishes; the agency reports; the office accepts; the dashboard shows it done on time', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The office uploads the plan file.
  await signIn(page, office);
  await page.click('header a:has-text("Nhập kế hoạch")');
  await page.setInputFiles('#file', fixture);
  await page.click('button:has-text("Tải lên và rà soát")');
  await page.waitForURL('**/Imports/Review/**');
  assert.match(await page.textContent('main'), /Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết/);
  assert.match(await page.textContent('main'), /Có 2 cơ quan chủ trì/);

  // The reviewer corrects the title and a deadline, and sees the deadline understood as it is typed.
  await page.fill('#plan-title', 'Kế hoạch cải cách hành chính năm 2026');
  const deadline = page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('input[data-deadline]');
  await deadline.fill('Quý IV/2026');
  const output = page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('[data-deadline-output]');
  await output.filter({ hasText: '31/12/2026' }).waitFor();
  assert.match(await output.textContent(), /Cuối kỳ: hạn 31\/12\/2026/);

  // The two leads become one task each; then publish.
  await page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('select').selectOption('SplitPerLead');
  await page.screenshot({ path: join(artifacts, '1-review.png'), fullPage: true });
  await page.click('#publish');
  await page.waitForURL(/\/Plans\/\d+$/);
  const planUrl = page.url();
  assert.match(await page.textContent('main'), /7 nhiệm vụ đã được giao/);
  assert.match(await page.textContent('h1'), /Kế hoạch cải cách hành chính năm 2026/);
  assert.equal(await page.locator('table.tasks tbody tr').count(), 7);
  await signOut(page);

  // The agency officer lands on its own tasks and sees no other agency's.
  await signIn(page, noiVu);
  await page.waitForURL('**/DonVi');
  const home = await page.textContent('main');
  assert.match(home, /Nhiệm vụ của đơn vị: Sở Nội vụ/);
  assert.match(home, /Rà soát thủ tục hành chính/);
  assert.match(home, /Kiểm tra công tác văn thư/);
  assert.doesNotMatch(home, /Báo cáo tình hình thực hiện kế hoạch/);
  await page.screenshot({ path: join(artifacts, '2-agency-home.png'), fullPage: true });

  // Progress with a file, then the report that the task is done.
  await page.locator('main table.tasks a', { hasText: 'Kiểm tra công tác văn thư' }).first().click();
  await page.waitForURL(/\/Tasks\/\d+$/);
  const taskUrl = page.url();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  writeFileSync(join(artifacts, 'anh-kiem-tra.png'), png);
  await page.fill('#percent', '50');
  await page.fill('#summary', 'Đã kiểm tra 6/12 cơ quan');
  await page.setInputFiles('#files', join(artifacts, 'anh-kiem-tra.png'));
  await page.click('#progress-form button[type=submit]');
  await page.waitForLoadState('load');
  assert.match(await page.textContent('main'), /Đã gửi báo cáo/);
  assert.match(await page.textContent('.report'), /Đã kiểm tra 6\/12 cơ quan/);
  assert.equal(await page.locator('.report a', { hasText: 'anh-kiem-tra.png' }).count(), 1);

  await page.fill('#completion-summary', 'Đã kiểm tra đủ 12 cơ quan; biên bản kèm theo');
  await page.setInputFiles('#completion-files', join(artifacts, 'anh-kiem-tra.png'));
  await page.click('#completion-form button[type=submit]');
  await page.waitForLoadState('load');
  assert.match(await page.textContent('main'), /chờ văn phòng xác nhận/);
  await page.screenshot({ path: join(artifacts, '3-reported.png'), fullPage: true });
  await signOut(page);

  // The office sees the completion waiting in its work queue, counted in the menu, and accepts it there;
  // the task is green, and the dashboard counts it done on time.
  await signIn(page, office);
  assert.equal((await page.textContent('#work-queue-count')).trim(), '1');
  await page.click('#work-queue');
  await page.waitForURL('**/VanPhong/ViecCanXuLy');
  assert.match(await page.textContent('#completions'), /Đã kiểm tra đủ 12 cơ quan/);
  await page.screenshot({ path: join(artifacts, '4-work-queue.png'), fullPage: true });
  await page.click('#completions button[value=accept]');
  await page.waitForLoadState('load');
  assert.match(await page.textContent('main'), /Đã xác nhận hoàn thành/);
  assert.equal(await page.locator('#work-queue-count').count(), 0);
  await page.goto(taskUrl);
  assert.equal((await page.textContent('#status')).trim(), 'Hoàn thành đúng hạn');
  await page.click('header a:has-text("Tổng hợp")');
  await page.waitForURL('**/Dashboard');
  assert.equal((await page.textContent('#bucket-done')).trim(), '1');
  assert.match(await page.textContent('[data-colour=green]'), /Hoàn thành đúng hạn: 1/);
  assert.match(await page.locator('#ranking tbody tr').first().textContent(), /Sở Nội vụ/);
  await page.screenshot({ path: join(artifacts, '4-dashboard.png'), fullPage: true });

  // And on a phone the plan list still fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [url, shot] of [[`${app.url}/?list=1`, '5-phone-plans.png'], [planUrl, '6-phone-plan.png'], [taskUrl, '7-phone-task.png'], [`${app.url}/VanPhong/ViecCanXuLy`, '8-phone-work-queue.png'], [`${app.url}/Dashboard`, '9-phone-dashboard.png']]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${url} is ${overflow}px wider than a phone screen`);
    await page.screenshot({ path: join(artifacts, shot), fullPage: true });
  }

  assert.deepEqual(errors, []);
  await context.close();
});

test('the sign-in page loads with its icon and style and asks for nothing that is missing', async () => {
  const page = await browser.newPage();
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${app.url}/Account/Login`);
  const icon = await page.request.get(`${app.url}/favicon.ico`);
  const bytes = await icon.body();
  await page.close();
  assert.equal(icon.status(), 200);
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0]);
  assert.deepEqual(missing, []);
});
