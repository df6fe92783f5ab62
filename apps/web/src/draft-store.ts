// The editor's draft kept in this browser until the server has it: written on every change,
// removed once a save of that same text succeeded. Keyed by user and exercise, so after a
// login as someone else nobody sees (or saves) the previous user's code.
const PREFIX = "autograder:draft:";

export const draftKey = (userId: string, exerciseId: string) => `${PREFIX}${userId}:${exerciseId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings): drafts live on the server only
  }
}

export function readLocalDraft(userId: string, exerciseId: string): string | null {
  try {
    return storage()?.getItem(draftKey(userId, exerciseId)) ?? null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled). */
export function writeLocalDraft(userId: string, exerciseId: string, code: string): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(draftKey(userId, exerciseId), code);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the local copy if it is `savedCode` (what the server now has); a newer copy stays. */
export function clearLocalDraft(userId: string, exerciseId: string, savedCode: string): void {
  try {
    const s = storage();
    if (s && s.getItem(draftKey(userId, exerciseId)) === savedCode) s.removeItem(draftKey(userId, exerciseId));
  } catch {
    // nothing to forget
  }
}
