import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium runs the end-to-end tests: PLAYWRIGHT_CHROMIUM_PATH, then the
 * system's /usr/bin/chromium (Debian's package), then Playwright's own
 * download. Undefined when there is none.
 */
export function findChromium(): { path: string; source: string } | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return { path: fromEnv, source: "PLAYWRIGHT_CHROMIUM_PATH" };
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(p)) return { path: p, source: "system" };
  }
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return { path: own, source: "playwright" };
  } catch {
    // Playwright has not downloaded a browser
  }
  return undefined;
}

export const HOW_TO_INSTALL_CHROMIUM =
  "No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
  "or `npx playwright install chromium`, or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.";
