// Monaco, bundled by Vite with its workers (no CDN): loaded only by pages that edit code.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") return new TsWorker();
    return new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  // Student code runs in an isolate: the language, no DOM.
  lib: ["es2022"],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  isolatedModules: true,
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);

// Monaco's own themes, with comments readable against the background (WCAG AA, 4.5:1):
// vs-dark's #608b4e on #1e1e1e is 4.2:1.
monaco.editor.defineTheme("autograder-light", { base: "vs", inherit: true, rules: [], colors: {} });
monaco.editor.defineTheme("autograder-dark", { base: "vs-dark", inherit: true, rules: [{ token: "comment", foreground: "7fb069" }], colors: {} });
export const editorTheme = (theme: "light" | "dark") => (theme === "dark" ? "autograder-dark" : "autograder-light");

const extraLibs = new Map<string, monaco.IDisposable>();

/** Makes `import ... from "socket"` / `"threading"` type-check: each d.ts as an extra lib. */
export function setPlatformDeclarations(declarations: Record<string, string | undefined>) {
  for (const [name, lib] of extraLibs) {
    if (declarations[name] === undefined) {
      lib.dispose();
      extraLibs.delete(name);
    }
  }
  for (const [name, text] of Object.entries(declarations)) {
    if (text === undefined) continue;
    extraLibs.get(name)?.dispose();
    const content = /declare\s+module\s+["']/.test(text) ? text : `declare module "${name}" {\n${text}\n}\n`;
    extraLibs.set(name, ts.typescriptDefaults.addExtraLib(content, `file:///node_modules/@types/${name}/index.d.ts`));
  }
}

export { monaco };
