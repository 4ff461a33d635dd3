// What the start summary says about rows the check step found problems in that were neither fixed nor excluded
import { plural } from '#client/lib/format.ts'

/**
 * Such rows are sent as they are: HubSpot does not stop the import for them, it leaves out what it
 * can't accept and lists each problem as a row error on the import's page (from there the failed
 * rows can be downloaded, fixed and imported again).
 */
export function unfixedProblemsNote(problemRows: number): string {
  const rows = plural(problemRows, 'row')
  const they = problemRows === 1 ? 'it' : 'them'
  return `${rows} with problems that were not fixed or excluded will be sent as ${problemRows === 1 ? 'it is' : 'they are'}. HubSpot still runs the import, leaves out what it can't accept in ${problemRows === 1 ? 'that row' : 'those rows'} and lists each problem as an error on the import's page, where you can download ${they}, fix ${they} and import ${they} again.`
}
