// How a file is read: its encoding, delimiter and header row, each detected and overridable
/** TextDecoder labels the wizard offers (WHATWG Encoding names). */
export const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8 (Unicode)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Excel "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 / Latin-1 (Western Europe, Excel on Windows)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 / Latin-9 (Western Europe with €)' },
  { value: 'windows-1250', label: 'Windows-1250 (Central Europe)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'macintosh', label: 'Mac OS Roman (old Excel for Mac)' },
] as const

export type Encoding = (typeof ENCODINGS)[number]['value']

export const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
] as const

export type Delimiter = (typeof DELIMITERS)[number]['value']

/** How the file is read. Every field is detected by `inspectFile` and can be overridden in the UI. */
export interface ParseSettings {
  encoding: Encoding
  delimiter: Delimiter
  /** 0-based index of the header among the file's records (blank records are not records) */
  headerRowIndex: number
}

export type SettingsOverrides = Partial<ParseSettings>
