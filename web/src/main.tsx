import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api/client.js';
import { App } from './app.js';
import { setUpI18n } from './i18n/setup.js';
import './styles.css';

const queryClient: QueryClient = new QueryClient({
  // A session that ended (expired, logged out elsewhere) shows the login page, not an error on every page.
  queryCache: new QueryCache({
    onError: (error) => {
      if (isApiError(error, 'unauthenticated')) queryClient.setQueryData(['me'], null);
    },
  }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network hiccup or a 5xx may.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      staleTime: 15_000,
    },
  },
});

await setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
