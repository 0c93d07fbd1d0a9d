// The office's day in a browser, on 20/11/2026 (Clock:Start): an account bound to an agency by its exact name or
// refused; a plan that requires evidence, so a completion without a file is refused; an extension request and its
// audit line; the work queue with completions, extensions and waiting tasks counted in the menu; a published task
// edited with a reason and its lead reassigned; the plan's and the agency's tasks exported to Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApp, password, adminEmail } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = resolve(here, '..', 'DonDoc.Web.Tests', 'Fixtures', 'ke-hoach-cai-cach.txt');
const artifacts = join(here, 'artifacts', 'office');
const office = 'vanphong-ngay@e2e.vn';
const noiVu = 'noivu-ngay@e2e.vn';

let app;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startApp({ now: '2026-11-20T09:00:00+07:00' });
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

async function as(email, work) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
  try {
    await work(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
}

test('an account is bound to the agency named exactly, or refused with nothing created', async () => {
  // The command line refuses a name the directory does not hold, as the page does.
  await assert.rejects(() => app.addUser('hoaphu@e2e.vn', 'agency', 'UBND xã Hòa Phú'));
  await as(adminEmail, async (page) => {
    await page.goto(`${app.url}/Admin/Users`);
    await page.fill('#email', 'hoaphu@e2e.vn');
    await page.selectOption('#role', 'agency');
    await page.fill('#agency', 'UBND xã Hòa Phú');
    await page.fill('#password', 'Mat-khau-Tam-2026');
    await page.click('form[action*=Create] button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('[role=alert]'), /UBND xã Hòa Phú/);
    assert.doesNotMatch(await page.textContent('main table'), /hoaphu@e2e\.vn/);

    await page.fill('#email', 'tuphap-ngay@e2e.vn');
    await page.selectOption('#role', 'agency');
    await page.fill('#agency', 'Sở Tư pháp');
    await page.fill('#password', 'Mat-khau-Tam-2026');
    await page.click('form[action*=Create] button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /Đã thêm tài khoản tuphap-ngay@e2e\.vn/);
    const row = page.locator('main table tr', { hasText: 'tuphap-ngay@e2e.vn' });
    assert.equal(await row.locator('input[name=agency]').inputValue(), 'Sở Tư pháp');
    await page.screenshot({ path: join(artifacts, '1-users.png'), fullPage: true });
  });
});

test('evidence required, an extension and its audit line, the work queue, an edit with a reason, Excel of the tasks', async () => {
  let planUrl;
  await as(office, async (page) => {
    await page.click('header a:has-text("Nhập kế hoạch")');
    await page.setInputFiles('#file', fixture);
    await page.click('button:has-text("Tải lên và rà soát")');
    await page.waitForURL('**/Imports/Review/**');
    await page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('select').selectOption('SplitPerLead');
    await page.click('#publish');
    await page.waitForURL(/\/Plans\/\d+$/);
    planUrl = page.url();
    // The plan requires evidence for completion.
    await page.selectOption('#requires-evidence', 'true');
    await page.click('form[aria-label="Yêu cầu tài liệu kiểm chứng"] button[type=submit]');
    await page.waitForLoadState('load');
    assert.equal((await page.textContent('#requires-evidence-now')).trim(), 'có');
  });

  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const evidence = join(artifacts, 'bien-ban.png');
  writeFileSync(evidence, png);
  await as(noiVu, async (page) => {
    // The completion form says a file is needed; sent without one (as a script could), it is refused and nothing changes.
    await page.locator('main a', { hasText: 'Kiểm tra công tác văn thư' }).first().click();
    await page.waitForURL(/\/Tasks\/\d+$/);
    assert.match(await page.textContent('#evidence-required'), /yêu cầu tài liệu kiểm chứng/);
    await page.fill('#completion-summary', 'Đã kiểm tra 12 cơ quan.');
    await page.evaluate(() => document.querySelector('#completion-files').removeAttribute('required'));
    await page.click('#completion-form button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('[role=alert]'), /tài liệu kiểm chứng/);
    await page.fill('#completion-summary', 'Đã kiểm tra 12 cơ quan.');
    await page.setInputFiles('#completion-files', evidence);
    await page.click('#completion-form button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /chờ văn phòng xác nhận/);

    // An extension of the review of procedures, due 30/06/2026 and overdue.
    await page.goto(`${app.url}/DonVi`);
    await page.locator('main a', { hasText: 'Rà soát thủ tục hành chính' }).first().click();
    await page.waitForURL(/\/Tasks\/\d+$/);
    await page.fill('#new-due', '31/12/2026');
    await page.fill('#extension-reason', 'Chờ danh mục thủ tục của các bộ.');
    await page.click('form[action*=Extension] button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /Đã gửi đề nghị gia hạn/);
    const audit = await page.textContent('table.audit');
    assert.match(audit, /Đề nghị gia hạn/);
    assert.match(audit, /30\/06\/2026/);
    assert.doesNotMatch(audit, /→ —/);

    // The agency's own tasks in Excel.
    const agencyExcel = await page.request.get(`${app.url}/DonVi?handler=Export`);
    assert.equal(agencyExcel.status(), 200);
    assert.match(agencyExcel.headers()['content-type'], /spreadsheetml/);
    assert.deepEqual([...(await agencyExcel.body()).subarray(0, 2)], [0x50, 0x4b]);
  });

  await as(office, async (page) => {
    // The queue: one completion and one extension to decide (the menu's count), and the task waiting for the congress.
    assert.equal((await page.textContent('#work-queue-count')).trim(), '2');
    await page.click('#work-queue');
    await page.waitForURL('**/VanPhong/ViecCanXuLy');
    assert.match(await page.textContent('#completions'), /Đã kiểm tra 12 cơ quan/);
    assert.match(await page.textContent('#extensions'), /31\/12\/2026[\s\S]*Chờ danh mục thủ tục/);
    assert.match(await page.textContent('#waiting'), /Quán triệt Nghị quyết Đại hội/);
    await page.screenshot({ path: join(artifacts, '2-work-queue.png'), fullPage: true });
    await page.click('#extensions button[value=approve]');
    await page.waitForLoadState('load');
    await page.click('#completions button[value=accept]');
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#work-queue-count').count(), 0);

    // The office edits a published task: new wording and a new lead, with a reason, in the audit trail.
    await page.goto(planUrl);
    await page.locator('table.tasks a', { hasText: 'Số hóa hồ sơ lưu trữ lịch sử' }).first().click();
    await page.waitForURL(/\/Tasks\/\d+$/);
    await page.fill('#edit-content', 'Số hóa hồ sơ lưu trữ lịch sử giai đoạn 1975-2000');
    await page.fill('#edit-lead', 'Sở Nội vụ');
    // The old coordinator leads now; the old lead coordinates.
    await page.fill('#edit-coordinators', 'Sở Tài chính');
    await page.fill('#edit-reason', 'Điều chỉnh theo Quyết định số 12/QĐ-UBND.');
    await page.click('#edit-form button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /giai đoạn 1975-2000/);
    const edited = await page.textContent('table.audit');
    assert.match(edited, /Cơ quan chủ trì: Sở Tài chính → Sở Nội vụ/);
    assert.match(edited, /Điều chỉnh theo Quyết định số 12\/QĐ-UBND/);
    await page.screenshot({ path: join(artifacts, '3-edited.png'), fullPage: true });

    // The plan's tasks in Excel.
    const planExcel = await page.request.get(`${planUrl}?handler=Tasks`);
    assert.equal(planExcel.status(), 200);
    assert.match(planExcel.headers()['content-type'], /spreadsheetml/);
    assert.deepEqual([...(await planExcel.body()).subarray(0, 2)], [0x50, 0x4b]);
  });

  // Sở Nội vụ now leads the edited task and learns of the change in its notifications.
  await as(noiVu, async (page) => {
    assert.match(await page.textContent('main'), /giai đoạn 1975-2000/);
    await page.goto(`${app.url}/Notifications`);
    assert.match(await page.textContent('main'), /Số hóa hồ sơ lưu trữ lịch sử/);
  });
});
