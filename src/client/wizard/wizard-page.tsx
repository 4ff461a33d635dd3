// placeholder: the wizard issue replaces this page
export function WizardPage({ reimportOf }: { reimportOf?: string | undefined }) {
  return <h1>New import{reimportOf ? ` (re-import of ${reimportOf})` : ''}</h1>
}
