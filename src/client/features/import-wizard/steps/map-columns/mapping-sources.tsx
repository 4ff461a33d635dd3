// Reusing a mapping: saved templates and the mapping of a previous import
import { useState } from 'react'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { getImport } from '#client/api/imports/get-import.ts'
import { useImports } from '#client/api/imports/get-imports.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { readImportRequestJson } from '#client/lib/hubspot/import-request-json.ts'
import type { MappingDraft } from '../../core/mapping-draft.ts'
import {
  applyTemplateColumns,
  deleteTemplate,
  loadTemplates,
  saveTemplate,
  templateColumnsFromImport,
  type MappingTemplate,
  type TemplateColumn,
} from '../../mapping-templates.ts'

interface MappingSourcesProps {
  mapping: MappingDraft
  objectIds: readonly ObjectTypeId[]
  onApply: (mapping: MappingDraft) => void
}

/** Saved mapping templates and "copy the mapping of a previous import", applied by column name. */
export function MappingSources({ mapping, objectIds, onApply }: MappingSourcesProps) {
  const [templates, setTemplates] = useState<MappingTemplate[]>(loadTemplates)
  const [selectedTemplate, setSelectedTemplate] = useState('')
  const [templateName, setTemplateName] = useState('')
  const [nameError, setNameError] = useState<string>()
  const [selectedImport, setSelectedImport] = useState('')
  const [copying, setCopying] = useState(false)
  const [message, setMessage] = useState<{ text: string; error?: boolean }>()
  const imports = useImports({ limit: 20 })

  const apply = (columns: readonly TemplateColumn[], from: string) => {
    const result = applyTemplateColumns(mapping, columns, objectIds)
    onApply(result.mapping)
    setMessage({
      text:
        result.applied === 0
          ? `No column of this file has a name found in ${from}.`
          : `Applied ${from} to ${result.applied} ${result.applied === 1 ? 'column' : 'columns'}. Check them below.`,
    })
  }

  const copyFromImport = async () => {
    if (!selectedImport) return
    setCopying(true)
    setMessage(undefined)
    try {
      const previous = await getImport(selectedImport)
      const summary = readImportRequestJson(previous.importRequestJson)
      if (!summary || summary.columns.length === 0) {
        setMessage({ text: 'That import has no column mapping to copy.', error: true })
        return
      }
      apply(
        templateColumnsFromImport(summary.columns),
        `the mapping of "${previous.importName ?? selectedImport}"`,
      )
    } catch (error) {
      setMessage({ text: `Could not load that import: ${getErrorMessage(error)}`, error: true })
    } finally {
      setCopying(false)
    }
  }

  const save = () => {
    const name = templateName.trim()
    if (!name) {
      setNameError('Give the template a name.')
      return
    }
    setNameError(undefined)
    setTemplates(saveTemplate(name, mapping))
    setTemplateName('')
    setMessage({ text: `Saved the mapping as "${name}".` })
  }

  const previousImports = imports.data?.results ?? []

  return (
    <details className="mapping-sources">
      <summary>Reuse a mapping: saved templates and previous imports</summary>
      <div className="mapping-sources-body">
        <div className="field-row">
          <label htmlFor="template-select">Saved mapping</label>
          <select
            id="template-select"
            value={selectedTemplate}
            onChange={(event) => setSelectedTemplate(event.currentTarget.value)}
          >
            <option value="">
              {templates.length ? 'Choose a template' : 'No saved templates yet'}
            </option>
            {templates.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!selectedTemplate}
            onClick={() => {
              const template = templates.find((t) => t.name === selectedTemplate)
              if (template) apply(template.columns, `template "${template.name}"`)
            }}
          >
            Apply saved mapping
          </button>
          <button
            type="button"
            disabled={!selectedTemplate}
            onClick={() => {
              setTemplates(deleteTemplate(selectedTemplate))
              setMessage({ text: `Deleted template "${selectedTemplate}".` })
              setSelectedTemplate('')
            }}
          >
            Delete template
          </button>
        </div>

        <div className="field-row">
          <label htmlFor="template-name">Template name</label>
          <input
            id="template-name"
            value={templateName}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'template-name-error' : undefined}
            onChange={(event) => setTemplateName(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter here saves the template instead of submitting the mapping form
              if (event.key === 'Enter') {
                event.preventDefault()
                save()
              }
            }}
          />
          <button type="button" onClick={save}>
            Save mapping as template
          </button>
          {nameError && (
            <p id="template-name-error" role="alert">
              {nameError}
            </p>
          )}
        </div>

        <div className="field-row">
          <label htmlFor="previous-import">Previous import</label>
          <select
            id="previous-import"
            value={selectedImport}
            onChange={(event) => setSelectedImport(event.currentTarget.value)}
          >
            <option value="">
              {imports.isPending
                ? 'Loading recent imports…'
                : previousImports.length
                  ? 'Choose an import'
                  : 'No previous imports'}
            </option>
            {previousImports.map((item) => (
              <option key={item.id} value={item.id}>
                {(item.importName ?? `Import ${item.id}`) +
                  ` (${new Date(item.createdAt).toLocaleDateString()})`}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!selectedImport || copying}
            onClick={() => void copyFromImport()}
          >
            Copy mapping from import
          </button>
        </div>
        {imports.error && (
          <p className="error-text">
            Could not list previous imports: {getErrorMessage(imports.error)}
          </p>
        )}
        <p role="status">{message && !message.error ? message.text : ''}</p>
        {message?.error && <p role="alert">{message.text}</p>}
      </div>
    </details>
  )
}
