import { readFileSync } from 'node:fs'

/** A fixture's bytes (tests only). */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))
}

/** A fixture as a File, the way the browser hands it over (tests only). */
export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name)], name, { type: 'text/csv' })
}
