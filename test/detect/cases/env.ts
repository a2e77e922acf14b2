export function keys() {
  // privaudit:expect env:stripe
  const stripeKey = process.env.STRIPE_SECRET_KEY
  // privaudit:expect env:posthog
  const ph = process.env['NEXT_PUBLIC_POSTHOG_KEY']
  // privaudit:expect env:upstash
  const url = import.meta.env.UPSTASH_REDIS_REST_URL
  // privaudit:expect env:datadog
  const { DD_API_KEY, NODE_ENV } = process.env
  const db = process.env.DATABASE_URL
  const notEnv = config.env.STRIPE_SECRET_KEY
  return { stripeKey, ph, url, DD_API_KEY, NODE_ENV, db, notEnv }
}
declare const config: { env: Record<string, string> }
