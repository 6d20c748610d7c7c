import { createBrowserRouter, RouterProvider } from 'react-router'
import { AdminPage } from '../admin/AdminPage.tsx'
import { LoginPage } from '../auth/LoginPage.tsx'
import { RequireSession } from '../auth/RequireSession.tsx'
import { SessionProvider } from '../auth/SessionContext.tsx'
import { ProjectListPage } from '../projects/ProjectListPage.tsx'
import { ProjectPage } from '../projects/ProjectPage.tsx'
import { AppShell } from './AppShell.tsx'
import { ErrorBoundary } from './ErrorBoundary.tsx'
import { RouteLoading } from './RouteLoading.tsx'

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    // Everything else needs a session: without one, the login page, then back here.
    element: <RequireSession />,
    // Shown while the lazily loaded document page arrives on a first visit to /documents/:id.
    hydrateFallbackElement: <RouteLoading />,
    children: [
      {
        element: <AppShell />,
        children: [
          { path: '/', element: <ProjectListPage /> },
          { path: '/projects/:id', element: <ProjectPage /> },
          { path: '/admin', element: <AdminPage /> },
          {
            path: '/align',
            // The review screen loads only when someone aligns a translation.
            lazy: async () => ({
              Component: (await import('../align/AlignPage.tsx')).AlignPage,
            }),
          },
          {
            path: '/documents/:id',
            // The editor stack (Lexical, Yjs, the grid) loads only when a document is opened.
            lazy: async () => ({
              Component: (await import('../workbench/DocumentPage.tsx')).DocumentPage,
            }),
          },
        ],
      },
    ],
  },
])

export function App() {
  return (
    <ErrorBoundary>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ErrorBoundary>
  )
}
