// An exercise as a zip of its folder (export and import), with fflate.
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { AppError } from "@autograder/shared";
import type { ExerciseFiles } from "@autograder/exercise-format";

const MAX_FILES = 200;
const MAX_TOTAL_BYTES = 4 * 1024 * 1024;

/** `<last part of the id>/<file>` entries, as the folder would be zipped. */
export function toZip(id: string, files: ExerciseFiles): Uint8Array {
  const folder = id.split("/").at(-1) ?? "exercise";
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) entries[`${folder}/${name}`] = strToU8(content);
  return zipSync(entries, { level: 6 });
}

/** The files of a zipped exercise folder (with or without one top folder). */
export function fromZip(data: Uint8Array): ExerciseFiles {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(data, {
      filter: (file) => {
        count++;
        total += file.originalSize;
        if (count > MAX_FILES || total > MAX_TOTAL_BYTES) throw new AppError("EXERCISE_INVALID", `The archive is too large (at most ${MAX_FILES} files, ${MAX_TOTAL_BYTES} bytes).`);
        return !file.name.endsWith("/");
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("EXERCISE_INVALID", `Not a zip archive: ${(error as Error).message}`);
  }
  const names = Object.keys(entries);
  const tops = new Set(names.map((n) => n.split("/")[0]));
  const prefix = tops.size === 1 && names.every((n) => n.includes("/")) ? `${[...tops][0]}/` : "";
  const files: ExerciseFiles = {};
  for (const name of names) {
    const rel = name.slice(prefix.length);
    if (rel === "" || rel.split("/").some((part) => part === ".." || part === "" || part.startsWith("."))) continue;
    files[rel] = strFromU8(entries[name]!);
  }
  return files;
}
