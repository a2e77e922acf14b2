// Algorithms chosen in one place, used in another: the detector resolves the import after every file is read.
export const CIPHER = 'aes-256-cbc'
export const SIGNING = { digest: 'sha1' } as const
export const NOT_AN_ALGORITHM = 'codecloud'
