import { createBrowserRouter, RouterProvider } from 'react-router'
import { DocumentListPage } from '../documents/DocumentListPage.tsx'
import { UserProvider } from '../presence/UserContext.tsx'
import { DocumentPage } from '../workbench/DocumentPage.tsx'
import { AppShell } from './AppShell.tsx'
import { ErrorBoundary } from './ErrorBoundary.tsx'

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <DocumentListPage /> },
      { path: '/documents/:id', element: <DocumentPage /> },
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
