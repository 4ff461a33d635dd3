// The app: providers, the header and one page per route, under an error boundary
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { useAppConfig } from '#client/api/app-config.ts'
import { WizardPage } from '#client/features/import-wizard/wizard-page.tsx'
import { ImportPage } from '#client/features/imports-dashboard/import-page.tsx'
import { ImportsPage } from '#client/features/imports-dashboard/imports-page.tsx'
import { buildReimportSeed } from '#client/features/reimport/build-reimport-seed.ts'
import { readEmbedMode } from '#client/lib/embed-mode.ts'
import { Link, paths, useLocation, useRoute } from '#client/lib/router.tsx'
import { AppErrorBoundary } from './app-error-boundary.tsx'
import { createQueryClient } from './query-client.ts'
import './styles.css'

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  )
}

function AppShell() {
  const location = useLocation()
  const route = useRoute()
  // read once per page load: in-app navigation keeps the mode through the session
  const [embedded] = useState(readEmbedMode)
  return (
    <>
      {!embedded && <AppHeader page={route.page} />}
      <main className={embedded ? 'app-main app-embedded' : 'app-main'}>
        <AppErrorBoundary pageKey={location}>
          {route.page === 'imports' && <ImportsPage />}
          {route.page === 'import' && <ImportPage importId={route.importId} />}
          {route.page === 'new' && (
            <WizardPage reimportOf={route.reimportOf} loadReimportSeed={buildReimportSeed} />
          )}
          {route.page === 'not-found' && (
            <section>
              <h1>Page not found</h1>
              <p>
                <Link href={paths.imports()}>Go to the imports list</Link>
              </p>
            </section>
          )}
        </AppErrorBoundary>
      </main>
    </>
  )
}

/** The app's own header: left out in embed mode, where the host app has its own. */
function AppHeader({ page }: { page: string }) {
  return (
    <header className="app-header">
      <Link href={paths.imports()} className="app-title">
        HubSpot Import
      </Link>
      <nav aria-label="Main">
        <Link href={paths.imports()} aria-current={page === 'imports' ? 'page' : undefined}>
          Imports
        </Link>
        <Link href={paths.newImport()} aria-current={page === 'new' ? 'page' : undefined}>
          New import
        </Link>
      </nav>
      <ModeBadge />
    </header>
  )
}

function ModeBadge() {
  const config = useAppConfig()
  if (!config.data) return null
  return config.data.mode === 'simulator' ? (
    <span className="mode-badge mode-simulator" role="status">
      Local HubSpot simulator — nothing is sent to HubSpot
    </span>
  ) : (
    <span className="mode-badge mode-hubspot" role="status">
      Connected to HubSpot
    </span>
  )
}
