import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * The browser side of the web journeys: Debian's chromium driven by playwright-core, one context
 * per page at 1366×768 in Vietnamese and Viet Nam's time, its clock set to the platform's (what
 * "today" and "due within 7 days" mean on screen follows the platform under test, as an
 * official's browser follows the real day). Any console error, uncaught exception, failed request
 * or HTTP error is collected; each test checks there were none.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1366, height: 768 };
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium, headless, without the background traffic a first run would start (also the web budget's bench). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives each launch a fresh, temporary profile (its own --user-data-dir).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export class WebBrowser {
  private problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly base: string,
    private readonly now: Date,
  ) {}

  /** base: the gateway's address ending in "/"; now: the platform clock's instant. */
  static async launch(base: string, now: Date): Promise<WebBrowser> {
    return new WebBrowser(await launchChromium(), base, now);
  }

  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    this.contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: this.base.replace(/\/$/, '') });
    // Date.now() is the platform's instant; timers keep running.
    await context.clock.setFixedTime(this.now);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => message.type() === 'error' && this.problems.push(`console error: ${message.text()} (at ${new URL(page.url()).pathname})`));
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on(
      'requestfailed',
      (request) =>
        !request.url().startsWith('blob:') && this.problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => response.status() >= 400 && this.problems.push(`HTTP ${response.status()}: ${response.url()}`));
    return page;
  }

  async signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${this.base}dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('demo');
    // Let the inbox's queries answer before going elsewhere (a navigation would abort them).
    const answered = ['Inbox', 'ExtensionsToDecide'].map((name) => page.waitForResponse((r) => r.url().includes(`operationName=${name}`), { timeout: 60_000 }));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await Promise.all(answered);
    await page.getByText(/việc đang mở/).waitFor({ timeout: 30_000 });
  }

  /** Closes the test's pages; answers what went wrong in them (console errors, failed requests). */
  async endTest(): Promise<string[]> {
    for (const context of this.contexts.splice(0)) await context.close();
    const seen = this.problems;
    this.problems = [];
    return seen;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
