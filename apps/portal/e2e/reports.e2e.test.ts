/// <reference types="node" />
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoRouteError, portalUrl, screenshot, seriousViolations, watchPageErrors } from './portal';

const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`
const LEADER = 'sam@harbourline.example'; // the demo's Harbourline Bank leader, same password

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));
}

/** Clicks a download button and answers the file's bytes and the name the browser was offered. */
async function downloadFrom(page: Page, button: string): Promise<{ bytes: Buffer; name: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { bytes: await fs.readFile(path), name: download.suggestedFilename() };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The programme report from the portal: a consultant downloads the PDF and the Excel workbook of a demo client,
 * and the client's leader downloads their own PDF from the programme page; each file is the one whose fingerprint
 * the page then lists. Under LANG=C.UTF-8, where the page size's default reads the browser's language.
 */
describe('programme reports, downloaded from the portal', () => {
  const url = portalUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser({ lang: 'C.UTF-8' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives a consultant the PDF and the workbook of a client, each with its fingerprint listed', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const errors = watchPageErrors(page);
    await signIn(page, url, DEMO.email);
    await page.getByRole('link', { name: 'Harbourline Bank' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Harbourline Bank' }).waitFor();
    const panel = page.getByRole('region', { name: 'Programme report' });
    await panel.scrollIntoViewIfNeeded();

    await panel.getByLabel('Page size').selectOption('A4');
    const pdf = await downloadFrom(page, 'Download PDF');
    expect(pdf.bytes.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(pdf.name).toMatch(/^harbourline-bank-programme-report-\d{4}-\d{2}-\d{2}\.pdf$/);
    await panel.getByText(sha256(pdf.bytes)).waitFor();

    const workbook = await downloadFrom(page, 'Download Excel workbook');
    // An XLSX is a zip: it starts with the local file header's signature.
    expect(workbook.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(workbook.name).toMatch(/\.xlsx$/);
    await panel.getByText(sha256(workbook.bytes)).waitFor();

    await panel.getByLabel('Section as CSV').selectOption('MILESTONES');
    const csv = await downloadFrom(page, 'Download CSV');
    expect(csv.name).toMatch(/-milestones-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.bytes.toString('utf8')).toContain('Milestone');

    await screenshot(page, 'programme-report-panel');
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoRouteError(page);
    expect(errors).toEqual([]);
  });

  it('gives the client leader their own programme’s PDF', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page, url, LEADER);
    await page.getByRole('heading', { level: 1, name: 'Harbourline Bank' }).waitFor();
    const panel = page.getByRole('region', { name: 'Programme report' });
    await panel.waitFor();
    const pdf = await downloadFrom(page, 'Download PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await panel.getByText(sha256(pdf.bytes)).waitFor();
  });
});
