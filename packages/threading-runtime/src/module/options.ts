/** Options of the waiting operations (acquire, put, get), as in Python's `block`/`timeout`. */
export interface WaitOptions {
  /** false: do not wait (default true). */
  block?: boolean;
  /** Give up after this many simulated milliseconds. */
  timeoutMs?: number;
}
