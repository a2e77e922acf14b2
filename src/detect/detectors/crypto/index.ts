// Encryption, MAC and signature calls, with their algorithm resolved through constants: node:crypto
// (createCipheriv, createHmac, …), WebCrypto (subtle.encrypt, subtle.importKey, …), crypto-js, jose JWE and
// the AWS Encryption SDK. Evidence kind `crypto-call`; the security checks compare it with the policy.
//
// The walk only collects calls; `end` analyses them in order, then emits the WebCrypto calls that needed the file's
// key calls and records the constants the file exports; `finish` resolves the calls whose algorithm another file
// exports.
import { ts } from 'ts-morph'
import type { CodeContext, CodeDetector } from '../../engine.js'
import type { CryptoFile } from './context.js'
import { analyseCryptoJsCall, isCryptoJsMethod } from './crypto-js.js'
import { analyseNodeCall } from './node.js'
import { emitImportedAlgorithms, fileShare, recordExportedConstants } from './report.js'
import { analyseAwsEncrypt, analyseJoseHeader } from './sdks.js'
import { analyseSubtleCall, emitWebCryptoPending } from './webcrypto.js'

/** A call `analyseCall` acts on names one of these (or its receiver is `subtle`): a file without any has no crypto call. */
const CALL_WORDS = /create(?:Cipher|Decipher|Hmac|Hash|Sign|Verify)|subtle|crypt|Hmac|MD5|SHA|RIPEMD|setProtectedHeader/

function fileOf(context: CodeContext): CryptoFile {
  return { context, calls: [], ...fileShare(context.shared), aesKeyBits: new Map(), hmacKeys: 0, hmacSigns: [], aesCalls: [] }
}

function analyseCall(f: CryptoFile, call: ts.CallExpression): void {
  const callee = call.expression
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined
  if (!method) return
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined
  if (analyseNodeCall(f, call, method) || analyseSubtleCall(f, call, method, receiver)) return
  // one call may be any of these: each looks at the file's imports to tell
  if (isCryptoJsMethod(method)) analyseCryptoJsCall(f, call, method, receiver)
  if (method === 'encrypt' && call.arguments.length >= 2) analyseAwsEncrypt(f, call)
  if (method === 'setProtectedHeader' && call.arguments[0]) analyseJoseHeader(f, call)
}

export const cryptoDetector: CodeDetector = {
  id: 'crypto',
  create(context) {
    const f = fileOf(context)
    // no call of a file without these words is one `analyseCall` acts on (an escaped `\u…` identifier could hide one)
    const mayCall = CALL_WORDS.test(context.text) || context.text.includes('\\u')
    return {
      visitors: { CallExpression: mayCall ? (n: ts.Node) => f.calls.push(n as ts.CallExpression) : undefined },
      end() {
        for (const call of f.calls) analyseCall(f, call)
        emitWebCryptoPending(f)
        recordExportedConstants(f)
      },
    }
  },
  finish: emitImportedAlgorithms,
}
