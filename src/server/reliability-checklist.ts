// The reliability checklist (groups A–H) as data: each case and the tests that prove it, by file and title words
/**
 * A CSV content (in the browser) · B importRequest and mapping · C browser → proxy transport ·
 * D HubSpot faults · E lifecycle and polling · F errors list and export · G security probes ·
 * H resources and lifecycle. Checked by reliability-checklist.test.ts.
 */

export type Ref = readonly [file: string, titleWords: string]

const W = 'src/client/features/import-wizard'
const D = 'src/client/features/imports-dashboard'
const S = 'src/server'

export const CHECKLIST: Record<string, readonly Ref[]> = {
  // A. CSV content
  A1: [
    [
      `${W}/steps/choose-file/choose-file-step.test.tsx`,
      'explains why an empty file cannot be imported',
    ],
    [`${S}/upload-content.test.ts`, 'an empty file'],
  ],
  A2: [
    ['src/shared/csv/file-content.test.ts', 'a header and blank rows'],
    [`${S}/upload-content.test.ts`, 'a header-only file'],
  ],
  A3: [
    ['src/shared/csv/file-content.test.ts', 'a UTF-8 BOM'],
    [`${S}/proxy.routes.test.ts`, 'counts columns of a header with a BOM'],
  ],
  A4: [
    [`${W}/core/scan-file.reading.test.ts`, 'transcodes'],
    [`${S}/upload-content.test.ts`, 'UTF-16 LE with a BOM'],
  ],
  A5: [
    [`${W}/core/scan-file.reading.test.ts`, 'decodes windows-1252 accents and the euro sign'],
    ['e2e/wizard-windows-1252.spec.ts', 'imports with correct accents'],
  ],
  A6: [[`${W}/core/detect-encoding.test.ts`, 'names the first byte that is not UTF-8']],
  A7: [
    ['src/shared/csv/file-content.test.ts', 'lone CR (old Mac Excel)'],
    [
      `${W}/core/real-world-files.clean-csv.test.ts`,
      'are read the same with 1-byte, 3-byte and 64 KB chunks',
    ],
  ],
  A8: [
    ['src/shared/csv/file-content.test.ts', 'quoted line breaks'],
    [`${W}/core/scan-file.reading.test.ts`, 'counts physical lines past quoted newlines'],
  ],
  A9: [[`${W}/core/scan-file.reading.test.ts`, 'reports an unterminated quote where it opens']],
  A10: [
    [
      `${W}/core/real-world-files.clean-csv.test.ts`,
      'a quote inside an unquoted cell is sent in a properly quoted copy',
    ],
  ],
  A11: [
    [`${W}/core/ragged-rows.test.ts`, 'blocks until every ragged row is excluded'],
    [
      'e2e/wizard-ragged-rows.spec.ts',
      'rows with the wrong number of cells are shown and must be excluded',
    ],
  ],
  A12: [
    [`${W}/core/inspect-file.test.ts`, 'uniqueColumnNames'],
    [`${W}/core/edits.test.ts`, 'duplicate headers renamed'],
  ],
  A13: [
    [`${W}/core/scan-file.reading.test.ts`, 'converts semicolons'],
    ['e2e/wizard-european-export.spec.ts', 'semicolon file with decimal commas'],
  ],
  A14: [[`${W}/core/inspect-file.test.ts`, '1,000 columns']],
  A15: [
    [
      `${S}/imports/create/csv-header.test.ts`,
      'takes a header that ends in the chunk that passes 1 MB',
    ],
  ],
  A16: [
    [`${W}/core/scan-file.reading.test.ts`, 'blocks a file with more rows than HubSpot accepts'],
  ],
  // flat memory on a 1M-row file is measured by npm run bench (speed and memory are not timed tests)
  A17: [
    [
      `${W}/core/scan-file.checks-and-export.test.ts`,
      'finds every repeat and bad value, counts the outcome, and reports progress',
    ],
    [`${W}/core/scan-file.checks-and-export.test.ts`, 'stops when cancelled'],
    [`${W}/core/csv-worker-client.test.ts`, 'rejects with an AbortError when cancelled'],
  ],
  A18: [
    [`${W}/core/inspect-file.test.ts`, 'a file over 512 MB'],
    [
      `${S}/proxy-faults.slow-and-oversized-uploads.test.ts`,
      'refuses a Content-Length over two 512 MB files',
    ],
  ],
  A19: [
    [`${W}/core/inspect-file.test.ts`, 'an xlsx renamed to .csv'],
    [`${S}/upload-content.test.ts`, 'a NUL byte in a cell'],
  ],
  A20: [[`${W}/core/inspect-file.test.ts`, 'blank-headers.csv']],
  A21: [
    [
      `${S}/checklist-faults.browser-side.test.ts`,
      'A21: formula-looking cells are uploaded unchanged',
    ],
  ],
  A22: [
    [
      'e2e/security-xss.spec.ts',
      'script in an import name, cells and HubSpot error rows is shown as text and never runs',
    ],
  ],
  A23: [[`${W}/core/csv-worker-client.test.ts`, 'NotReadableError']],
  A24: [['src/shared/value-rules/suggest-date-format.test.ts', 'suggestDateFormat']],

  // B. importRequest and mapping
  B1: [
    [`${S}/imports/create/import-form.test.ts`, 'not JSON'],
    [
      `${S}/proxy.routes.test.ts`,
      'refuses a bad importRequest, a mismatched file name or column count before anything is sent',
    ],
  ],
  B2: [
    [`${S}/imports/create/import-form.test.ts`, 'JSON of the wrong shape'],
    [
      `${S}/checklist-faults.browser-side.test.ts`,
      'B2: an importRequest with __proto__ or unknown keys is refused',
    ],
  ],
  B3: [[`${S}/imports/create/import-form.test.ts`, 'a value cut at the limit']],
  B4: [
    [`${S}/two-file-upload.test.ts`, "'the same file twice'"],
    [`${S}/two-file-upload.test.ts`, "'a third file'"],
    [
      `${S}/two-file-upload.test.ts`,
      'takes both files from the official Node client, which sends them before importRequest',
    ],
  ],
  B5: [[`${S}/proxy.routes.test.ts`, 'a mismatched file name']],
  B6: [
    [`${S}/upload-content.test.ts`, 'refuses a name with'],
    [`${S}/upload-content.test.ts`, 'Report "Q1" 100%.csv'],
  ],
  B7: [
    [`${S}/imports/create/import-request-checks.test.ts`, 'one column too many'],
    [`${W}/core/build-import-request.test.ts`, 'refuses an unmapped column'],
  ],
  B8: [['src/simulator/engine/process-import.mixed-rows.test.ts', 'PROPERTY_DEFINITION_NOT_FOUND']],
  B9: [[`${W}/core/preflight.test.ts`, 'UPDATE without any identifier value']],
  B10: [
    ['src/shared/hubspot/schemas.import-request.test.ts', 'importRequest: what we send is strict'],
  ],
  B11: [[`${W}/core/build-import-request.test.ts`, 'caps the name at 255 characters']],

  // C. browser → proxy transport
  C1: [
    [
      `${S}/proxy-faults.slow-and-oversized-uploads.test.ts`,
      'refuses a Content-Length over two 512 MB files plus the form overhead before any body byte',
    ],
  ],
  C2: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'refuses a file over the cap with 413 and never completes the upstream body',
    ],
  ],
  C3: [
    [
      `${S}/proxy-faults.slow-and-oversized-uploads.test.ts`,
      'answers 408 when a trickling upload stalls past the idle timeout',
    ],
    [`${S}/slow-uploads.test.ts`, 'lose their slots to the minimum rate'],
  ],
  C4: [
    [`${S}/checklist-faults.browser-side.test.ts`, 'C4: Node’s own request timeout is off'],
    [`${S}/upload-memory.test.ts`, 'upload with flat proxy memory'],
  ],
  C5: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'leaves no import when the browser disconnects mid-upload',
    ],
  ],
  C6: [
    [`${S}/checklist-faults.browser-side.test.ts`, 'C6: the browser leaves after the whole upload'],
  ],
  C7: [
    [`${S}/proxy.routes.test.ts`, 'refuses a form that is not multipart'],
    [`${S}/http-edges.test.ts`, 'multipart boundaries'],
  ],
  C8: [
    [
      `${S}/checklist-faults.browser-side.test.ts`,
      'C8: a form without its closing boundary is refused',
    ],
  ],
  C9: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'creates one import for a double submit with one Idempotency-Key',
    ],
    [`${S}/outcome-unknown.test.ts`, 'two retries at once still make one import'],
  ],
  C10: [
    [`${S}/slow-uploads.test.ts`, '50 concurrent creates all wait their turn'],
    [`${S}/slow-uploads.test.ts`, 'is bounded in length and in time: 503 with Retry-After'],
  ],
  C11: [[`${S}/imports/create/import-request-checks.test.ts`, "'content-encoding': 'gzip'"]],
  C12: [[`${S}/checklist-faults.browser-side.test.ts`, 'C12: %s → 400 from Node’s parser']],

  // D. HubSpot faults
  D1: [
    [`${S}/proxy-faults.cut-uploads-and-retries.test.ts`, 'retries a GET after %j and succeeds'],
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'honours Retry-After before retrying a 429',
    ],
    ['src/client/lib/api-client.test.ts', 'a burst rate limit with its wait'],
  ],
  D2: [[`${S}/rate-limit-advice.test.ts`, 'rateLimitKind and parseRetryAfter']],
  D3: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'does not retry a DAILY 429 and reports it',
    ],
    [`${S}/http-edges.test.ts`, 'says when it resets: Retry-After until midnight'],
  ],
  D4: [[`${S}/checklist-faults.hubspot-side.test.ts`, 'D4: a 429 on create']],
  D5: [
    [`${S}/get-retries.test.ts`, 'retries a 500'],
    [
      `${S}/get-retries.test.ts`,
      'gives up at the deadline with HubSpot’s own 503 and a Retry-After',
    ],
  ],
  D6: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'never sends a create twice, even when HubSpot answers 502',
    ],
    [
      `${S}/outcome-unknown.test.ts`,
      'the retry finds no import in HubSpot’s list and only then sends the file again',
    ],
    [
      `${S}/outcome-unknown.test.ts`,
      'cut after %i bytes: the retry returns the import HubSpot created',
    ],
    ['e2e/wizard-outcome-unknown.spec.ts', 'a lost answer: the wizard says so'],
  ],
  D7: [
    [`${S}/checklist-faults.hubspot-side.test.ts`, 'D7: HubSpot silent on a create'],
    [`${S}/checklist-faults.hubspot-side.test.ts`, 'D7: HubSpot silent on a GET'],
  ],
  D8: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'reports a reset by HubSpot mid-upload clearly and leaves no import',
    ],
    [
      `${S}/outcome-unknown.test.ts`,
      'at %f of the file: nothing was created, and the retry creates exactly one import',
    ],
  ],
  D9: [[`${S}/simulator-exit.test.ts`, 'answers clear JSON errors, an upload in flight included']],
  D10: [
    [
      `${S}/checklist-faults.hubspot-side.test.ts`,
      'D10: HubSpot refuses while a large file still streams',
    ],
  ],
  D11: [[`${S}/proxy.security.test.ts`, 'turns an HTML error page into a JSON error']],
  D12: [
    ['src/client/api/imports/import-polling.test.ts', 'polls an unknown (newer) state'],
    [
      'src/shared/hubspot/schemas.hubspot-answers.test.ts',
      'PublicImportResponse: what HubSpot sends is read tolerantly',
    ],
  ],
  D13: [
    [
      `${S}/checklist-faults.hubspot-side.test.ts`,
      'D13: an answer cut off mid-body is not passed on',
    ],
  ],
  D14: [
    [
      `${S}/proxy.security.test.ts`,
      'turns HubSpot 401 into a 502 that names the token, never a 401',
    ],
  ],
  D15: [
    [`${S}/proxy.security.test.ts`, 'turns HubSpot 403 into a 502 that names the missing scope'],
  ],
  D16: [['src/client/api/imports/import-polling.test.ts', 'stops when the import does not exist']],
  D17: [
    [
      `${S}/checklist-faults.hubspot-side.test.ts`,
      'D17: a redirect to another host is not followed',
    ],
  ],
  D18: [
    [
      `${S}/checklist-faults.hubspot-side.test.ts`,
      'D18: an answer that trickles is cut at the response timeout',
    ],
  ],
  D19: [
    [
      `${S}/checklist-faults.hubspot-side.test.ts`,
      'D19: an endless answer is cut at the proxy’s cap',
    ],
  ],
  D20: [[`${S}/rate-limit-advice.test.ts`, 'parseRetryAfter']],
  D21: [
    [
      `${S}/proxy-faults.cut-uploads-and-retries.test.ts`,
      'serves fifty pollers of one import with about one upstream call per interval',
    ],
  ],

  // E. lifecycle and polling
  E1: [
    [
      'e2e/dashboard.spec.ts',
      'an import moves STARTED → PROCESSING → DONE on screen, then polling stops',
    ],
  ],
  E2: [['src/client/api/imports/import-polling.test.ts', 'stops once FAILED']],
  E3: [
    ['e2e/dashboard.spec.ts', 'a fourth concurrent import waits as DEFERRED, then runs'],
    ['src/client/api/imports/import-polling.test.ts', 'while DEFERRED'],
  ],
  E4: [['src/client/api/imports/import-polling.test.ts', 'isStuck']],
  E5: [['e2e/dashboard.spec.ts', 'cancel asks first, sends one request, and shows CANCELED']],
  E6: [['e2e/dashboard.spec.ts', 'cancel asks first, sends one request, and shows CANCELED']],
  E7: [
    [
      'src/client/api/imports/get-import.test.tsx',
      'E7: stops in a hidden tab and refetches a running import on return',
    ],
    [
      'src/client/api/imports/get-import.test.tsx',
      'E7: a finished import is not fetched again on return to the tab',
    ],
  ],
  E8: [
    [
      'src/client/api/imports/get-import.test.tsx',
      'E8: pauses while offline and resumes once online',
    ],
  ],
  E9: [['src/client/api/imports/import-polling.test.ts', 'waits twice the outage after data was']],
  E10: [['src/client/api/imports/import-polling.test.ts', 'stops when the session expired (401)']],
  E12: [
    [
      'src/client/api/imports/get-import.test.tsx',
      'E12: unmounting mid-request aborts it through its signal',
    ],
  ],
  E11: [
    [`${S}/proxy-faults.cut-uploads-and-retries.test.ts`, 'serves fifty pollers of one import'],
    [`${S}/imports/status-cache.test.ts`, 'at most one call per interval'],
  ],

  // F. errors list and export
  F1: [['src/client/api/imports/get-import-errors.test.ts', 'refuses a repeated cursor']],
  F2: [['src/client/api/imports/get-import-errors.test.ts', 'stops on a cursor cycle A → B → A']],
  F3: [['src/client/api/imports/get-import-errors.test.ts', 'stops after maxPages']],
  F4: [
    [
      'src/client/api/imports/get-import-errors.test.ts',
      'asks a page again with the same cursor when HubSpot is busy',
    ],
  ],
  F5: [[`${D}/import-page.test.tsx`, 'No row errors']],
  F6: [
    [`${D}/errors-csv.test.ts`, 'leaves no formula cell for'],
    ['src/client/lib/csv.test.ts', 'applies the OWASP example'],
    ['e2e/dashboard.spec.ts', 'the CSV is complete and safe'],
  ],
  F7: [['src/client/lib/csv.test.ts', '+49 30 1234']],
  F8: [[`${D}/errors-csv.test.ts`, 'starts with a BOM']],
  F9: [
    [
      'e2e/security-xss.spec.ts',
      'script in an import name, cells and HubSpot error rows is shown as text and never runs',
    ],
  ],
  F10: [['e2e/wizard-line-numbers.spec.ts', 'a row is line 15 of kontakte.csv']],

  // G. security probes
  G1: [
    [`${S}/proxy.security.test.ts`, 'never appears in a response or a log line'],
    ['e2e/security.spec.ts', 'no token reaches the built client or the pages the browser loads'],
  ],
  G2: [[`${S}/proxy.routes.test.ts`, 'path and query validation']],
  G3: [
    [`${S}/http-edges.test.ts`, 'is 405 on the API and on the page'],
    [`${S}/proxy.routes.test.ts`, 'answers 405 for another method on a known path'],
  ],
  G4: [
    [`${S}/proxy.security.test.ts`, 'sends only its own headers upstream'],
    [`${S}/dns-rebinding.test.ts`, 'gets 403 on every route, reads included'],
  ],
  G5: [[`${S}/proxy.security.test.ts`, 'passes back only allow-listed ones']],
  G6: [
    [
      `${S}/proxy.security.test.ts`,
      'refuses a create without X-Requested-By, cross-site or from another origin',
    ],
    [`${S}/security.test.ts`, 'checkCsrf'],
  ],
  G7: [
    [`${S}/http-edges.test.ts`, "'OPTIONS'"],
    [`${S}/dns-rebinding.test.ts`, 'the Origin must be exactly ours'],
  ],
  G8: [
    ['e2e/ux-embed.spec.ts', 'the import page refuses to be framed by a foreign origin'],
    [`${S}/proxy.security.test.ts`, 'sends the CSP with frame-ancestors'],
  ],
  G9: [
    [
      'e2e/security-xss.spec.ts',
      'script in an import name, cells and HubSpot error rows is shown as text and never runs',
    ],
  ],
  G10: [
    [`${D}/use-import-finished-notice.test.ts`, 'resolveParentOrigin'],
    [
      'e2e/ux-embed.spec.ts',
      'embedded by an allowed parent, the page posts hubspot-import:finished to it',
    ],
  ],
  G11: [
    [`${S}/checklist-faults.browser-side.test.ts`, 'G11: a spoofed identity header is not trusted'],
    [
      `${S}/proxy.security.test.ts`,
      'writes one JSON request line per request and an audit line per create and cancel',
    ],
  ],
  G12: [
    [`${S}/checklist-faults.browser-side.test.ts`, 'G12: an error answer (%s) has no stack trace'],
  ],

  // H. resources and lifecycle
  H1: [[`${S}/upload-memory.test.ts`, 'upload with flat proxy memory']],
  H2: [
    [
      `${S}/leaked-handles.test.ts`,
      'no socket, server or timer of the proxy outlives it after fault tests',
    ],
  ],
  H3: [[`${S}/shutdown.test.ts`, 'SIGTERM mid-upload: 503 to the browser, no import']],
  H4: [
    [`${S}/temp-files.test.ts`, 'are deleted when the create is %s'],
    [`${S}/temp-files.test.ts`, 'are deleted when the browser leaves while the file is arriving'],
    [`${S}/temp-files.test.ts`, 'removes only spool directories older than the given age'],
  ],
}

/** Cases without a test yet, and what is missing. */
export const OPEN: Record<string, string> = {}
