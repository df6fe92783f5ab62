// Reads exercises from folders: every file, the validated manifest and the content hash.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ID_PATTERN, REQUIRED_FILES, type Exercise, type ExerciseFiles } from "./exercise.ts";
import { ExerciseFormatError, parseManifest } from "./manifest.ts";

const MAX_FILE_BYTES = 512 * 1024;

export function contentHash(files: ExerciseFiles): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`);
  return hash.digest("hex");
}

/** Checks an exercise given as files (from a folder, the API or an archive). */
export function buildExercise(id: string, files: ExerciseFiles): Exercise {
  if (!ID_PATTERN.test(id)) {
    throw new ExerciseFormatError(id, ["the id must be a folder path like family/name, in lowercase letters, digits and dashes"]);
  }
  const missing = REQUIRED_FILES.filter((f) => files[f] === undefined);
  if (missing.length > 0) throw new ExerciseFormatError(id, missing.map((f) => `missing file ${f}`));
  let raw: unknown;
  try {
    raw = parseYaml(files["exercise.yaml"] ?? "");
  } catch (error) {
    throw new ExerciseFormatError(`${id}/exercise.yaml`, [`not valid YAML: ${(error as Error).message.split("\n")[0]}`]);
  }
  const manifest = parseManifest(raw, `${id}/exercise.yaml`);
  const family = id.split("/")[0];
  if (family !== manifest.family) {
    throw new ExerciseFormatError(`${id}/exercise.yaml`, [`family: "${manifest.family}" but the folder is under ${family}/`]);
  }
  const problems = manifest.mutants
    .filter((m) => files[`mutants/${m.file}`] === undefined)
    .map((m) => `mutants: mutants/${m.file} does not exist`);
  const unlisted = Object.keys(files)
    .filter((f) => f.startsWith("mutants/") && !manifest.mutants.some((m) => `mutants/${m.file}` === f))
    .map((f) => `mutants: ${f} is not listed (say which tests it must fail)`);
  const ids = (manifest.requirements ?? []).map((r) => r.id);
  const duplicates = [...new Set(ids.filter((r, i) => ids.indexOf(r) !== i))].map((r) => `requirements: the id ${r} is used twice`);
  const all = [...problems, ...unlisted, ...duplicates];
  if (all.length > 0) throw new ExerciseFormatError(`${id}/exercise.yaml`, all);
  return { id, manifest, files, contentHash: contentHash(files) };
}

async function readFolder(dir: string, prefix = ""): Promise<ExerciseFiles> {
  const files: ExerciseFiles = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    const name = prefix + entry.name;
    if (entry.isDirectory()) Object.assign(files, await readFolder(full, `${name}/`));
    else if (entry.isFile()) {
      if ((await stat(full)).size > MAX_FILE_BYTES) throw new ExerciseFormatError(name, [`larger than ${MAX_FILE_BYTES} bytes`]);
      files[name] = await readFile(full, "utf8");
    }
  }
  return files;
}

/** Loads one exercise: `root` is the exercises/ folder, `id` its path there. */
export async function loadExercise(root: string, id: string): Promise<Exercise> {
  const dir = path.resolve(root, id);
  if (!dir.startsWith(path.resolve(root) + path.sep)) throw new ExerciseFormatError(id, ["not inside the exercises folder"]);
  return buildExercise(id, await readFolder(dir));
}

/** Every exercise under `root`: a folder with an exercise.yaml is one. */
export async function findExerciseIds(root: string): Promise<string[]> {
  const ids: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === "exercise.yaml")) {
      ids.push(rel);
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".")) await walk(rel ? `${rel}/${e.name}` : e.name);
  }
  await walk("");
  return ids.sort();
}

export async function loadExercises(root: string): Promise<Exercise[]> {
  const ids = await findExerciseIds(root);
  return Promise.all(ids.map((id) => loadExercise(root, id)));
}
