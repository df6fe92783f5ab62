// Exercise statements: markdown rendered by marked, then sanitized by DOMPurify.
import { useMemo } from "react";
import { Marked } from "marked";
import DOMPurify from "dompurify";

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Statement headings start at h2: the page's h1 is the exercise title. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false }).replace(/<(\/?)h([1-5])(?=[\s>])/g, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`);
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ["style", "form", "input", "button"], FORBID_ATTR: ["style"] });
  // Code blocks scroll (styles.css): keyboard users must be able to reach and scroll them.
  return clean.replace(/<pre(?=[\s>])/g, '<pre tabindex="0"');
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`markdown ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
