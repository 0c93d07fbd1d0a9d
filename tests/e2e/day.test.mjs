// The officer's day on a phone (390 px wide): the user guide from the header, the forgotten-password
// page from the sign-in page, the favicon every page asks for, the calendar of deadlines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startApp, password } from './app.mjs';

const officer = 'canbo@e2e.vn';

let app;
let browser;

before(async () => {
  app = await startApp();
  await app.addUser(officer, 'agency', 'Sở Tư pháp');
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

async function phone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Whether the page is wider than the screen (a horizontal scroll bar). */
async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

test('an officer opens the guide from the header on a phone and reads their own role first', async () => {
  const { context, page, errors } = await phone();
  await page.goto(`${app.url}/`);
  await page.fill('#email', officer);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');

  await page.click('#guide-link');
  await page.waitForURL('**/HuongDan');
  const first = await page.locator('section.guide').first().getAttribute('id');
  const heading = await page.locator('section.guide h2').first().textContent();

  assert.equal(first, 'can-bo-don-vi');
  assert.equal(heading, 'Cán bộ đơn vị');
  assert.match(await page.locator('#profile-link').textContent(), /canbo/);
  assert.equal(await overflows(page), false, 'the guide is wider than a 390 px screen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sign-in page leads to the forgotten-password page, which says to ask the administrator without a mail server', async () => {
  const { context, page, errors } = await phone();
  await page.goto(`${app.url}/Account/Login`);
  await page.click('#forgot-password');
  await page.waitForURL('**/Account/ForgotPassword');
  const icon = await page.request.get(`${app.url}/favicon.ico`);

  assert.match(await page.locator('#ask-administrator').textContent(), /quản trị hệ thống/);
  assert.equal(await page.locator('#forgot-form').count(), 0);
  assert.equal(await overflows(page), false, 'the page is wider than a 390 px screen');
  assert.equal(icon.status(), 200);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the calendar of deadlines shows the week list on a phone, the month grid left out, and moves week by week', async () => {
  const { context, page, errors } = await phone();
  await page.goto(`${app.url}/Account/Login`);
  await page.fill('#email', officer);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');

  await page.click('#calendar-link');
  await page.waitForURL('**/LichHan');
  const firstWeek = await page.locator('#week-heading').textContent();
  const days = await page.locator('.week-list .week-day').count();
  const gridShown = await page.locator('.month-grid').isVisible();
  const wide = await overflows(page);
  await page.click('#next-week');
  await page.waitForLoadState('load');
  const nextWeek = await page.locator('#week-heading').textContent();

  assert.equal(days, 7);
  assert.equal(gridShown, false, 'the month grid is shown on a 390 px screen');
  assert.equal(wide, false, 'the calendar is wider than a 390 px screen');
  assert.match(await page.locator('#calendar-title').textContent(), /Sở Tư pháp/);
  assert.notEqual(nextWeek, firstWeek);
  assert.deepEqual(errors, []);
  await context.close();
});
