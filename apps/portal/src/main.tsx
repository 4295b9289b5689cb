// First: it changes how the domain's schemas are built (see app/strict-csp.ts).
import './app/strict-csp';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { apolloClient } from './app/apollo';
import { OfflineBanner } from './app/OfflineBanner';
import { createRouter } from './app/router';
import { registerServiceWorker } from './app/service-worker';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/lists.css';
import './styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <OfflineBanner />
    <ApolloProvider client={apolloClient}>
      <RouterProvider router={createRouter()} />
    </ApolloProvider>
  </StrictMode>,
);

registerServiceWorker();
