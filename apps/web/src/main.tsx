import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AuthProvider } from "./auth.tsx";
import { Router } from "./router.tsx";
import { applyTheme, initialTheme } from "./theme.ts";
import "./styles.css";

applyTheme(initialTheme());

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <Router>
      <AuthProvider>
        <App />
      </AuthProvider>
    </Router>
  </StrictMode>,
);
