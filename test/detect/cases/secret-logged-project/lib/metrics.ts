// Has an `info` method, logs nothing.
export const metrics = { info: (..._values: unknown[]) => undefined }
