// Calls into other modules with a secret: the workspace package's function logs it; the registry package's is unknown.
import { audit } from '@acme/audit'
import { record } from '@vendor/metrics'

export function charge(amount: number) {
  // privaudit:expect env:stripe
  const stripeKey = process.env.STRIPE_SECRET_KEY
  // privaudit:expect log-call:env-console
  audit('charge', stripeKey)
  // the event name is the logged argument here, not the key
  audit(stripeKey ? 'charge-with-key' : 'charge', amount)
  // a registry package: nothing in the repo says what it does with its arguments
  record('charge', stripeKey)
}
