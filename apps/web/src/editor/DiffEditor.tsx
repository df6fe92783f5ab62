// Side-by-side diff of two submissions' code (Monaco's diff editor; loaded lazily).
import { useEffect, useRef } from "react";
import { editorTheme, monaco } from "./monaco.ts";
import { useTheme } from "../theme.ts";

export default function DiffEditor({ original, modified, ariaLabel }: { original: string; modified: string; ariaLabel: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [theme] = useTheme();
  useEffect(() => {
    if (!host.current) return;
    // A fresh element per editor: Monaco refuses to reuse one that still holds a context.
    const el = document.createElement("div");
    el.style.height = "100%";
    host.current.appendChild(el);
    const a = monaco.editor.createModel(original, "typescript");
    const b = monaco.editor.createModel(modified, "typescript");
    const editor = monaco.editor.createDiffEditor(el, {
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      ariaLabel,
      originalAriaLabel: `${ariaLabel}: older`,
      modifiedAriaLabel: `${ariaLabel}: newer`,
    });
    editor.setModel({ original: a, modified: b });
    // The two sides' input elements get no accessible name from originalAriaLabel and
    // modifiedAriaLabel (axe: label, aria-input-field-name): name each side's editor itself.
    editor.getOriginalEditor().updateOptions({ ariaLabel: `${ariaLabel}: older` });
    editor.getModifiedEditor().updateOptions({ ariaLabel: `${ariaLabel}: newer` });
    let computed = false;
    const done = editor.onDidUpdateDiff(() => {
      computed = true;
    });
    const dispose = () => {
      done.dispose();
      editor.dispose();
      a.dispose();
      b.dispose();
      el.remove();
    };
    return () => {
      el.remove();
      // Disposing while the worker still computes the diff makes Monaco throw
      // "no diff result available": wait for the result (or a second) first.
      if (computed) return dispose();
      const later = editor.onDidUpdateDiff(() => {
        later.dispose();
        dispose();
      });
      setTimeout(() => {
        if (!editor.getModel()) return;
        later.dispose();
        dispose();
      }, 1000);
    };
  }, [original, modified, ariaLabel]);
  useEffect(() => {
    monaco.editor.setTheme(editorTheme(theme));
  }, [theme]);
  return <div className="code-editor diff" ref={host} style={{ height: "360px" }} />;
}
