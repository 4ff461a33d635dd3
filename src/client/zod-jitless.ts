// zod set up for the CSP before any other module runs: the proxy's CSP has no 'unsafe-eval', and
// zod's first parse probes `new Function` (a CSP violation report) unless jitless is already set
import * as z from 'zod'

z.config({ jitless: true })
