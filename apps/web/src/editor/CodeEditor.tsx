// The Monaco editor as a React component (default export: loaded lazily).
import { useEffect, useRef } from "react";
import { editorTheme, monaco, setPlatformDeclarations } from "./monaco.ts";
import { useTheme } from "../theme.ts";
import { OwnText } from "./own-text.ts";

export interface CodeEditorProps {
  value: string;
  onChange?(value: string): void;
  /** Model path, e.g. "solution.ts"; one model per path. */
  path: string;
  declarations?: Record<string, string | undefined>;
  readOnly?: boolean;
  ariaLabel: string;
  onSave?(): void;
  onRun?(): void;
  onSubmit?(): void;
  /** Called with the editor so the page can move the cursor (compile errors). */
  onReady?(api: { revealLine(line: number, column?: number): void; focus(): void }): void;
  height?: string;
  /** Monaco language id; TypeScript unless said otherwise. */
  language?: string;
}

export default function CodeEditor({ value, onChange, path, declarations, readOnly, ariaLabel, onSave, onRun, onSubmit, onReady, height = "100%", language = "typescript" }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onSave, onRun, onSubmit });
  callbacks.current = { onChange, onSave, onRun, onSubmit };
  const own = useRef(new OwnText()).current;
  const [theme] = useTheme();

  useEffect(() => {
    if (declarations) setPlatformDeclarations(declarations);
  }, [declarations]);

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`file:///${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
    if (model.getValue() !== value) model.setValue(value);
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      readOnly: readOnly ?? false,
      ariaLabel,
      accessibilitySupport: "auto",
      fixedOverflowWidgets: true,
      renderLineHighlight: "line",
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => {
      if (model.isDisposed()) return;
      const text = model.getValue();
      own.emitted(text);
      callbacks.current.onChange?.(text);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => callbacks.current.onSave?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onRun?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => callbacks.current.onSubmit?.());
    onReady?.({
      revealLine(line, column = 1) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      focus: () => editor.focus(),
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once per path; value changes are pushed below.
  }, [path]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !own.isOutside(value, model.getValue())) return;
    // An edit (not setValue: it puts the cursor at 1:1) keeps the undo history and the cursor where it was.
    const selections = editor.getSelections();
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    model.pushStackElement();
    if (selections) editor.setSelections(selections.map((s) => model.validateRange(s)).map((r) => new monaco.Selection(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn)));
  }, [value, own]);

  useEffect(() => {
    monaco.editor.setTheme(editorTheme(theme));
  }, [theme]);

  return <div className="code-editor" ref={host} style={{ height }} />;
}
