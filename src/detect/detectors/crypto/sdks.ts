// Encryption libraries that take the cipher as an option, recognised only in a file that imports them (their method
// names, `encrypt` and `setProtectedHeader`, are too common alone): jose's JWE header `enc`, and the AWS Encryption
// SDK's `suiteId`, whose default is a known suite.
import { ts } from 'ts-morph'
import type { CryptoFile } from './context.js'
import { emitAlgorithm } from './report.js'
import { propName, unwrap, valueOf } from './resolve.js'

/** Whether the file imports from one of these modules (or their subpaths). */
function importsFrom(f: CryptoFile, test: (module: string) => boolean): boolean {
  return f.context.bindings.imports.some((b) => test(b.module))
}

/** The AWS Encryption SDK: `encrypt(keyring, plaintext[, { suiteId }])` from `buildClient()`. */
export function analyseAwsEncrypt(f: CryptoFile, call: ts.CallExpression): void {
  if (!importsFrom(f, (m) => m.startsWith('@aws-crypto/client-'))) return
  let suite: string | undefined
  const options = call.arguments[2] ? unwrap(call.arguments[2]) : undefined
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const p of options.properties) {
      if (ts.isPropertyAssignment(p) && propName(p.name) === 'suiteId') suite = p.initializer.getText(f.context.sourceFile)
    }
  }
  // the SDK's default suite is AES-256-GCM with HKDF and ECDSA P-384 signing
  const m = suite ? /ALG_AES(128|192|256)_GCM/.exec(suite) : undefined
  emitAlgorithm(f, call, 'cipher', '@aws-crypto', 'encrypt', { value: m ? `aes-${m[1]}-gcm` : 'aes-256-gcm' }, 'as', { kms: true })
}

/** jose: `new CompactEncrypt(…).setProtectedHeader({ alg, enc })`, `new EncryptJWT(…).setProtectedHeader(…)`. */
export function analyseJoseHeader(f: CryptoFile, call: ts.CallExpression): void {
  if (!importsFrom(f, (m) => m === 'jose')) return
  const arg = unwrap(call.arguments[0])
  if (!ts.isObjectLiteralExpression(arg)) return
  for (const p of arg.properties) {
    if (!ts.isPropertyAssignment(p) || propName(p.name) !== 'enc') continue
    const enc = valueOf(f, p.initializer)
    if (enc) emitAlgorithm(f, call, 'cipher', 'jose', 'encrypt', { value: enc }, 'jwe')
  }
}
