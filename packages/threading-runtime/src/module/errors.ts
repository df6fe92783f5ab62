/** Raised by misuse of a primitive (Python's RuntimeError), e.g. releasing an unlocked lock. */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** Raised by `Queue.put` when the queue is full and the caller does not (or no longer) wait. */
export class Full extends Error {
  override name = "Full";
  constructor(message = "queue is full") {
    super(message);
  }
}

/** Raised by `Queue.get` when the queue is empty and the caller does not (or no longer) wait. */
export class Empty extends Error {
  override name = "Empty";
  constructor(message = "queue is empty") {
    super(message);
  }
}
