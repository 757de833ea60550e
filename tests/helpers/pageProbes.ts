import fs from 'node:fs';
import { BrowserContext, Frame, Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What went wrong on a page that a user would not see: CSP violations, script errors, console errors. */
export interface PageProblems {
  csp: string[];
  errors: string[];
}

/** An accessibility rule the page breaks, with the elements that break it. */
export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/** Opens a page that records CSP violations and errors, with the real CSP in force. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { csp: [], errors: [] };
  await page.exposeFunction('reportCspViolation', (text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('pageerror', (err) => problems.errors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  return { page, problems };
}

/** Runs axe-core in the page or frame (evaluated through DevTools, so the page's CSP need not allow it) and returns its violations. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
