import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { serveFolder } from "../../src/cli/commands/web";
import { CHROMIUM, CHROMIUM_ARGS, productionBuild } from "./productionBuild";

/** The web app's production build, served and with a browser to open it in (`servedWebApp`). */
export interface ServedWebApp {
  browser: Browser;
  /** where `balance web`'s own server serves the build: http://127.0.0.1:port */
  origin: string;
  /** the build's folder, to open from disk (file://) */
  appDir: string;
  /** closes the browser and the server, and removes a build made for the test */
  close(): Promise<void>;
}

/**
 * The web app's production build (dist/web, or a fresh one: `productionBuild`), served by `balance web`'s own
 * server on a free localhost port, and Debian's Chromium launched: what every browser test of the web app starts
 * from.
 */
export async function servedWebApp(): Promise<ServedWebApp> {
  const build = productionBuild("web");
  const appDir = path.join(build.dir, "web");
  const server = serveFolder(appDir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await closeServer();
    throw error;
  }
  return {
    browser,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    appDir,
    close: async () => {
      await browser.close();
      await closeServer();
      if (build.built) rmSync(build.dir, { recursive: true, force: true });
    },
  };
}
