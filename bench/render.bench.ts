/**
 * The production pane in headless Chromium: time from navigation to the first rendered pane (goal < 1.5 s),
 * and the size of the JavaScript taskpane.html loads, gzipped (goal < 400 KB). Baseline in the same run: a
 * page that loads no script, so the ratio shows what the pane adds over the browser's own start.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  OFFICE_CDN,
  officeFileFor,
  productionBuild,
  serve,
} from "../tests/e2e/productionBuild";

const RUNS = 7;
const GOAL_MS = 1500;
const GOAL_KB = 400;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The scripts taskpane.html loads from the build (office.js comes from Office's CDN and is not ours). */
function paneScripts(dir: string): string[] {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(dir, src));
}

async function timeToSelector(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
  const page = await context.newPage();
  await page.route(OFFICE_CDN, (route) => {
    const file = officeFileFor(route.request().url());
    return file ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.abort();
  });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(selector);
  // milliseconds since the navigation started, as the page's own clock measures it
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(`${CHROMIUM} is missing: render bench skipped (apt-get install chromium).`);
    return;
  }
  const { dir, built } = productionBuild();
  console.log(`production build: ${dir}${built ? " (built now)" : " (dist/, up to date)"}`);

  const scripts = paneScripts(dir);
  let raw = 0;
  let gz = 0;
  for (const file of scripts) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = gz / 1024;
  console.log(
    `pane JavaScript (${scripts.length} files taskpane.html loads, custom functions included): ` +
      `${(raw / 1024).toFixed(0)} KB, gzipped ${kb.toFixed(0)} KB (goal < ${GOAL_KB} KB: ${kb < GOAL_KB ? "met" : "NOT met"})`,
  );

  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const pane: number[] = [];
    const blank: number[] = [];
    const url = `${server.origin}/taskpane.html`;
    // warm-up: the first launch of a page pays for the browser's own caches
    await timeToSelector(browser, url, "[data-demo-banner]");
    for (let i = 0; i < RUNS; i++) {
      pane.push(await timeToSelector(browser, url, "[data-demo-banner]"));
      blank.push(await timeToSelector(browser, `${server.origin}/assets/icon-16.png`, "img"));
    }
    const ms = median(pane);
    const base = median(blank);
    console.log(
      `first render of the pane (navigation → demo pane drawn, 350 px, office.js served locally): median ` +
        `${ms.toFixed(0)} ms over ${RUNS} runs (goal < ${GOAL_MS} ms: ${ms < GOAL_MS ? "met" : "NOT met"}); ` +
        `baseline, an image with no script: ${base.toFixed(0)} ms; ratio ${(ms / Math.max(base, 1)).toFixed(1)}×`,
    );
  } finally {
    await browser.close();
    await server.close();
    if (built) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
