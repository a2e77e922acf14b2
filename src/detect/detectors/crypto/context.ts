// The per-file state of the crypto detector, passed to each of its modules: the calls the walk collected, the
// WebCrypto keys and calls that wait for the whole file, and the file's share of the run-wide state.
import type { ts } from 'ts-morph'
import type { CryptoCallData, Location } from '../../../types/index.js'
import type { CodeContext } from '../../engine.js'
import type { Normalizer } from './algorithms.js'

/** A call whose algorithm is an imported constant, kept in the run-wide state until every file is read. */
export interface PendingImport {
  importer: string
  module: string
  name: string
  normalize: Normalizer
  location: Location
  nonShipped: boolean
  data: CryptoCallData
}

/** `subtle.encrypt({ name: 'AES-GCM' }, key, data)`: its key size is the file's AES key calls' of the same mode. */
export interface AesCall {
  call: ts.CallExpression
  method: 'encrypt' | 'decrypt'
  mode: string
}

export interface CryptoFile {
  context: CodeContext
  /** Every call of a file that may hold one: analysed at `end`, in the walk's order. */
  calls: ts.CallExpression[]
  /** The file's share of `shared`: calls waiting for another file's constant, and the constants it exports. */
  pendingImports: PendingImport[]
  constants: Map<string, string>
  /** AES key lengths by mode declared through WebCrypto key calls in this file. */
  aesKeyBits: Map<string, Set<number>>
  /** HMAC keys made by WebCrypto key calls in this file. */
  hmacKeys: number
  hmacSigns: ts.CallExpression[]
  aesCalls: AesCall[]
}
