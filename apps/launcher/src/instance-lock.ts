// Keeps two `npm start` from using the same data folder at once.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class AlreadyRunningError extends Error {
  override name = "AlreadyRunningError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws AlreadyRunningError; returns the release function. */
export function acquireInstanceLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "instance.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new AlreadyRunningError(
          `The platform is already running from this folder (pid ${pid}, data in ${dataDir}). Stop it first (Ctrl-C in its terminal, or kill ${pid}).`,
        );
      }
      rmSync(file, { force: true }); // stale lock from a crashed run
    }
  }
  throw new AlreadyRunningError(`Could not take the lock ${file}.`);
}
