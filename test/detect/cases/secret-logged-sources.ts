// Every kind of secret source, each beside a look-alike that must not fire.
// Labels: log-call:<source kind>-<sink kind>; secret:decrypt-site marks a decrypt call.
import { createDecipheriv } from 'node:crypto'
// privaudit:expect import:aws-kms
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms'
// privaudit:expect import:aws-secrets-manager
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { headers } from 'next/headers'
import { decryptSecret, getApiKey } from './crypto'

declare const kms: KMSClient
declare const sm: SecretsManagerClient
declare const sealed: string

export async function names(input: { apiKey: string; apiKeyId: string; maxTokens: number }, password: string, tokenCount: number) {
  // privaudit:expect log-call:name-console
  console.log(input.apiKey)
  console.log(input.apiKeyId, input.maxTokens, tokenCount)
  // privaudit:expect log-call:name-console
  console.log('login', password)
  const { accessToken, tokenType, expiresIn } = await exchange()
  // privaudit:expect log-call:name-console
  console.log(accessToken)
  console.log(tokenType, expiresIn)
  const secretName = 'prod/api'
  const secretsManagerArn = 'arn:aws:secretsmanager:eu-west-1:1:secret:x'
  const keyboard = 'qwerty'
  const tokenizer = 'cl100k'
  const passwordPolicy = { minLength: 12 }
  console.log(secretName, secretsManagerArn, keyboard, tokenizer, passwordPolicy)
}

export function env() {
  // privaudit:expect log-call:env-console
  console.log(process.env.OPENAI_API_KEY)
  // privaudit:expect log-call:env-console
  console.log('db', process.env.DATABASE_URL)
  // privaudit:expect env:posthog privaudit:expect env:stripe
  console.log(process.env.NEXT_PUBLIC_POSTHOG_KEY, process.env.STRIPE_PUBLISHABLE_KEY, process.env.VITE_API_KEY, process.env.NODE_ENV)
  // the whole environment holds every secret
  // privaudit:expect log-call:env-console
  console.log(process.env)
}

export async function decrypted() {
  // privaudit:expect secret:decrypt-site
  const key = decryptSecret(sealed)
  // privaudit:expect log-call:decrypt-console
  console.log('decrypted', key)
  const decipher = createDecipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12))
  // privaudit:expect secret:decrypt-site
  const plain = decipher.update(sealed, 'base64', 'utf8')
  // privaudit:expect log-call:decrypt-console
  console.log(plain)
  // privaudit:expect secret:decrypt-site
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed) }))
  // privaudit:expect log-call:decrypt-console
  console.log(Plaintext)
  // privaudit:expect secret:decrypt-site
  const value = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }))
  // privaudit:expect log-call:decrypt-console
  console.log(value.SecretString)
  console.log(value.ARN, value.Name)
  // privaudit:expect log-call:getter-console
  console.log(await getApiKey('openai'))
  // privaudit:expect log-call:getter-console
  console.log(fetchAccessTokenForUser(userId))
  // a getter whose noun goes on after the secret returns something else: an action, a usage count
  console.log(resolvePasswordAction(input).reason, fetchTokenUsage(userId))
  // privaudit:expect secret:decrypt-site
  const hint = decryptSecret(sealed).slice(-4)
  console.log('key ending in', hint)
}

export async function requestHeaders(req: { headers: Record<string, string>; get(name: string): string | undefined }, request: Request) {
  // privaudit:expect log-call:headers-console
  console.log(req.headers)
  // privaudit:expect log-call:headers-console
  console.log(req.headers.authorization)
  // privaudit:expect log-call:headers-console
  console.log(req.headers['cookie'])
  console.log(req.headers['content-type'], req.headers['user-agent'])
  // privaudit:expect log-call:headers-console
  console.log(request.headers.get('authorization'))
  console.log(request.headers.get('x-github-event'))
  // privaudit:expect log-call:headers-console
  console.log(req.get('x-api-key'))
  const h = await headers()
  // privaudit:expect log-call:headers-console
  console.log(h.get('cookie'))
  console.log(h.get('user-agent'))
}

declare function exchange(): Promise<{ accessToken: string; tokenType: string; expiresIn: number }>
