// An import's state as a coloured badge in plain words
import { stateLabel, stateTone } from './import-state.ts'

export function ImportStateBadge({ state }: { state: string }) {
  return <span className={`state-badge state-${stateTone(state)}`}>{stateLabel(state)}</span>
}
