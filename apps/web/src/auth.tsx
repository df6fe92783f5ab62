// Who is logged in: loaded once from GET /api/me, refreshed after login, join and logout.
// A session that ends behind the page's back (logged out in another tab, expired) is noticed
// from any 401 answer, and checked on focus and every minute: the page stays, the header shows
// no user and a login dialog (components/SessionDialog.tsx) asks to log in again.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { MeView } from "@autograder/shared";
import { api, ApiError, onUnauthenticated, resetCsrf, setCsrf } from "./api.ts";

interface AuthState {
  /** The user the pages are for; kept while the session is lost, so the page stays as it is. */
  me: MeView | null;
  loading: boolean;
  /** The server no longer knows this tab's session; `me` is who it was. */
  sessionLost: boolean;
  loginDialogOpen: boolean;
  setLoginDialogOpen(open: boolean): void;
  /** The id of the user the server's session belongs to now (null while lost): read before a write. */
  sessionUserId(): string | null;
  login(email: string, password: string): Promise<void>;
  join(input: { joinCode: string; email: string; password: string; name: string }): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
/** How often an open page asks whether its session still exists (GET /api/me is one indexed read). */
export const SESSION_CHECK_MS = 60_000;
/** Focus events come in bursts (alt-tab back and forth): at most one check per this interval. */
const FOCUS_CHECK_MIN_MS = 5_000;

async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.get<MeView>("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<MeView | null>(null);
  const [loading, setLoading] = useState(true);
  const [sessionLost, setSessionLost] = useState(false);
  const [loginDialogOpen, setLoginDialogOpen] = useState(false);
  const meRef = useRef<MeView | null>(null);
  const sessionUser = useRef<string | null>(null);
  const lostRef = useRef(false);

  // Refs first: a draft save scheduled before React re-renders must see the new session.
  const setSession = useCallback((user: MeView | null) => {
    meRef.current = user;
    sessionUser.current = user?.id ?? null;
    lostRef.current = false;
    setMeState(user);
    setSessionLost(false);
    setLoginDialogOpen(false);
  }, []);

  useEffect(() => {
    fetchMe()
      .then(setSession, () => setSession(null))
      .finally(() => setLoading(false));
  }, [setSession]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        if (meRef.current === null || lostRef.current) return;
        lostRef.current = true;
        sessionUser.current = null;
        resetCsrf();
        setSessionLost(true);
        setLoginDialogOpen(true);
      }),
    [],
  );

  const check = useCallback(async () => {
    if (meRef.current === null) return;
    const now = await fetchMe().catch(() => undefined); // a network error says nothing about the session
    if (now === undefined || now === null) return; // null: the 401 listener has done its work
    // Logged in again, maybe as someone else, in another tab: this tab follows.
    if (lostRef.current || now.id !== meRef.current?.id) {
      resetCsrf();
      setSession(now);
    }
  }, [setSession]);

  useEffect(() => {
    if (me === null) return;
    let last = 0;
    const onFocus = () => {
      if (document.visibilityState !== "visible" || Date.now() - last < FOCUS_CHECK_MIN_MS) return;
      last = Date.now();
      void check();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void check();
    }, SESSION_CHECK_MS);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [me, check]);

  const login = useCallback(
    async (email: string, password: string) => {
      resetCsrf();
      const reply = await api.post<{ user?: MeView; csrfToken?: string }>("/api/auth/login", { email, password });
      setCsrf(reply?.csrfToken);
      setSession(reply?.user ?? (await fetchMe()));
    },
    [setSession],
  );
  const join = useCallback(
    async (input: { joinCode: string; email: string; password: string; name: string }) => {
      // A newcomer registers, then logs in (the answer to registering never says whether the
      // email had an account). A logged-in student joins from the dashboard instead.
      await api.postAnonymous("/api/courses/join", input);
      await login(input.email, input.password);
    },
    [login],
  );
  const logout = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } finally {
      resetCsrf();
      setSession(null);
    }
  }, [setSession]);
  const sessionUserId = useCallback(() => sessionUser.current, []);
  const value = useMemo(
    () => ({ me, loading, sessionLost, loginDialogOpen, setLoginDialogOpen, sessionUserId, login, join, logout }),
    [me, loading, sessionLost, loginDialogOpen, sessionUserId, login, join, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) throw new Error("useAuth outside AuthProvider");
  return state;
}

export const isStaff = (me: MeView | null) => me !== null && (me.role === "instructor" || me.role === "admin");
