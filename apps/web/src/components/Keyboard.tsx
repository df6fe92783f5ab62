// Keyboard help next to the code editors: the way out of the editor's Tab trap and the list of
// shortcuts. Monaco binds "Tab moves focus" to Ctrl+M, and to Ctrl+Shift+M on macOS.
import { useEffect, useRef } from "react";

export const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
/** The primary modifier's name: Cmd on macOS, Ctrl elsewhere. */
export const MOD = IS_MAC ? "Cmd" : "Ctrl";
export const TAB_FOCUS_KEYS = IS_MAC ? "Ctrl+Shift+M" : "Ctrl+M";

export function EditorKeysHint({ id }: { id: string }) {
  return (
    <p className="editor-hint muted small" id={id}>
      Tab inserts a tab. To leave the editor, press <kbd>{TAB_FOCUS_KEYS}</kbd> then <kbd>Tab</kbd> (<kbd>{TAB_FOCUS_KEYS}</kbd> again to indent with Tab).
    </p>
  );
}

export interface Shortcut {
  keys: string;
  what: string;
}

export function ShortcutList({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl aria-label="Keyboard shortcuts">
        {shortcuts.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>{TAB_FOCUS_KEYS}</kbd>, <kbd>Tab</kbd>
          </dt>
          <dd>leave the code editor (Tab moves focus until pressed again)</dd>
        </div>
      </dl>
    </details>
  );
}

/** Ctrl/Cmd + `key` anywhere on the page (the editor handles its own copy and stops the event). */
export function usePageShortcut(key: string, shift: boolean, action: () => void) {
  const ref = useRef(action);
  ref.current = action;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== key || e.shiftKey !== shift || e.altKey || !(IS_MAC ? e.metaKey : e.ctrlKey)) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [key, shift]);
}
