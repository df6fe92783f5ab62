/** The simulated clock's agenda: events ordered by (time, insertion order). */
import { SafeArray } from "@autograder/shared/primordials";

export interface Scheduled {
  readonly time: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

export class Agenda {
  private heap: Scheduled[] = new SafeArray<Scheduled>();
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, fire: () => void): Scheduled {
    const item: Scheduled = { time, seq: this.seq++, fire, cancelled: false };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent] as Scheduled)) break;
      heap[i] = heap[parent] as Scheduled;
      i = parent;
    }
    heap[i] = item;
    return item;
  }

  /** The earliest event that is not cancelled, removed from the agenda. */
  pop(): Scheduled | undefined {
    for (;;) {
      const top = this.popAny();
      if (top === undefined || !top.cancelled) return top;
    }
  }

  peekTime(): number | undefined {
    while (this.heap.length > 0 && (this.heap[0] as Scheduled).cancelled) this.popAny();
    return this.heap[0]?.time;
  }

  private popAny(): Scheduled | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = last;
      let at = -1;
      if (l < heap.length && before(heap[l] as Scheduled, smallest)) {
        smallest = heap[l] as Scheduled;
        at = l;
      }
      if (r < heap.length && before(heap[r] as Scheduled, smallest)) {
        smallest = heap[r] as Scheduled;
        at = r;
      }
      if (at < 0) break;
      heap[i] = smallest;
      i = at;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
