/** A database that cannot be opened at start-up; its message names the path or server and the cause. */
export class StoreStartupError extends Error {}
