export { ScaleControl, type ScaleControlProps } from './ScaleControl'
export { PodDots } from './PodDots'
export { RolloutPanel, type RolloutPanelProps } from './RolloutPanel'
export { DiffView } from './DiffView'
