// The browser entry point: zod set up for the CSP, then the app mounted
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import * as z from 'zod'
import { App } from '#client/app/app.tsx'

// the proxy's CSP has no 'unsafe-eval', so zod must not compile parsers with new Function
z.config({ jitless: true })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
