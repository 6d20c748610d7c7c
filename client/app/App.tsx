import { createBrowserRouter, RouterProvider } from 'react-router'
import { DocumentListPage } from '../documents/DocumentListPage.tsx'
import { UserProvider } from '../presence/UserContext.tsx'
import { AppShell } from './AppShell.tsx'
import { ErrorBoundary } from './ErrorBoundary.tsx'
import { RouteLoading } from './RouteLoading.tsx'

const router = createBrowserRouter([
  {
    element: <AppShell />,
    // Shown while the lazily loaded document page arrives on a first visit to /documents/:id.
    hydrateFallbackElement: <RouteLoading />,
    children: [
      { path: '/', element: <DocumentListPage /> },
      {
        path: '/documents/:id',
        // The editor stack (Lexical, Yjs, the grid) loads only when a document is opened.
        lazy: async () => ({
          Component: (await import('../workbench/DocumentPage.tsx')).DocumentPage,
        }),
      },
    ],
  },
])

export function App() {
  return (
    <ErrorBoundary>
      <UserProvider>
        <RouterProvider router={router} />
      </UserProvider>
    </ErrorBoundary>
  )
}
