// Which `value` the code editor must write into its model, and which is its own text coming back.
/** How long a text the editor reported still counts as its own when it comes back as `value`. */
const ECHO_MS = 2_000;
const ECHO_MAX = 64;

/**
 * The editor owns its text: `value` is pushed into the model only when it is an outside change
 * (load, reset, another file), never when it is the editor's own earlier text coming back
 * through the parent's state. A render that lags behind fast typing hands back an older text;
 * pushing it would undo the newest keys and move the cursor to the start of the file.
 */
export class OwnText {
  private recent: { text: string; at: number }[] = [];
  constructor(private now: () => number = () => Date.now()) {}
  /** The editor reported `text` (onChange). */
  emitted(text: string) {
    const t = this.now();
    this.recent = this.recent.filter((r) => t - r.at < ECHO_MS).slice(-(ECHO_MAX - 1));
    this.recent.push({ text, at: t });
  }
  /** True when `value` must be written into a model that holds `current`. */
  isOutside(value: string, current: string): boolean {
    if (value === current) return false;
    const t = this.now();
    return !this.recent.some((r) => r.text === value && t - r.at < ECHO_MS);
  }
}
