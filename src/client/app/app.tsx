export function App() {
  return (
    <main>
      <h1>HubSpot Import</h1>
    </main>
  )
}
