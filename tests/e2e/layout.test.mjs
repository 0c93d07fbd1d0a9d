// Every page that the office, a leader, an agency officer and the administrator open, at 1366 px and at a
// phone's 390 px, over a realistic plan (nine Roman sections with long headings, ~40 tasks, a coordinator
// cell "Các Sở, ban, ngành" that stands for every department): nothing wider than the screen, one h1,
// every form control labelled for a screen reader, no English words on the Vietnamese pages, the status
// colours at WCAG AA. The height of every page is written to artifacts/layout-heights.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApp, password, adminEmail } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');
const office = 'bo-cuc@e2e.vn';
const leader = 'lanh-dao@e2e.vn';
const officer = 'can-bo-noi-vu@e2e.vn';
const widths = [1366, 390];

// Deadlines around today, so that the plan always has tasks overdue, due soon and later.
function day(offset) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

const year = new Date().getUTCFullYear();
const sections = [
  ['I', 'HOÀN THIỆN THỂ CHẾ, CƠ CHẾ, CHÍNH SÁCH VỀ CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030'],
  ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG'],
  ['III', 'SẮP XẾP TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC TINH GỌN, HOẠT ĐỘNG HIỆU LỰC, HIỆU QUẢ SAU KHI THỰC HIỆN CHÍNH QUYỀN ĐỊA PHƯƠNG HAI CẤP'],
  ['IV', 'XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC ĐÁP ỨNG YÊU CẦU NHIỆM VỤ TRONG TÌNH HÌNH MỚI'],
  ['V', 'CẢI CÁCH TÀI CHÍNH CÔNG, QUẢN LÝ VÀ SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC, TÀI SẢN CÔNG TIẾT KIỆM, HIỆU QUẢ, CHỐNG LÃNG PHÍ'],
  ['VI', 'XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ VÀ BẢO ĐẢM AN TOÀN, AN NINH THÔNG TIN MẠNG'],
  ['VII', 'CÔNG TÁC THÔNG TIN, TUYÊN TRUYỀN VỀ CẢI CÁCH HÀNH CHÍNH VÀ CHUYỂN ĐỔI SỐ ĐẾN NGƯỜI DÂN, DOANH NGHIỆP'],
  ['VIII', 'KIỂM TRA, GIÁM SÁT VIỆC THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG'],
  ['IX', 'CHẾ ĐỘ THÔNG TIN, BÁO CÁO VÀ TỔ CHỨC THỰC HIỆN KẾ HOẠCH'],
];
const leads = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Văn phòng UBND tỉnh', 'Sở Khoa học và Công nghệ'];
const works = [
  'Rà soát, đề xuất sửa đổi các quy định về phân cấp, ủy quyền giải quyết thủ tục hành chính',
  'Xây dựng bộ chỉ số đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính',
  'Tổ chức tập huấn nghiệp vụ cho công chức làm việc tại bộ phận một cửa các cấp',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
  'Đánh giá tình hình thực hiện và đề xuất giải pháp tháo gỡ khó khăn, vướng mắc',
];
const deadlines = [day(-60), day(3), day(200), 'Thường xuyên', 'Ngày 25 hằng tháng', day(-10), 'Quý IV/' + (year + 1)];
const longWork = 'Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh xây dựng, ban hành Kế hoạch triển khai thực hiện '
  + 'các nhiệm vụ, giải pháp trọng tâm về cải cách hành chính, chuyển đổi số gắn với Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử '
  + 'phục vụ chuyển đổi số quốc gia trên địa bàn tỉnh, bảo đảm đồng bộ, thống nhất, hiệu quả, đúng tiến độ theo chỉ đạo của Chính phủ, Thủ tướng Chính phủ';

function planText() {
  const lines = [
    'ỦY BAN NHÂN DÂN TỈNH',
    'PHỤ LỤC',
    `Danh mục nhiệm vụ cải cách hành chính và chuyển đổi số năm ${year} (Kèm theo Kế hoạch số 91/KH-UBND ngày 20/01/${year} của Ủy ban nhân dân tỉnh)`,
    '',
    'TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm',
  ];
  let n = 0;
  for (const [index, [id, heading]] of sections.entries()) {
    lines.push(`${id}\t${heading}\t\t\t\t`);
    for (let i = 1; i <= (index % 2 === 0 && id !== 'IX' ? 5 : 4); i++, n++) {
      const content = n === 0 ? longWork : `${works[n % works.length]} (lĩnh vực ${id}, nội dung ${i})`;
      const coordinator = n % 3 === 2 ? 'Sở Tư pháp' : 'Các Sở, ban, ngành';
      lines.push(`${i}\t${content}\t${leads[n % leads.length]}\t${coordinator}\t${deadlines[n % deadlines.length]}\tBáo cáo kết quả thực hiện; văn bản đề xuất`);
    }
  }
  return lines.join('\n') + '\n';
}

let app;
let browser;
const heights = [];
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startApp();
  await app.addUser(office, 'monitor');
  await app.addUser(leader, 'leader');
  await app.addUser(officer, 'agency', 'Sở Nội vụ');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  writeFileSync(join(artifacts, 'layout-heights.json'), JSON.stringify(heights, null, 2));
  await browser?.close();
  await app?.stop();
});

async function signIn(page, email) {
  await page.goto(`${app.url}/Account/Login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
}

// English words that a Vietnamese page must not show (the UI's own words; plan text here is Vietnamese).
const english = /(?<![\p{L}\p{N}])(the|and|of|to|with|Submit|Save|Cancel|Delete|Edit|Search|Next|Previous|Page|Error|Loading|Status|Overdue|Done|Due|Task|Plan|Home|Login|Logout|Settings|Select|None|true|false|null|undefined|NaN)(?![\p{L}\p{N}])/u;

// What every page must pass, measured in the page itself.
async function inspect(page) {
  return page.evaluate((englishSource) => {
    const scroller = document.scrollingElement;
    const labelled = (el) => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const ids = el.getAttribute('aria-labelledby');
      if (ids && ids.split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim())) return true;
      if ([...(el.labels ?? [])].some((l) => l.textContent.trim())) return true;
      if (el.getAttribute('title')?.trim()) return true;
      if (el.tagName === 'BUTTON') return el.textContent.trim().length > 0;
      if (el.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type)) return !!el.value.trim();
      return false;
    };
    const controls = [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => el.type !== 'hidden');
    const unlabelled = controls.filter((el) => !labelled(el)).map((el) => el.outerHTML.slice(0, 120));
    const wide = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.offsetParent !== null && !el.closest('.table-wrap'))
      .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
    const scrolling = [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${w.querySelector('table')?.id || w.querySelector('table')?.className || 'table'} ${w.scrollWidth}>${w.clientWidth}`);
    // Status colours: text on its background at WCAG AA (4.5:1).
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = [...document.querySelectorAll('.colour:not(.swatch)')].map((el) => {
      const s = getComputedStyle(el);
      const [a, b] = [luminance(s.color), luminance(s.backgroundColor)].sort((x, y) => y - x);
      return { text: el.textContent.trim(), ratio: (a + 0.05) / (b + 0.05) };
    }).filter((c) => c.ratio < 4.5);
    const text = document.body.innerText;
    const englishWord = text.match(new RegExp(englishSource, 'u'));
    return {
      width: scroller.scrollWidth,
      height: scroller.scrollHeight,
      h1: document.querySelectorAll('h1').length,
      lang: document.documentElement.lang,
      unlabelled,
      wide,
      scrolling,
      contrast,
      english: englishWord ? text.slice(Math.max(0, englishWord.index - 30), englishWord.index + 30) : null,
    };
  }, english.source);
}

async function visit(page, role, name, url, viewport) {
  const response = await page.goto(url);
  const found = await inspect(page);
  heights.push({ role, page: name, viewport, height: found.height, width: found.width });
  const where = `${role} ${name} at ${viewport} px`;
  if (response.status() >= 400) problems.push(`${where}: HTTP ${response.status()}`);
  if (found.width > viewport) problems.push(`${where}: ${found.width} px wide (${found.wide.join(', ')})`);
  if (viewport === 1366 && found.scrolling.length > 0) problems.push(`${where}: a table scrolls sideways (${found.scrolling.join(', ')})`);
  if (found.h1 !== 1) problems.push(`${where}: ${found.h1} h1`);
  if (found.lang !== 'vi') problems.push(`${where}: lang="${found.lang}"`);
  if (found.unlabelled.length > 0) problems.push(`${where}: controls without a label: ${found.unlabelled.join(' | ')}`);
  if (found.contrast.length > 0) problems.push(`${where}: status colours below 4.5:1: ${JSON.stringify(found.contrast.slice(0, 3))}`);
  if (found.english) problems.push(`${where}: English text "${found.english}"`);
  // The first screen of each page on a phone, to look at.
  if (viewport === 390) await page.screenshot({ path: join(artifacts, `layout-${role}-${name}-${viewport}.png`) });
  return found;
}

async function tour(role, pages) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, role === 'admin' ? adminEmail : { office, leader, officer }[role]);
  for (const viewport of widths) {
    await page.setViewportSize({ width: viewport, height: 900 });
    for (const [name, url] of pages) await visit(page, role, name, `${app.url}${url}`, viewport);
  }
  check(errors.length === 0, `${role}: script errors ${errors.join('; ')}`);
  await context.close();
}

test('every page of every role fits 1366 px and 390 px, is labelled for screen readers and speaks Vietnamese', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());

  // The office imports the plan; the draft's review page is measured before it is published.
  const file = join(artifacts, 'ke-hoach-bo-cuc.txt');
  writeFileSync(file, planText());
  await signIn(page, office);
  await page.goto(`${app.url}/Imports/New`);
  await page.setInputFiles('#file', file);
  await page.click('button:has-text("Tải lên và rà soát")');
  await page.waitForURL('**/Imports/Review/**');
  const review = new URL(page.url()).pathname;
  const rows = await page.locator('#review-form tbody textarea[aria-label="Nội dung"]').count();
  assert.equal(rows, 40, `the review page shows ${rows} task rows`);
  // Section headings are shown in the review table, not bare "I.", "II.".
  const reviewText = await page.textContent('#review-form');
  check(/CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO CHẤT LƯỢNG PHỤC VỤ/.test(reviewText), 'the review table shows the section headings');
  for (const viewport of widths) {
    await page.setViewportSize({ width: viewport, height: 900 });
    await visit(page, 'office', 'review', `${app.url}${review}`, viewport);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${app.url}${review}`);
  await page.click('#publish');
  await page.waitForURL(/\/Plans\/\d+$/);
  const plan = new URL(page.url()).pathname;

  // Sections in the document's order, with short labels.
  const options = await page.locator('select[name=section] option').evaluateAll((o) => o.map((x) => x.textContent.trim()));
  check(options.slice(1).map((o) => o.split('.')[0]).join(' ') === sections.map(([id]) => id).join(' '), `sections in the document's order: ${options.slice(1).map((o) => o.split('.')[0]).join(' ')}`);
  check(options.every((o) => o.length <= 60), `short section labels: ${options.find((o) => o.length > 60)}`);

  // A coordinator group is shown as printed, its members on demand.
  const groupCell = page.locator('table.tasks td[data-label="Phối hợp"]').first();
  const groupText = await groupCell.textContent();
  check(/Các Sở, ban, ngành/.test(groupText), `the coordinator group shown as printed: ${groupText.slice(0, 80)}`);
  check(await groupCell.locator('details').count() === 1, 'the group\'s members are behind a <details>');
  const shown = (await groupCell.innerText()).trim();
  check(shown.length < 40, `the group cell shows the group, its members folded: "${shown}"`);

  // The task page's heading is short; the whole text is below it.
  await page.click(`table.tasks a:has-text("${longWork.slice(0, 40)}")`);
  await page.waitForURL(/\/Tasks\/\d+$/);
  const task = new URL(page.url()).pathname;
  const heading = (await page.textContent('h1')).trim();
  check(heading.length <= 110, `the task heading is ${heading.length} characters`);
  check((await page.textContent('main')).includes(longWork.slice(-60)), 'the task page shows the whole content');
  const search = `/Search?q=${encodeURIComponent('số hóa hồ sơ')}`;

  // The dashboard: figures first, each a link to the tasks it counts.
  await page.goto(`${app.url}/Dashboard`);
  const firstSection = await page.evaluate(() => document.querySelector('main h2')?.textContent ?? '');
  const cardLinks = await page.locator('#cards a').count();
  check(cardLinks >= 5, `${cardLinks} figures on the dashboard are links`);
  check(!/quá hạn/i.test(firstSection), `the dashboard opens with its figures, not a list ("${firstSection}")`);
  const overdueLink = page.locator('#cards a[data-card=red]');
  if (await overdueLink.count() === 1) {
    const overdueCount = Number((await overdueLink.locator('.big').textContent()).replace(/\D/g, ''));
    await overdueLink.click();
    await page.waitForLoadState('load');
    const listed = await page.locator('table.tasks tbody tr').count();
    check(overdueCount > 0 && listed === Math.min(overdueCount, 50), `the overdue figure (${overdueCount}) links to its tasks (${listed} listed)`);
  }
  await page.close();

  const common = [['plans', '/?list=1'], ['plan', plan], ['task', task], ['search', search], ['notifications', '/Notifications'], ['profile', '/HoSo'], ['password', '/Account/ChangePassword']];
  await tour('office', [['home', '/'], ...common, ['dashboard', '/Dashboard'], ['queue', '/VanPhong/ViecCanXuLy'], ['import', '/Imports/New'], ['events', '/Events'], ['overdue', '/Reminders/Overdue']]);
  await tour('leader', [['home', '/'], ...common, ['dashboard', '/Dashboard']]);
  await tour('officer', [['home', '/DonVi'], ...common]);
  await tour('admin', [['home', '/'], ['plans', '/?list=1'], ['users', '/Admin/Users'], ['agencies', '/Admin/Agencies'], ['calendar', '/Admin/Calendar'],
    ['api-keys', '/Admin/ApiKeys'], ['webhooks', '/Admin/Webhooks'], ['reminders', '/Admin/Reminders'], ['outbox', '/Admin/Outbox'], ['profile', '/HoSo']]);

  // The officer's page: what needs action first, the group cell as printed, and short enough to read.
  await context.close();
  const officerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const officerPage = await officerContext.newPage();
  await signIn(officerPage, officer);
  await officerPage.goto(`${app.url}/DonVi`);
  check(((await officerPage.locator('main h2').first().textContent({ timeout: 5000 }).catch(() => '')) ?? '').trim().startsWith('Cần xử lý'), 'the officer page opens with "Cần xử lý"');
  check(await officerPage.locator('td[data-label="Phối hợp"] details').count() > 0, 'the officer page shows coordinator groups as printed');
  await officerContext.close();

  console.log(heights.map((h) => `${h.role.padEnd(8)} ${h.page.padEnd(14)} ${String(h.viewport).padStart(4)} px: ${h.height} px tall`).join('\n'));
  assert.deepEqual(problems, []);
});

test('the sign-in page fits a phone and labels its fields', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}/Account/Login`);
  const found = await inspect(page);
  await page.close();
  assert.ok(found.width <= 390, `${found.width} px wide`);
  assert.equal(found.h1, 1);
  assert.deepEqual(found.unlabelled, []);
  assert.equal(found.english, null);
});
