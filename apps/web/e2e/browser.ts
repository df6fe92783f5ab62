// Headless Debian chromium for the browser tests (flags from docs: no network chatter).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    // launch() gives every run a fresh temporary profile (the --user-data-dir the notes ask for).
  });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors, and requests to any other host. */
  problems: string[];
}

export async function newWatchedPage(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, baseURL: baseUrl });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    // The browser itself logs every 4xx answer; the app expects two of them (GET /api/me
    // before login: 401; GET .../draft before the first save: 404) and handles them.
    if (/^Failed to load resource: the server responded with a status of (401|404)/.test(text)) {
      const url = msg.location().url;
      if (/\/api\/me$|\/draft$/.test(url)) return;
    }
    // Authoring: a refused publish (422) and a repository exercise's 409 are answers the page
    // shows to the instructor.
    if (/^Failed to load resource: the server responded with a status of (409|422)/.test(text)) {
      const url = msg.location().url;
      if (/\/api\/exercises\/[^/]+\/(publish|files)$/.test(url)) return;
    }
    problems.push(`console: ${text} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.push(`external request: ${url}`);
  });
  return { page, context, problems };
}
