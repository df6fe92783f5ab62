// Who is logged in: loaded once from GET /api/me, refreshed after login, join and logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { MeView } from "@autograder/shared";
import { api, ApiError, resetCsrf, setCsrf } from "./api.ts";

interface AuthState {
  me: MeView | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  join(input: { joinCode: string; email: string; password: string; name: string }): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.get<MeView>("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeView | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    fetchMe()
      .then(setMe, () => setMe(null))
      .finally(() => setLoading(false));
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    resetCsrf();
    const reply = await api.post<{ user?: MeView; csrfToken?: string }>("/api/auth/login", { email, password });
    setCsrf(reply?.csrfToken);
    setMe(reply?.user ?? (await fetchMe()));
  }, []);
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
      setMe(null);
    }
  }, []);
  const value = useMemo(() => ({ me, loading, login, join, logout }), [me, loading, login, join, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) throw new Error("useAuth outside AuthProvider");
  return state;
}

export const isStaff = (me: MeView | null) => me !== null && (me.role === "instructor" || me.role === "admin");
