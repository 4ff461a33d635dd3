// placeholder: the dashboard issue replaces this page
export function ImportPage({ importId }: { importId: string }) {
  return <h1>Import {importId}</h1>
}
