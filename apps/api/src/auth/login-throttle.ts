// Login protection per account and address: each failed attempt from one address on one
// account makes the next one from that pair wait longer (no wait for the first few, then
// 1 s, 2 s, 4 s ... up to a cap). A success clears the pair. There is no account-wide lock:
// an attacker elsewhere slows only themself, so nobody can lock the real user out; guessing
// across many accounts from one address is bounded by the per-address limit (limits.ts).
// In-process memory, bounded: the oldest pairs are forgotten first.

export interface ThrottleSettings {
  /** Failures allowed without any wait. */
  free: number;
  /** The first wait, doubled after each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A pair quiet for this long starts afresh. */
  forgetAfterMs: number;
  /** Most pairs remembered at once. */
  maxEntries: number;
}

export const LOGIN_THROTTLE: ThrottleSettings = {
  free: 5,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60 * 1000,
  forgetAfterMs: 60 * 60 * 1000,
  maxEntries: 100_000,
};

interface Entry {
  failures: number;
  notBefore: number;
  lastAt: number;
}

/** How long an attempt past the free budget blocks its pair while it is being checked. */
const PENDING_MS = 30_000;

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly settings: ThrottleSettings = LOGIN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts an attempt of `account` from `address`: the milliseconds to wait (> 0: refuse now),
   * or 0 when it may go ahead. An attempt that goes ahead counts as a failure until
   * `succeeded` says otherwise; past the free budget it also blocks the pair until `failed`
   * starts the delay, so parallel guesses cannot slip past the delays.
   */
  begin(account: string, address: string): number {
    const key = keyOf(account, address);
    const now = this.now();
    let entry = this.#entries.get(key);
    if (entry && now - entry.lastAt > this.settings.forgetAfterMs) entry = undefined;
    if (entry && entry.notBefore > now) return entry.notBefore - now;
    const failures = (entry?.failures ?? 0) + 1;
    this.#entries.delete(key); // re-inserted last: Map order is least recently used first
    this.#entries.set(key, { failures, notBefore: this.delayOf(failures) > 0 ? now + PENDING_MS : now, lastAt: now });
    if (this.#entries.size > this.settings.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return 0;
  }

  /** The attempt failed: the pair waits its delay, counted from now. */
  failed(account: string, address: string): void {
    const entry = this.#entries.get(keyOf(account, address));
    if (entry) entry.notBefore = this.now() + this.delayOf(entry.failures);
  }

  succeeded(account: string, address: string): void {
    this.#entries.delete(keyOf(account, address));
  }

  private delayOf(failures: number): number {
    const over = failures - this.settings.free;
    return over <= 0 ? 0 : Math.min(this.settings.maxDelayMs, this.settings.baseDelayMs * 2 ** Math.min(over - 1, 30));
  }
}

function keyOf(account: string, address: string): string {
  return `${address}\u0000${account}`;
}
