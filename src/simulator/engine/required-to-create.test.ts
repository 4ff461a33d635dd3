// Values HubSpot needs to create a record, per object
import { describe, expect, it } from 'vitest'
import { missingRequiredMessage, missingRequiredToCreate } from './required-to-create.ts'

describe('missingRequiredToCreate', () => {
  it.each([
    ['0-1', [], ['email']],
    ['0-1', ['email'], []],
    ['0-2', [], ['name']],
    ['0-2', ['domain'], []],
    ['0-2', ['name'], []],
    ['0-2', ['name', 'domain'], []],
    ['0-3', [], ['dealname', 'pipeline', 'dealstage']],
    ['0-3', ['dealname'], ['pipeline', 'dealstage']],
    ['0-3', ['pipeline'], ['dealname', 'dealstage']],
    ['0-3', ['dealname', 'pipeline', 'dealstage'], []],
    ['0-5', ['subject', 'hs_pipeline'], ['hs_pipeline_stage']],
    ['0-5', ['subject', 'hs_pipeline', 'hs_pipeline_stage'], []],
    ['2-99', [], []],
    ['constructor', [], []],
  ])('%s with %j is missing %j', (objectTypeId, present, missing) => {
    expect(missingRequiredToCreate(objectTypeId, (name) => present.includes(name))).toEqual(missing)
  })
})

describe('missingRequiredMessage', () => {
  it.each([
    ['0-1', ['email'], 'A new contact needs email; the row has no valid value for it.'],
    [
      '0-3',
      ['pipeline', 'dealstage'],
      'A new deal needs pipeline, dealstage; the row has no valid value for them.',
    ],
  ])('%s missing %j', (objectTypeId, missing, message) => {
    expect(missingRequiredMessage(objectTypeId, missing)).toBe(message)
  })
})
