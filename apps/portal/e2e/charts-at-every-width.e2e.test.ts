import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoRouteError, graphql, portalUrl, screenshot, watchPageErrors } from './portal';

const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`
const LEADER = 'sam@harbourline.example'; // the demo's Harbourline Bank leader, same password

/** A phone, a tablet upright, a laptop. */
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1366, height: 900 },
];
/** The smallest a chart's text may be drawn, in CSS pixels as it lands on the screen. */
const MIN_LABEL_PX = 11;

async function signIn(page: Page, email: string) {
  await page.goto(`${portalUrl()}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));
}

interface ChartCheck {
  overflow: number;
  /** What sticks out past the screen's right edge, outside any scrolling box: for the failure message. */
  offenders: string[];
  charts: number;
  smallest: number;
  overlaps: string[];
}

/**
 * What the page's charts look like on this screen: how far the page spills sideways, the smallest text drawn in a
 * chart (its font size times the drawing's scale on screen), and any two texts of one chart that overlap.
 */
function checkCharts(page: Page): Promise<ChartCheck> {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('svg.chart-svg')];
    let smallest = Infinity;
    const overlaps: string[] = [];
    for (const svg of svgs) {
      const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
      const texts = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim());
      const boxes = texts.map((text) => {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
        return { text: text.textContent ?? '', box: text.getBoundingClientRect() };
      });
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.box;
          const b = boxes[j]!.box;
          // A pixel of touching is not an overlap a reader notices.
          const apart =
            a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
          if (!apart) overlaps.push(`"${boxes[i]!.text}" on "${boxes[j]!.text}"`);
        }
    }
    // The innermost elements past the right edge, leaving out what is inside a box that scrolls sideways.
    const offenders = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
      .filter((el) => {
        for (let up = el.parentElement; up; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 12)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: "${(el.textContent ?? '').slice(0, 40)}"`,
      );
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      offenders,
      charts: svgs.length,
      smallest,
      overlaps,
    };
  });
}

describe('charts at a phone’s, a tablet’s and a laptop’s width', () => {
  let browser: Browser;
  let auditPath = '';
  let serviceLevelPath = '';

  beforeAll(async () => {
    browser = await launchBrowser({ lang: 'C.UTF-8' });
    const page = await browser.newPage();
    await signIn(page, DEMO.email);
    const found = await graphql<{
      clients: { nodes: { name: string; serviceLevels: { id: string }[] }[] };
      audits: { nodes: { id: string; status: string }[] };
    }>(
      page,
      `
        {
          clients(first: 20) {
            nodes {
              name
              serviceLevels {
                id
              }
            }
          }
          audits(first: 20, status: PUBLISHED) {
            nodes {
              id
              status
            }
          }
        }
      `,
    );
    auditPath = `/audits/${found.audits.nodes[0]!.id}`;
    const measured = found.clients.nodes.find((client) => client.serviceLevels.length > 0);
    serviceLevelPath = `/service-levels/${measured!.serviceLevels[0]!.id}`;
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const pages = [
    { name: 'programme', who: LEADER, path: () => '/programme' },
    { name: 'audit', who: DEMO.email, path: () => auditPath },
    { name: 'service-level', who: DEMO.email, path: () => serviceLevelPath },
  ];

  for (const { name, who, path } of pages) {
    for (const viewport of WIDTHS) {
      it(`lays the ${name} page’s charts out readably at ${viewport.width} px`, async () => {
        const page = await (await browser.newContext({ viewport })).newPage();
        const errors = watchPageErrors(page);
        await signIn(page, who);
        await page.goto(`${portalUrl()}${path()}`);
        await page.locator('svg.chart-svg').first().waitFor();
        await expectNoRouteError(page);
        // The charts measure their width once laid out: give the observer its frame.
        await page.waitForTimeout(100);
        const check = await checkCharts(page);
        await screenshot(page, `charts-${name}-${viewport.width}`);
        expect(check.charts).toBeGreaterThan(0);
        expect(check.overflow, check.offenders.join('\n')).toBeLessThanOrEqual(0);
        expect(check.smallest).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(check.overlaps).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
