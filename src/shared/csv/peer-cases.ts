/**
 * Other projects' CSV test cases, as data, for the peer-suite tests of the three readers (tests
 * only): the wizard core (head and streaming scan), the simulator's reader and upload survey, and
 * the proxy's first-line reader each read every case and must give the rows `expectedRows` says,
 * so all three agree with each other and, except where named, with the peer.
 *
 * - PapaParse's own parse cases (github.com/mholt/PapaParse, tests/test-cases.js, MIT), the ones
 *   that apply to a header-row import: plain parsing with the default, tab or pipe delimiter
 *   (configured or guessed), empty-line handling, the BOM, header mode. Left out: comments,
 *   dynamic typing, transforms, preview, skipFirstNLines, custom quote/escape characters and
 *   delimiters HubSpot's CSV never has (ASCII 30/31, multi-character, callbacks).
 * - csv-spectrum (npm, BSD-2-Clause), loaded from node_modules by `loadCsvSpectrum`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isBlankRecord, type CsvDelimiter } from './record-reader.ts'

export interface PeerCase {
  source: 'PapaParse core parser' | 'PapaParse parse' | 'csv-spectrum'
  name: string
  input: string
  /** the delimiter the peer was given, or guessed */
  delimiter: CsvDelimiter
  /** the rows the peer's test expects */
  peerRows: string[][]
  /** peer options that shaped `peerRows` */
  peerOptions?: string
  /** the quote errors the peer reports (PapaParse's codes) */
  peerErrors?: ('MissingQuotes' | 'InvalidQuotes')[]
  /** where the dialect reads differently on purpose: our rows, and the choice that makes them */
  ours?: { rows: string[][]; choice: string }
}

/** The rows the dialect gives, and why they differ from the peer's when they do. */
export function expectedRows(peerCase: PeerCase): { rows: string[][]; choice?: string } {
  if (peerCase.ours) return peerCase.ours
  const rows = peerCase.peerRows.filter((row) => !isBlankRecord(row))
  if (rows.length === peerCase.peerRows.length) return { rows }
  return { rows, choice: 'blank rows are not rows (PapaParse skipEmptyLines: "greedy")' }
}

const RENAMED_HEADERS =
  'the header is read as written: the mapping step names repeats (A, A (2)), and HubSpot gets the names the upload carries'

/** PapaParse's cases, with the rows its tests expect. */
export const PAPAPARSE_CASES: PeerCase[] = [
  {
    source: 'PapaParse core parser',
    name: 'One row',
    input: 'A,b,c',
    delimiter: ',',
    peerRows: [['A', 'b', 'c']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Two rows',
    input: 'A,b,c\nd,E,f',
    delimiter: ',',
    peerRows: [
      ['A', 'b', 'c'],
      ['d', 'E', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Three rows',
    input: 'A,b,c\nd,E,f\nG,h,i',
    delimiter: ',',
    peerRows: [
      ['A', 'b', 'c'],
      ['d', 'E', 'f'],
      ['G', 'h', 'i'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Whitespace at edges of unquoted field',
    input: 'a,\tb ,c',
    delimiter: ',',
    peerRows: [['a', '\tb ', 'c']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field',
    input: 'A,"B",C',
    delimiter: ',',
    peerRows: [['A', 'B', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with extra whitespace on edges',
    input: 'A," B  ",C',
    delimiter: ',',
    peerRows: [['A', ' B  ', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with delimiter',
    input: 'A,"B,B",C',
    delimiter: ',',
    peerRows: [['A', 'B,B', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with line break',
    input: 'A,"B\nB",C',
    delimiter: ',',
    peerRows: [['A', 'B\nB', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted fields with line breaks',
    input: 'A,"B\nB","C\nC\nC"',
    delimiter: ',',
    peerRows: [['A', 'B\nB', 'C\nC\nC']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted fields at end of row with delimiter and line break',
    input: 'a,b,"c,c\nc"\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c,c\nc'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with escaped quotes',
    input: 'A,"B""B""B",C',
    delimiter: ',',
    peerRows: [['A', 'B"B"B', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with escaped quotes at boundaries',
    input: 'A,"""B""",C',
    delimiter: ',',
    peerRows: [['A', '"B"', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Unquoted field with quotes at end of field',
    input: 'A,B",C',
    delimiter: ',',
    peerRows: [['A', 'B"', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with quotes around delimiter',
    input: 'A,""",""",C',
    delimiter: ',',
    peerRows: [['A', '","', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with quotes on right side of delimiter',
    input: 'A,",""",C',
    delimiter: ',',
    peerRows: [['A', ',"', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with quotes on left side of delimiter',
    input: 'A,""",",C',
    delimiter: ',',
    peerRows: [['A', '",', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with 5 quotes in a row and a delimiter in there, too',
    input: '"1","cnonce="""",nc=""""","2"',
    delimiter: ',',
    peerRows: [['1', 'cnonce="",nc=""', '2']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field with whitespace around quotes',
    input: 'A, "B" ,C',
    delimiter: ',',
    peerRows: [['A', ' "B" ', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Misplaced quotes in data, not as opening quotes',
    input: 'A,B "B",C',
    delimiter: ',',
    peerRows: [['A', 'B "B"', 'C']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has no closing quote',
    input: 'a,"b,c\nd,e,f',
    delimiter: ',',
    peerRows: [['a', 'b,c\nd,e,f']],
    peerErrors: ['MissingQuotes'],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has invalid trailing quote after delimiter with a valid closer',
    input: '"a,"b,c"\nd,e,f',
    delimiter: ',',
    peerRows: [['a,"b,c'], ['d', 'e', 'f']],
    peerErrors: ['InvalidQuotes'],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has invalid trailing quote after delimiter',
    input: 'a,"b,"c\nd,e,f',
    delimiter: ',',
    peerRows: [['a', 'b,"c\nd,e,f']],
    peerErrors: ['InvalidQuotes', 'MissingQuotes'],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has invalid trailing quote before delimiter',
    input: 'a,"b"c,d\ne,f,g',
    delimiter: ',',
    peerRows: [['a', 'b"c,d\ne,f,g']],
    peerErrors: ['InvalidQuotes', 'MissingQuotes'],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has invalid trailing quote after new line',
    input: 'a,"b,c\nd"e,f,g',
    delimiter: ',',
    peerRows: [['a', 'b,c\nd"e,f,g']],
    peerErrors: ['InvalidQuotes', 'MissingQuotes'],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has valid trailing quote via delimiter',
    input: 'a,"b",c\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has valid trailing quote via \\n',
    input: 'a,b,"c"\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field has valid trailing quote via EOF',
    input: 'a,b,c\nd,e,"f"',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field contains delimiters and \\n with valid trailing quote',
    input: 'a,"b,c\nd,e,f"',
    delimiter: ',',
    peerRows: [['a', 'b,c\nd,e,f']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Line starts with quoted field',
    input: 'a,b,c\n"d",e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Line starts with unquoted empty field',
    input: ',b,c\n"d",e,f',
    delimiter: ',',
    peerRows: [
      ['', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Line ends with quoted field',
    input: 'a,b,c\nd,e,f\n"g","h","i"\n"j","k","l"',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
      ['j', 'k', 'l'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Line ends with quoted field, first field of next line is empty, \\n',
    input: 'a,b,c\n,e,f\n,"h","i"\n,"k","l"',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['', 'e', 'f'],
      ['', 'h', 'i'],
      ['', 'k', 'l'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Quoted field at end of row (but not at EOF) has quotes',
    input: 'a,b,"c""c"""\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c"c"'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Empty quoted field at EOF is empty',
    input: 'a,b,""\na,b,""',
    delimiter: ',',
    peerRows: [
      ['a', 'b', ''],
      ['a', 'b', ''],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Multiple consecutive empty fields',
    input: 'a,b,,,c,d\n,,e,,,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', '', '', 'c', 'd'],
      ['', '', 'e', '', '', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Empty input string',
    input: '',
    delimiter: ',',
    peerRows: [],
  },
  {
    source: 'PapaParse core parser',
    name: 'Input is just the delimiter (2 empty fields)',
    input: ',',
    delimiter: ',',
    peerRows: [['', '']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Input is just empty fields',
    input: ',,\n,,,',
    delimiter: ',',
    peerRows: [
      ['', '', ''],
      ['', '', '', ''],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Input is just a string (a single field)',
    input: 'Abc def',
    delimiter: ',',
    peerRows: [['Abc def']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Input with only a commented line, without comments enabled',
    input: '#commented line',
    delimiter: ',',
    peerRows: [['#commented line']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Input without comments with line starting with whitespace',
    input: 'a\n b\nc',
    delimiter: ',',
    peerRows: [['a'], [' b'], ['c']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Multiple rows, one column (no delimiter found)',
    input: 'a\nb\nc\nd\ne',
    delimiter: ',',
    peerRows: [['a'], ['b'], ['c'], ['d'], ['e']],
  },
  {
    source: 'PapaParse core parser',
    name: 'One column input with empty fields',
    input: 'a\nb\n\n\nc\nd\ne\n',
    delimiter: ',',
    peerRows: [['a'], ['b'], [''], [''], ['c'], ['d'], ['e'], ['']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Fast mode, basic',
    input: 'a,b,c\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Fast mode with blank line at end',
    input: 'a,b,c\n',
    delimiter: ',',
    peerRows: [['a', 'b', 'c'], ['']],
  },
  {
    source: 'PapaParse core parser',
    name: 'Simple duplicated header names',
    input: 'A,A,A,A\n1,2,3,4',
    delimiter: ',',
    peerRows: [
      ['A', 'A_1', 'A_2', 'A_3'],
      ['1', '2', '3', '4'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Duplicated header names existing column',
    input: 'c,c,c,c_1\n1,2,3,4',
    delimiter: ',',
    peerRows: [
      ['c', 'c_2', 'c_3', 'c_1'],
      ['1', '2', '3', '4'],
    ],
  },
  {
    source: 'PapaParse core parser',
    name: 'Duplicate header names with __proto__ field',
    input: '__proto__,__proto__,__proto__\n1,2,3',
    delimiter: ',',
    peerRows: [
      ['__proto__', '__proto___1', '__proto___2'],
      ['1', '2', '3'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Two rows, just \\r',
    input: 'A,b,c\rd,E,f',
    delimiter: ',',
    peerRows: [
      ['A', 'b', 'c'],
      ['d', 'E', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Two rows, \\r\\n',
    input: 'A,b,c\r\nd,E,f',
    delimiter: ',',
    peerRows: [
      ['A', 'b', 'c'],
      ['d', 'E', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted field with \\r\\n',
    input: 'A,"B\r\nB",C',
    delimiter: ',',
    peerRows: [['A', 'B\r\nB', 'C']],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted field with \\r',
    input: 'A,"B\rB",C',
    delimiter: ',',
    peerRows: [['A', 'B\rB', 'C']],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted field with \\n',
    input: 'A,"B\nB",C',
    delimiter: ',',
    peerRows: [['A', 'B\nB', 'C']],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted fields with spaces between closing quote and next delimiter',
    input: 'A,"B" ,C,D\r\nE,F,"G"  ,H',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted fields with spaces between closing quote and next new line',
    input: 'A,B,C,"D" \r\nE,F,G,"H"  \r\nQ,W,E,R',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
      ['Q', 'W', 'E', 'R'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted fields with spaces after closing quote',
    input: 'A,"B" ,C,"D" \r\nE,F,"G"  ,"H"  \r\nQ,W,"E" ,R',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
      ['Q', 'W', 'E', 'R'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Misplaced quotes in data twice, not as opening quotes',
    input: 'A,B",C\nD,E",F',
    delimiter: ',',
    peerRows: [
      ['A', 'B"', 'C'],
      ['D', 'E"', 'F'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Mixed slash n and slash r should choose first as precident',
    input: 'a,b,c\nd,e,f\rg,h,i\n',
    delimiter: ',',
    peerRows: [['a', 'b', 'c'], ['d', 'e', 'f\rg', 'h', 'i'], ['']],
  },
  {
    source: 'PapaParse parse',
    name: 'Header row with one row of data',
    input: 'A,B,C\r\na,b,c',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['a', 'b', 'c'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Header row only',
    input: 'A,B,C',
    delimiter: ',',
    peerRows: [['A', 'B', 'C']],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Row with too few fields',
    input: 'A,B,C\r\na,b',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['a', 'b'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Row with too many fields',
    input: 'A,B,C\r\na,b,c,d,e\r\nf,g,h',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['a', 'b', 'c', 'd', 'e'],
      ['f', 'g', 'h'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Row with enough fields but blank field in the begining',
    input: 'A,B,C\r\n,b1,c1\r\na2,b2,c2',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['', 'b1', 'c1'],
      ['a2', 'b2', 'c2'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Row with enough fields but blank field in the begining using headers',
    input: 'A,B,C\r\n,b1,c1\r\n,b2,c2',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['', 'b1', 'c1'],
      ['', 'b2', 'c2'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Row with enough fields but blank field at end',
    input: 'A,B,C\r\na,b,',
    delimiter: ',',
    peerRows: [
      ['A', 'B', 'C'],
      ['a', 'b', ''],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Line ends with quoted field, first field of next line is empty using headers',
    input: 'a,b,"c"\r\nd,e,"f"\r\n,"h","i"\r\n,"k","l"',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['', 'h', 'i'],
      ['', 'k', 'l'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Tab delimiter',
    input: 'a\tb\tc\r\nd\te\tf',
    delimiter: '\t',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Pipe delimiter',
    input: 'a|b|c\r\nd|e|f',
    delimiter: '|',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Blank line at beginning',
    input: '\r\na,b,c\r\nd,e,f',
    delimiter: ',',
    peerRows: [[''], ['a', 'b', 'c'], ['d', 'e', 'f']],
  },
  {
    source: 'PapaParse parse',
    name: 'Blank line in middle',
    input: 'a,b,c\r\n\r\nd,e,f',
    delimiter: ',',
    peerRows: [['a', 'b', 'c'], [''], ['d', 'e', 'f']],
  },
  {
    source: 'PapaParse parse',
    name: 'Blank lines at end',
    input: 'a,b,c\nd,e,f\n\n',
    delimiter: ',',
    peerRows: [['a', 'b', 'c'], ['d', 'e', 'f'], [''], ['']],
  },
  {
    source: 'PapaParse parse',
    name: 'Blank line in middle with whitespace',
    input: 'a,b,c\r\n \r\nd,e,f',
    delimiter: ',',
    peerRows: [['a', 'b', 'c'], [' '], ['d', 'e', 'f']],
  },
  {
    source: 'PapaParse parse',
    name: 'First field of a line is empty',
    input: 'a,b,c\r\n,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Last field of a line is empty',
    input: 'a,b,\r\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', ''],
      ['d', 'e', 'f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Other fields are empty',
    input: 'a,,c\r\n,,',
    delimiter: ',',
    peerRows: [
      ['a', '', 'c'],
      ['', '', ''],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Empty input string',
    input: '',
    delimiter: ',',
    peerRows: [],
  },
  {
    source: 'PapaParse parse',
    name: 'Input is just the delimiter (2 empty fields)',
    input: ',',
    delimiter: ',',
    peerRows: [['', '']],
  },
  {
    source: 'PapaParse parse',
    name: 'Input is just a string (a single field)',
    input: 'Abc def',
    delimiter: ',',
    peerRows: [['Abc def']],
  },
  {
    source: 'PapaParse parse',
    name: 'Empty lines',
    input: '\na,b,c\n\nd,e,f\n\n',
    delimiter: ',',
    peerRows: [[''], ['a', 'b', 'c'], [''], ['d', 'e', 'f'], [''], ['']],
  },
  {
    source: 'PapaParse parse',
    name: 'Skip empty lines',
    input: 'a,b,c\n\nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
    peerOptions: 'skipEmptyLines: true',
  },
  {
    source: 'PapaParse parse',
    name: 'Skip empty lines, with newline at end of input',
    input: 'a,b,c\r\n\r\nd,e,f\r\n',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
    peerOptions: 'skipEmptyLines: true',
  },
  {
    source: 'PapaParse parse',
    name: 'Skip empty lines, with empty input',
    input: '',
    delimiter: ',',
    peerRows: [],
    peerOptions: 'skipEmptyLines: true',
  },
  {
    source: 'PapaParse parse',
    name: 'Skip empty lines, with first line only whitespace',
    input: ' \na,b,c',
    delimiter: ',',
    peerRows: [[' '], ['a', 'b', 'c']],
    peerOptions: 'skipEmptyLines: true',
  },
  {
    source: 'PapaParse parse',
    name: 'Skip empty lines while detecting delimiter',
    input: 'a,b\n1,2\n3,4\n',
    delimiter: ',',
    peerRows: [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ],
    peerOptions:
      'skipEmptyLines: true; header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: 'Pipe delimiter is guessed correctly when mixed with comas',
    input: 'one|two,two|three\nfour|five,five|six',
    delimiter: '|',
    peerRows: [
      ['one', 'two,two', 'three'],
      ['four', 'five,five', 'six'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Pipe delimiter is guessed correctly choose avgFildCount max one',
    input: 'a,b,c\na,b,c|d|e|f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c'],
      ['a', 'b', 'c|d|e|f'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Pipe delimiter is guessed correctly when first field are enclosed in quotes and contain delimiter characters',
    input: '"Field1,1,1";Field2;"Field3";Field4;Field5;Field6',
    delimiter: ';',
    peerRows: [['Field1,1,1', 'Field2', 'Field3', 'Field4', 'Field5', 'Field6']],
  },
  {
    source: 'PapaParse parse',
    name: 'Pipe delimiter is guessed correctly when some fields are enclosed in quotes and contain delimiter characters and escaoped quotes',
    input: 'Field1;Field2;"Field,3,""3,3";Field4;Field5;"Field6,6"',
    delimiter: ';',
    peerRows: [['Field1', 'Field2', 'Field,3,"3,3', 'Field4', 'Field5', 'Field6,6']],
  },
  {
    source: 'PapaParse parse',
    name: 'Carriage return in header inside quotes, with line feed endings',
    input: '"a\r\na","b"\n"c","d"\n"e","f"\n"g","h"\n"i","j"',
    delimiter: ',',
    peerRows: [
      ['a\r\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Line feed in header inside quotes, with carriage return + line feed endings',
    input: '"a\na","b"\r\n"c","d"\r\n"e","f"\r\n"g","h"\r\n"i","j"',
    delimiter: ',',
    peerRows: [
      ['a\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\r\\n endings uses \\r\\n linebreak',
    input: 'a,b\r\nc,d\r\ne,f\r\ng,h\r\ni,j',
    delimiter: ',',
    peerRows: [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\n endings uses \\n linebreak',
    input: 'a,b\nc,d\ne,f\ng,h\ni,j',
    delimiter: ',',
    peerRows: [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\r\\n endings with \\r\\n in header field uses \\r\\n linebreak',
    input: '"a\r\na",b\r\nc,d\r\ne,f\r\ng,h\r\ni,j',
    delimiter: ',',
    peerRows: [
      ['a\r\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\r\\n endings with \\n in header field uses \\r\\n linebreak',
    input: '"a\na",b\r\nc,d\r\ne,f\r\ng,h\r\ni,j',
    delimiter: ',',
    peerRows: [
      ['a\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\r\\n endings with \\n in header field with skip empty lines uses \\r\\n linebreak',
    input: '"a\na",b\r\nc,d\r\ne,f\r\ng,h\r\ni,j\r\n',
    delimiter: ',',
    peerRows: [
      ['a\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
    peerOptions: 'skipEmptyLines: true',
  },
  {
    source: 'PapaParse parse',
    name: 'Using \\n endings with \\r\\n in header field uses \\n linebreak',
    input: '"a\r\na",b\nc,d\ne,f\ng,h\ni,j',
    delimiter: ',',
    peerRows: [
      ['a\r\na', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'UTF-8 BOM encoded input is stripped from invisible BOM character',
    input: '﻿A,B\nX,Y',
    delimiter: ',',
    peerRows: [
      ['A', 'B'],
      ['X', 'Y'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'UTF-8 BOM encoded input with header produces column key stripped from invisible BOM character',
    input: '﻿A,B\nX,Y',
    delimiter: ',',
    peerRows: [
      ['A', 'B'],
      ['X', 'Y'],
    ],
    peerOptions: 'header: true; rows as the parser reads them, before it maps the header',
  },
  {
    source: 'PapaParse parse',
    name: "Parsing with skipEmptyLines set to 'greedy'",
    input: 'a,b\n\n,\nc,d\n , \n""," "\n\t,\t\n,,,,\n',
    delimiter: ',',
    peerRows: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    peerOptions: 'skipEmptyLines: greedy',
  },
  {
    source: 'PapaParse parse',
    name: "Parsing with skipEmptyLines set to 'greedy' with quotes and delimiters as content",
    input: 'a,b\n\n,\nc,d\n" , ",","\n""" """,""""""\n\n\n',
    delimiter: ',',
    peerRows: [
      ['a', 'b'],
      ['c', 'd'],
      [' , ', ','],
      ['" "', '""'],
    ],
    peerOptions: 'skipEmptyLines: greedy',
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted fields with spaces between closing quote and next delimiter and contains delimiter',
    input: 'A,",B" ,C,D\nE,F,G,H',
    delimiter: ',',
    peerRows: [
      ['A', ',B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
    ],
  },
  {
    source: 'PapaParse parse',
    name: 'Quoted fields with spaces between closing quote and newline and contains newline',
    input: 'a,b,"c\n" \nd,e,f',
    delimiter: ',',
    peerRows: [
      ['a', 'b', 'c\n'],
      ['d', 'e', 'f'],
    ],
  },
]

// where the dialect differs on purpose, beyond blank rows
const DIFFERENCES: Record<string, PeerCase['ours']> = {
  'Mixed slash n and slash r should choose first as precident': {
    rows: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ],
    choice:
      'any of CRLF, LF and CR ends a record, mixed in one file too (PapaParse picks one per file and keeps the others in cells)',
  },
  'Simple duplicated header names': {
    rows: [
      ['A', 'A', 'A', 'A'],
      ['1', '2', '3', '4'],
    ],
    choice: RENAMED_HEADERS,
  },
  'Duplicated header names existing column': {
    rows: [
      ['c', 'c', 'c', 'c_1'],
      ['1', '2', '3', '4'],
    ],
    choice: RENAMED_HEADERS,
  },
  'Duplicate header names with __proto__ field': {
    rows: [
      ['__proto__', '__proto__', '__proto__'],
      ['1', '2', '3'],
    ],
    choice: RENAMED_HEADERS,
  },
}
for (const peerCase of PAPAPARSE_CASES) {
  const ours = DIFFERENCES[peerCase.name]
  if (ours) peerCase.ours = ours
}

/**
 * csv-spectrum's files with their JSON (`[{header: value}]` rows become the header row and its
 * rows). Its `location_coordinates.json` gives another phone number than its CSV holds, and one
 * object instead of a list: that case expects what the CSV says.
 */
export function loadCsvSpectrum(): PeerCase[] {
  const root = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'))
  return readdirSync(path.join(root, 'csvs'))
    .filter((file) => file.endsWith('.csv'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.csv'.length)
      const input = readFileSync(path.join(root, 'csvs', file), 'utf8')
      const json = JSON.parse(readFileSync(path.join(root, 'json', `${name}.json`), 'utf8')) as
        Record<string, string> | Record<string, string>[]
      const objects = Array.isArray(json) ? json : [json]
      const header = Object.keys(objects[0] ?? {})
      const peerRows = [header, ...objects.map((o) => header.map((key) => o[key] ?? ''))]
      const peerCase: PeerCase = { source: 'csv-spectrum', name, input, delimiter: ',', peerRows }
      if (name === 'location_coordinates') {
        peerCase.ours = {
          rows: peerRows.map((row, i) => (i === 1 ? ['2095257564', ...row.slice(1)] : row)),
          choice: "the corpus's JSON has another phone number (1234567890) than its CSV",
        }
      }
      return peerCase
    })
}
