// Proves the ESLint import zones work: planted imports across a boundary are reported, allowed ones are not
import { ESLint } from 'eslint'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The zone messages ESLint reports for `code` as if it were the file at `file`. */
async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths')
    .map((message) => message.message)
}

describe('client feature zones', () => {
  it.each([
    {
      description: 'the wizard importing the dashboard',
      file: 'src/client/features/import-wizard/planted.ts',
      code: "import { ImportsPage } from '../imports-dashboard/imports-page.tsx'\nexport { ImportsPage }\n",
      expected: /features\/import-wizard must not import another feature/,
    },
    {
      description: 'reimport importing the wizard through the #client alias',
      file: 'src/client/features/reimport/planted.ts',
      code: "import { wizardReducer } from '#client/features/import-wizard/wizard-state.ts'\nexport { wizardReducer }\n",
      expected: /features\/reimport must not import another feature/,
    },
    {
      description: 'the dashboard importing the app',
      file: 'src/client/features/imports-dashboard/planted.ts',
      code: "import { App } from '../../app/app.tsx'\nexport { App }\n",
      expected: /A feature must not import the app/,
    },
    {
      description: 'a shared api module importing a feature',
      file: 'src/client/api/imports/planted.ts',
      code: "import { errorsToCsv } from '#client/features/imports-dashboard/errors-csv.ts'\nexport { errorsToCsv }\n",
      expected: /src\/client\/api is shared by the features/,
    },
  ])('reports $description', async ({ file, code, expected }) => {
    const errors = await zoneErrors(file, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(expected)
  })

  it.each([
    {
      description: 'a feature importing its own modules and the shared ones',
      file: 'src/client/features/import-wizard/planted.ts',
      code: "import { wizardReducer } from './wizard-state.ts'\nimport { toCsv } from '#client/lib/csv.ts'\nimport { importKeys } from '../../api/imports/import-keys.ts'\nexport { wizardReducer, toCsv, importKeys }\n",
    },
    {
      description: 'the app composing two features',
      file: 'src/client/app/planted.ts',
      code: "import { ImportsPage } from '#client/features/imports-dashboard/imports-page.tsx'\nimport { WizardPage } from '../features/import-wizard/wizard-page.tsx'\nexport { ImportsPage, WizardPage }\n",
    },
  ])('allows $description', async ({ file, code }) => {
    expect(await zoneErrors(file, code)).toEqual([])
  })
})

describe('package zones', () => {
  it.each([
    {
      description: 'the client importing the proxy',
      file: 'src/client/lib/planted.ts',
      code: "import '../../server/main.ts'\n",
      expected: /src\/client must not import src\/server/,
    },
    {
      description: 'the proxy importing the client through the #client alias',
      file: 'src/server/planted.ts',
      code: "import { toCsv } from '#client/lib/csv.ts'\nexport { toCsv }\n",
      expected: /src\/server must not import src\/client/,
    },
    {
      description: 'the simulator importing the proxy',
      file: 'src/simulator/planted.ts',
      code: "import '../server/main.ts'\n",
      expected: /src\/simulator must not import src\/server/,
    },
    {
      description: 'shared importing the simulator',
      file: 'src/shared/planted.ts',
      code: "import '../simulator/main.ts'\n",
      expected: /src\/shared must not import the packages that use it/,
    },
    {
      description: 'an e2e spec importing a client module',
      file: 'e2e/planted.spec.ts',
      code: "import { toCsv } from '../src/client/lib/csv.ts'\nexport { toCsv }\n",
      expected: /e2e specs drive the app through the browser/,
    },
  ])('reports $description', async ({ file, code, expected }) => {
    const errors = await zoneErrors(file, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(expected)
  })

  it('allows every package to import src/shared through #shared', async () => {
    for (const from of ['client/lib', 'server', 'simulator', 'shared/hubspot']) {
      const code = "import { importsPath } from '#shared/api-paths.ts'\nexport { importsPath }\n"
      expect(await zoneErrors(`src/${from}/planted.ts`, code)).toEqual([])
    }
  })
})
