// On a phone the exercise page is one column: this switch shows the statement or the code
// (editor and results), so the editor is one tap away instead of below the whole statement.
// Hidden on wide screens, where both panes are side by side (styles.css, .pane-switch).
import { useState } from "react";

export type Pane = "statement" | "code";

export function usePaneSwitch(): [Pane, (pane: Pane) => void] {
  return useState<Pane>("statement");
}

export function PaneSwitch({ pane, onChange }: { pane: Pane; onChange(pane: Pane): void }) {
  return (
    <div className="pane-switch" role="group" aria-label="Show">
      <button type="button" aria-pressed={pane === "statement"} onClick={() => onChange("statement")}>
        Statement
      </button>
      <button type="button" aria-pressed={pane === "code"} onClick={() => onChange("code")}>
        Code &amp; results
      </button>
    </div>
  );
}
