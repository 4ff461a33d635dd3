// An import's counters and the records it created
import { describe, expect, it } from 'vitest'
import { ImportCounters } from './import-counters.ts'

type Step = (counters: ImportCounters) => void
const row: Step = (c) => c.countRow()
const create =
  (objectTypeId: string, id: string, values: number): Step =>
  (c) =>
    c.countCreated(objectTypeId, id, values)
const update =
  (objectTypeId: string, id: string, values: number): Step =>
  (c) =>
    c.countUpdated(objectTypeId, id, values)
const associate: Step = (c) => c.countAssociation()

const base = {
  TOTAL_ROWS: 0,
  CREATED_OBJECTS: 0,
  UPDATED_OBJECTS: 0,
  UNIQUE_OBJECTS_WRITTEN: 0,
  PROPERTY_VALUES_EMITTED: 0,
  ERRORS: 0,
}

describe('ImportCounters', () => {
  it.each([
    ['nothing yet', [], 0, base],
    ['errors come from the error list', [row], 3, { ...base, TOTAL_ROWS: 1, ERRORS: 3 }],
    [
      'a create then an update of the same record is one unique object',
      [row, create('0-1', '1', 3), row, update('0-1', '1', 2)],
      0,
      {
        ...base,
        TOTAL_ROWS: 2,
        CREATED_OBJECTS: 1,
        UPDATED_OBJECTS: 1,
        UNIQUE_OBJECTS_WRITTEN: 1,
        PROPERTY_VALUES_EMITTED: 5,
      },
    ],
    [
      'the same id in two object types is two records',
      [create('0-1', '1', 1), create('0-2', '1', 1)],
      0,
      { ...base, CREATED_OBJECTS: 2, UNIQUE_OBJECTS_WRITTEN: 2, PROPERTY_VALUES_EMITTED: 2 },
    ],
    [
      'associations appear once there is one',
      [associate, associate],
      0,
      { ...base, ASSOCIATIONS_CREATED: 2 },
    ],
  ])('%s', (_case, steps: Step[], errors, snapshot) => {
    const counters = new ImportCounters()
    for (const step of steps) step(counters)
    expect(counters.snapshot(errors)).toEqual(snapshot)
  })

  it('remembers the records it created and the contacts it wrote', () => {
    const counters = new ImportCounters()
    counters.countCreated('0-1', '1', 1)
    counters.countUpdated('0-1', '2', 1)
    counters.countCreated('0-2', '3', 1)
    expect(counters.createdByThisImport('0-1', '1')).toBe(true)
    expect(counters.createdByThisImport('0-1', '2')).toBe(false)
    expect(counters.createdByThisImport('0-1', '3')).toBe(false)
    expect([...counters.contactIds]).toEqual(['1', '2'])
  })
})
