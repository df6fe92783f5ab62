// Validation is a job in the grader: POST .../validate queues it and answers at once; this
// follows its progress (GET .../validation, once a second) until the verdict is in.
import { api, exercisePath } from "./api.ts";
import type { ValidationResult } from "./authoring.ts";

export const VALIDATION_POLL_MS = 1000;
/** The page stops following after this long (the job goes on; validating again picks it up). */
const FOLLOW_MS = 5 * 60_000;

export async function validateAndFollow(exerciseId: string, onProgress: (r: ValidationResult) => void, isLive: () => boolean = () => true): Promise<ValidationResult> {
  let r = await api.post<ValidationResult>(`${exercisePath(exerciseId)}/validate`);
  const end = Date.now() + FOLLOW_MS;
  while (r.validation === "pending" && isLive() && Date.now() < end) {
    onProgress(r);
    await new Promise((resolve) => setTimeout(resolve, VALIDATION_POLL_MS));
    r = await api.get<ValidationResult>(`${exercisePath(exerciseId)}/validation`);
  }
  return r;
}
