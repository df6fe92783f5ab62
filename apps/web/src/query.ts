// The app's one TanStack Query client. Pages get it from <QueryClientProvider> (main.tsx);
// components rendered without one (unit tests) fall back to this same client.
import { QueryClient } from "@tanstack/react-query";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx is an answer, not a glitch (and a 401 already opened the login dialog): the page
      // shows it at once, as it did before. Refetching on focus would reset forms seeded from data.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});
