// axe-core from the browser tests: the serious and critical violations of the page as it is.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** One line per serious or critical violation (rule, help, offending elements); [] when none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  // A run that checked nothing (the script not injected) must not pass as "no violation".
  if (results.passes.length === 0) throw new Error(`axe-core checked nothing on ${page.url()}`);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
