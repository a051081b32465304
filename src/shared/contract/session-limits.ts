// Limits of interactive sessions; free of zod so the first paint (the terminal dock) need not load it.

/** Most bytes one `exec.input` call may carry (a large paste is sent in several calls). */
export const EXEC_INPUT_MAX = 16_384
/** Input a session accepts per second, in bytes; a runaway paste beyond it is refused, not queued. */
export const EXEC_INPUT_RATE = 256 * 1024
/** Sessions one backend keeps open at once. */
export const EXEC_SESSIONS_MAX = 32
