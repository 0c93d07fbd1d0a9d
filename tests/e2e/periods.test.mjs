// A month of periodic reporting in a browser, the app's clock set to each day of the story (Clock:Start): the office
// publishes a plan with the monthly cycle the review page proposes; on 23/11 Sở Nội vụ reports on time with a file; on
// 27/11 Sở Tư pháp's continuous task is overdue for the unreported November, and its report comes in late; the office
// finds both in its work queue, returns one and accepts the other, edits the narrative and downloads November's report,
// which LibreOffice opens as the Nghị định 30 layout with the period's figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startApp, password } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = resolve(here, '..', 'DonDoc.Web.Tests', 'Fixtures', 'ke-hoach-cai-cach.txt');
const artifacts = join(here, 'artifacts', 'periods');
const office = 'tonghop@e2e.vn';
const noiVu = 'noivu-ky@e2e.vn';
const tuPhap = 'tuphap-ky@e2e.vn';
const run = promisify(execFile);

let app;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startApp({ now: '2026-11-20T09:00:00+07:00' });
  await app.addUser(office, 'monitor');
  await app.addUser(noiVu, 'agency', 'Sở Nội vụ');
  await app.addUser(tuPhap, 'agency', 'Sở Tư pháp');
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

// Each person in a context of their own, signed in on the app's current day.
async function as(email, work) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
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

test('a monthly cycle: one report on time with a file, one late, one returned, one accepted, the report for November', async () => {
  let planId;
  await as(office, async (page) => {
    await page.click('header a:has-text("Nhập kế hoạch")');
    await page.setInputFiles('#file', fixture);
    await page.click('button:has-text("Tải lên và rà soát")');
    await page.waitForURL('**/Imports/Review/**');
    // The plan's own "Ngày 25 hằng tháng" reporting task makes the proposal; the office gives the agencies until the 23rd.
    assert.match(await page.textContent('#review-cycle-proposal'), /Ngày 25 hằng tháng/);
    assert.equal(await page.inputValue('#review-cycle-length'), 'Month');
    await page.fill('#review-agency-day', '23');
    await page.fill('#review-office-day', '25');
    await page.locator('tr', { hasText: 'Kiểm tra công tác văn thư' }).locator('select').selectOption('SplitPerLead');
    await page.screenshot({ path: join(artifacts, '1-review-cycle.png'), fullPage: true });
    await page.click('#publish');
    await page.waitForURL(/\/Plans\/\d+$/);
    planId = page.url().match(/\/Plans\/(\d+)$/)[1];
    await page.click('#period-reports');
    await page.waitForURL(`**/KeHoach/${planId}/BaoCaoDinhKy`);
    assert.match(await page.textContent('#period-heading'), /tháng 11\/2026/);
    assert.match(await page.textContent('main'), /Hạn các cơ quan nộp: 23\/11\/2026/);
    assert.match(await page.textContent('#period-agencies'), /Sở Tư pháp/);
  });

  // Monday 23/11: Sở Nội vụ reports on its first task with a file, on time.
  await app.restart({ now: '2026-11-23T09:00:00+07:00' });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const evidence = join(artifacts, 'anh-ra-soat.png');
  writeFileSync(evidence, png);
  await as(noiVu, async (page) => {
    await page.goto(`${app.url}/Plans/${planId}`);
    await page.click('#period-reports');
    const line = page.locator('#own-tasks tbody tr', { hasText: 'Rà soát thủ tục hành chính' });
    await line.locator('input[name=percent]').fill('70');
    await line.locator('textarea[name=progress]').fill('Đã rà soát 140 trên 200 thủ tục.');
    await line.locator('input[type=file]').setInputFiles(evidence);
    await page.fill('#results', 'Rà soát được 70% thủ tục hành chính.');
    await page.fill('#shortcomings', 'Một số sở gửi danh mục chậm.');
    await page.click('#own-report button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /Đã nộp báo cáo định kỳ/);
    assert.match(await page.textContent('#own-report'), /Nộp đúng hạn/);
    assert.equal(await page.locator('#own-tasks a', { hasText: 'anh-ra-soat.png' }).count(), 1);
    await page.screenshot({ path: join(artifacts, '2-noi-vu-submitted.png'), fullPage: true });
  });

  // Friday 27/11: Sở Tư pháp has not reported November, so its continuous task is overdue; then it reports, late.
  await app.restart({ now: '2026-11-27T09:00:00+07:00' });
  await as(tuPhap, async (page) => {
    await page.goto(`${app.url}/DonVi`);
    await page.locator('main a', { hasText: 'Tuyên truyền cải cách hành chính' }).first().click();
    await page.waitForURL(/\/Tasks\/\d+$/);
    assert.match(await page.textContent('#status'), /Quá hạn/);
    await page.goto(`${app.url}/KeHoach/${planId}/BaoCaoDinhKy`);
    await page.locator('#own-tasks tbody tr', { hasText: 'Tuyên truyền' }).locator('textarea[name=progress]').fill('Đăng 12 tin, bài trên báo tỉnh.');
    await page.fill('#results', 'Tuyên truyền đều đặn trên báo, đài.');
    await page.click('#own-report button[type=submit]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('#own-report'), /Nộp muộn/);
  });

  // The office finds both reports in its work queue: it returns Nội vụ's and accepts Tư pháp's.
  await as(office, async (page) => {
    assert.equal((await page.textContent('#work-queue-count')).trim(), '2');
    await page.click('#work-queue');
    await page.waitForURL('**/VanPhong/ViecCanXuLy');
    const queue = page.locator('#period-reports');
    assert.match(await queue.textContent(), /Sở Nội vụ[\s\S]*Nộp đúng hạn/);
    assert.match(await queue.textContent(), /Sở Tư pháp[\s\S]*Nộp muộn/);
    await page.screenshot({ path: join(artifacts, '3-work-queue.png'), fullPage: true });

    await queue.locator('tr', { hasText: 'Sở Nội vụ' }).locator('a').click();
    await page.waitForURL(/agency=\d+/);
    assert.match(await page.textContent('#opened'), /Đã rà soát 140 trên 200 thủ tục/);
    assert.equal(await page.locator('#opened a', { hasText: 'anh-ra-soat.png' }).count(), 1);
    await page.fill('#opened input[name=reason]', 'Thiếu danh mục thủ tục đề nghị bãi bỏ.');
    await page.click('#opened button[value=return]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /Đã trả lại báo cáo/);

    await page.goto(`${app.url}/VanPhong/ViecCanXuLy`);
    await page.locator('#period-reports tr', { hasText: 'Sở Tư pháp' }).locator('a').click();
    await page.waitForURL(/agency=\d+/);
    await page.click('#opened button[value=accept]');
    await page.waitForLoadState('load');
    assert.match(await page.textContent('main'), /Đã tiếp nhận báo cáo/);
    const agencies = await page.textContent('#period-agencies');
    assert.match(agencies, /Sở Nội vụ[\s\S]*Bị trả lại[\s\S]*Thiếu danh mục/);
    assert.match(agencies, /Sở Tư pháp[\s\S]*Đã tiếp nhận/);
    assert.equal(await page.locator('#work-queue-count').count(), 0);

    // The office edits the narrative, then downloads November's report in Word and Excel.
    await page.locator('summary', { hasText: 'Phần nhận định' }).click();
    await page.fill('#n-results', 'Các cơ quan triển khai đúng kế hoạch; Sở Tư pháp tuyên truyền đều đặn.');
    await page.click('form[aria-label="Nhận định báo cáo tổng hợp"] button[type=submit]');
    await page.waitForLoadState('load');
    await page.screenshot({ path: join(artifacts, '4-period.png'), fullPage: true });
    for (const [format, type] of [['docx', 'wordprocessingml'], ['xlsx', 'spreadsheetml']]) {
      const download = await page.request.get(`${app.url}/Plans/${planId}?handler=Report&period=2026-11&format=${format}`);
      assert.equal(download.status(), 200);
      assert.match(download.headers()['content-type'], new RegExp(type));
      const bytes = await download.body();
      assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
      writeFileSync(join(artifacts, `bao-cao-thang-11.${format}`), bytes);
    }
  });

  // LibreOffice opens the report: the layout's fixed lines and the period's own words and figures are there.
  // A profile of its own, so that no other LibreOffice on the machine holds the lock.
  await run('soffice', [`-env:UserInstallation=file://${join(artifacts, 'libreoffice-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', artifacts, join(artifacts, 'bao-cao-thang-11.docx')]);
  const pdf = join(artifacts, 'bao-cao-thang-11.pdf');
  assert.ok(existsSync(pdf));
  await run('pdftotext', ['-layout', pdf, join(artifacts, 'bao-cao-thang-11.txt')]);
  const text = readFileSync(join(artifacts, 'bao-cao-thang-11.txt'), 'utf8');
  // Words in order, wherever the lines of the page break them.
  const words = (phrase) => new RegExp(phrase.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+'));
  assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, words('Kết quả thực hiện Kế hoạch số 77/KH-UBND tháng 11/2026'));
  assert.match(text, words('Tính đến ngày 27/11/2026'));
  assert.match(text, words('có 7 nhiệm vụ được theo dõi'));
  assert.match(text, words('quá hạn 2 nhiệm vụ.'));
  // The office's edited narrative under "I. Kết quả thực hiện", before the tables.
  assert.match(text, /KẾT QUẢ THỰC HIỆN[\s\S]*Sở Tư pháp tuyên truyền đều đặn[\s\S]*1\. Tổng hợp chung/);
  assert.match(text, words('70% – Đã rà soát 140'));
  assert.match(text, /Nơi nhận/);
});
