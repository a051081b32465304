export { createExecSessions, type ExecSessions } from './exec-sessions'
export { streamExec } from './exec-stream'
export { createForwards, type Forwards } from './forwards'
export { createSessionHub, type SessionHub } from './session-hub'
