export { LogViewer, type LogViewerProps } from './LogViewer'
export { DeploymentLogs, type DeploymentLogsProps } from './DeploymentLogs'
export { LogStore, DEFAULT_LINE_CAP } from './log-store'
