/**
 * Upload file names, the same for the page, the proxy and the simulator. HubSpot matches
 * `importRequest.files[].fileName` to the uploaded part's name, so the name must survive the
 * multipart header exactly. HubSpot documents no limit or character rules for it (SILENT): names
 * are capped at 255 bytes of UTF-8 (the common file-system limit) and control characters are
 * refused, since no file picker produces them and a header cannot carry them.
 */

export const MAX_FILE_NAME_BYTES = 255

// C0 controls, DEL and C1 controls: what the check is for
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** Why a file name cannot be uploaded, for a person; undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (name === '') return 'The file part has no file name; send the file with its name.'
  const control = CONTROL.exec(name)
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    return `The file name contains the control character U+${code} (at character ${control.index + 1}); rename the file.`
  }
  const bytes = new TextEncoder().encode(name).length
  if (bytes > MAX_FILE_NAME_BYTES) {
    return `The file name is ${bytes} bytes long in UTF-8; at most ${MAX_FILE_NAME_BYTES} are accepted. Rename the file.`
  }
  return undefined
}

/**
 * A name that passes `fileNameProblem`, from any name: control characters dropped, path
 * separators replaced, and the part before the extension shortened to fit 255 bytes.
 */
export function uploadableFileName(name: string): string {
  const cleaned = name.replace(new RegExp(CONTROL.source, 'g'), '').replace(/[/\\]/g, '_')
  const dot = cleaned.lastIndexOf('.')
  const extension = dot >= 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : ''
  let stem = extension ? cleaned.slice(0, dot) : cleaned
  const encoder = new TextEncoder()
  const budget = MAX_FILE_NAME_BYTES - encoder.encode(extension).length
  // by code point, so a character is never cut in half
  while (encoder.encode(stem).length > budget) stem = Array.from(stem).slice(0, -1).join('')
  return `${stem || 'import'}${extension}`
}

// RFC 5987 attr-char: everything else is percent-encoded as UTF-8
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/

/**
 * The Content-Disposition parameters for a file part: `filename` as browsers write it (UTF-8,
 * with `"`, CR and LF percent-encoded, per the HTML form encoding and RFC 7578 §4.2), plus an
 * RFC 5987 `filename*` when that form cannot carry the name exactly, so a receiver that reads
 * `filename*` (our multipart-parser.ts, Jersey, Spring) gets the very name importRequest names.
 */
export function fileNameParameters(name: string): string {
  const quoted = name.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
  const exact = quoted === name && !name.includes('%') && /^[\x20-\x7e]*$/.test(name)
  if (exact) return `filename="${quoted}"`
  let extended = ''
  for (const char of name) {
    if (ATTR_CHAR.test(char)) extended += char
    else
      for (const byte of new TextEncoder().encode(char))
        extended += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return `filename="${quoted}"; filename*=UTF-8''${extended}`
}

/**
 * Whether an uploaded part's name is the name importRequest gives: equal, or equal once the
 * browser's form encoding (`"` → `%22`, CR → `%0D`, LF → `%0A`) is applied to the requested name.
 */
export function sameUploadedFileName(requested: string, uploaded: string): boolean {
  if (requested === uploaded) return true
  return (
    requested.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A') === uploaded
  )
}
