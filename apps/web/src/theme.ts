// Light and dark themes: follows the system until the user picks one (kept in localStorage).
import { useEffect, useState } from "react";

export type Theme = "light" | "dark";

function systemTheme(): Theme {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function storedTheme(): Theme | null {
  try {
    const t = window.localStorage.getItem("theme");
    return t === "light" || t === "dark" ? t : null;
  } catch {
    return null;
  }
}

const listeners = new Set<(t: Theme) => void>();
let current: Theme = typeof window === "undefined" ? "light" : (storedTheme() ?? systemTheme());

export function applyTheme(theme: Theme) {
  current = theme;
  document.documentElement.dataset.theme = theme;
  for (const l of listeners) l(theme);
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(current);
  useEffect(() => {
    listeners.add(setTheme);
    return () => {
      listeners.delete(setTheme);
    };
  }, []);
  const set = (t: Theme) => {
    try {
      window.localStorage.setItem("theme", t);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyTheme(t);
  };
  return [theme, set];
}

export const initialTheme = () => current;
