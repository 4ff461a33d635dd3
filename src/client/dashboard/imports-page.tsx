// placeholder: the dashboard issue replaces this page
export function ImportsPage() {
  return <h1>Imports</h1>
}
