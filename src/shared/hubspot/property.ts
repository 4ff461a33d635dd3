// HubSpot's Property (properties API), as zod schemas, and whether an import may write it
import * as z from 'zod'
import { tolerantEnum } from './tolerant.ts'

export const PROPERTY_TYPES = [
  'bool',
  'date',
  'datetime',
  'enumeration',
  'number',
  'phone_number',
  'string',
  'object_coordinates',
  'json',
] as const
export type PropertyType = (typeof PROPERTY_TYPES)[number]

export const FIELD_TYPES = [
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
] as const

export const optionSchema = z.object({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().default(false),
  description: z.string().optional(),
  displayOrder: z.number().optional(),
})
export type Option = z.infer<typeof optionSchema>

export const modificationMetadataSchema = z.object({
  archivable: z.boolean(),
  readOnlyDefinition: z.boolean(),
  readOnlyValue: z.boolean(),
  readOnlyOptions: z.boolean().optional(),
})

/** `Property` from the properties API (v3 and 2026-03). */
export const propertySchema = z.object({
  name: z.string(),
  label: z.string(),
  type: tolerantEnum(PROPERTY_TYPES),
  fieldType: tolerantEnum(FIELD_TYPES),
  groupName: z.string(),
  description: z.string().default(''),
  options: z.array(optionSchema).default([]),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  calculated: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  hubspotDefined: z.boolean().optional(),
  formField: z.boolean().optional(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  createdUserId: z.string().optional(),
  updatedUserId: z.string().optional(),
  referencedObjectType: z.string().optional(),
  dataSensitivity: z.string().optional(),
  numberDisplayHint: z.string().optional(),
  textDisplayHint: z.string().optional(),
  dateDisplayHint: z.string().optional(),
  modificationMetadata: modificationMetadataSchema.optional(),
})
export type Property = z.infer<typeof propertySchema>

export const propertiesResponseSchema = z.object({ results: z.array(propertySchema) })
export type PropertiesResponse = z.infer<typeof propertiesResponseSchema>

/** Whether an import may write this property (read-only values and calculations cannot be set). */
export function isWritable(property: Property): boolean {
  return !property.calculated && property.modificationMetadata?.readOnlyValue !== true
}
