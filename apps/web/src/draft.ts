// The exercise page's draft: loaded from this browser (an unsaved copy wins) or the server,
// saved to the server 800 ms after the last change, kept in localStorage until the server has
// it. A failed save (network, 5xx) retries with backoff; a lost session (401) waits for the
// login and then saves. Saves go only to the account the draft belongs to.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, exercisePath } from "./api.ts";
import { useAuth } from "./auth.tsx";
import { utf8Bytes } from "./code-size.ts";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./draft-store.ts";

export type SaveState = "saved" | "saving" | "dirty" | "retrying" | "loggedOut" | "idle";
export const SAVE_TEXT: Record<SaveState, string> = {
  idle: "",
  saved: "Draft saved",
  saving: "Saving draft…",
  dirty: "Unsaved changes",
  retrying: "Not saved, retrying… (your code is kept in this browser)",
  loggedOut: "Not saved: log in again to save (your code is kept in this browser)",
};
export const DRAFT_DELAY_MS = 800;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

async function loadServerDraft(exerciseId: string): Promise<string | null> {
  try {
    const d = await api.get<{ code: string }>(`${exercisePath(exerciseId)}/draft`);
    return typeof d?.code === "string" ? d.code : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export interface Draft {
  /** The text to give the editor (null while loading); changes only on load or replace(). */
  code: string | null;
  /** The editor's current text. */
  codeRef: { current: string };
  bytes: number;
  save: SaveState;
  loadError: unknown;
  onChange(value: string): void;
  /** Puts new text in the editor (reset to starter, load from history). */
  replace(value: string): void;
  saveNow(): Promise<void>;
}

export function useDraft(exerciseId: string, starter: string): Draft {
  const { me, sessionLost, sessionUserId } = useAuth();
  // The page is remounted for another user (App's UserRoutes), so the owner is fixed here.
  const owner = useRef(me?.id ?? "").current;
  const [code, setCode] = useState<string | null>(null);
  const [bytes, setBytes] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [save, setSave] = useState<SaveState>("idle");
  const codeRef = useRef("");
  /** What the server has (as far as this page knows). */
  const savedRef = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryMs = useRef(RETRY_FIRST_MS);
  const inFlight = useRef<Promise<void> | null>(null);
  const live = useRef(true);
  /** The load met a lost session: load again once logged in (never overwrite an unseen server draft). */
  const reloadAfterLogin = useRef(false);
  const [loadTick, setLoadTick] = useState(0);

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current; // saves go out one at a time, in order
      if (!live.current) return;
    }
    const text = codeRef.current;
    if (text === savedRef.current) return;
    if (sessionUserId() !== owner) {
      setSave("loggedOut");
      return;
    }
    setSave("saving");
    const attempt = (async () => {
      try {
        await api.put(`${exercisePath(exerciseId)}/draft`, { code: text });
        savedRef.current = text;
        retryMs.current = RETRY_FIRST_MS;
        clearLocalDraft(owner, exerciseId, text);
        if (!live.current) return;
        if (codeRef.current === text) setSave("saved");
        else {
          setSave("dirty");
          timer.current = setTimeout(() => void saveNow(), DRAFT_DELAY_MS);
        }
      } catch (error) {
        if (!live.current) return;
        if (error instanceof ApiError && error.status === 401) {
          setSave("loggedOut"); // saved when the session is back (the effect below)
          return;
        }
        setSave("retrying");
        timer.current = setTimeout(() => void saveNow(), retryMs.current);
        retryMs.current = Math.min(retryMs.current * 2, RETRY_MAX_MS);
      }
    })();
    inFlight.current = attempt;
    await attempt;
    if (inFlight.current === attempt) inFlight.current = null;
  }, [exerciseId, owner, sessionUserId]);

  useEffect(() => {
    live.current = true;
    const local = readLocalDraft(owner, exerciseId);
    loadServerDraft(exerciseId).then(
      (server) => {
        if (!live.current) return;
        const initial = local ?? server ?? starter;
        codeRef.current = initial;
        savedRef.current = server;
        setCode(initial);
        setBytes(utf8Bytes(initial));
        if (local !== null && local !== server) {
          // Typed here but never saved (session lost, offline, tab closed): save it now.
          setSave("dirty");
          timer.current = setTimeout(() => void saveNow(), 0);
        } else {
          if (local !== null) clearLocalDraft(owner, exerciseId, local);
          setSave(server === null ? "idle" : "saved");
        }
      },
      (error: unknown) => {
        if (!live.current) return;
        if (local === null && error instanceof ApiError && error.status === 401) {
          reloadAfterLogin.current = true; // the editor waits (code stays null) for the login
          return;
        }
        if (local === null) setLoadError(error);
        const initial = local ?? starter;
        codeRef.current = initial;
        setCode(initial);
        setBytes(utf8Bytes(initial));
        if (local !== null) setSave(error instanceof ApiError && error.status === 401 ? "loggedOut" : "dirty");
      },
    );
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, [exerciseId, starter, owner, saveNow, loadTick]);

  // The session is back (login in the dialog or another tab): save what waited.
  useEffect(() => {
    if (!sessionLost && reloadAfterLogin.current) {
      reloadAfterLogin.current = false;
      setLoadTick((t) => t + 1);
      return;
    }
    if (!sessionLost && code !== null && codeRef.current !== savedRef.current) void saveNow();
  }, [sessionLost, code, saveNow]);

  const onChange = useCallback(
    (value: string) => {
      codeRef.current = value;
      setBytes(utf8Bytes(value));
      if (value === savedRef.current) {
        clearLocalDraft(owner, exerciseId, readLocalDraft(owner, exerciseId) ?? "");
        clearTimeout(timer.current);
        setSave("saved");
        return;
      }
      writeLocalDraft(owner, exerciseId, value);
      setSave((s) => (s === "retrying" || s === "loggedOut" ? s : "dirty"));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), DRAFT_DELAY_MS);
    },
    [exerciseId, owner, saveNow],
  );

  const replace = useCallback(
    (value: string) => {
      codeRef.current = value;
      setCode(value);
      onChange(value);
    },
    [onChange],
  );

  return { code, codeRef, bytes, save, loadError, onChange, replace, saveNow };
}
