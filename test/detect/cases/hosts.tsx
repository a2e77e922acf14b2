import Script from 'next/script'

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>
        {children}
        {/* privaudit:expect script:intercom */}
        <Script src="https://widget.intercom.io/widget/abc123" />
        {/* a link a person follows is not a call the product makes */}
        <a href="https://api.stripe.com/docs">Stripe docs</a>
        <a href={'https://segment.com'}>Segment</a>
        <svg xmlns="http://www.w3.org/2000/svg" />
      </body>
    </html>
  )
}

export async function track(event: string) {
  // privaudit:expect host:segment
  await fetch('https://api.segment.io/v1/track', { method: 'POST', body: event })
  const region = 'eu-central-1'
  // privaudit:expect host:aws-bedrock
  const url = `https://bedrock-runtime.${region}.amazonaws.com/model/x/invoke`
  // privaudit:expect host:aws-s3
  const bucket = 'https://my-bucket.s3.amazonaws.com/key'
  // privaudit:expect host:posthog
  const config = { api_host: 'eu.i.posthog.com' }
  // a look-alike host: not PostHog
  const other = 'https://notposthog.com/x'
  const footer = { href: 'https://js.stripe.com/v3' }
  // lookalike suffix: evil-upstash.io.example.org is not upstash.io
  const spoof = 'https://upstash.io.example.org/'
  return [url, bucket, config, other, footer, spoof]
}
