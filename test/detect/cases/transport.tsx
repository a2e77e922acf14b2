// Remote endpoints and how they are reached. Local, private and reserved hosts and identifier URLs give nothing.
// privaudit:expect transport:hooks.partner-api.com
const PARTNER_STATUS_HOOK = 'http://hooks.partner-api.com/codecloud/run-status'
const APP_URL = process.env.NEXT_PUBLIC_APP_URL ?? 'http://localhost:3000'

export async function mirror(event: object) {
  // privaudit:expect transport:hooks.partner-api.com
  await fetch('http://hooks.partner-api.com/v2/events', { method: 'POST', body: JSON.stringify(event) })
  // privaudit:expect transport:api.stripe.com privaudit:expect host:stripe
  await fetch('https://api.stripe.com/v1/charges')
  // credentials and query strings never reach the evidence: see transport.test.ts
  // privaudit:expect transport:legacy-crm.com
  await fetch(`http://user:hunter2@legacy-crm.com/api?token=abc&run=${APP_URL}`)
  // privaudit:expect transport:feed.example-partner.io
  const socket = new WebSocket('ws://feed.example-partner.io/live')
  // privaudit:expect transport:gateway.isol8.co
  const secure = new WebSocket('wss://gateway.isol8.co/ws')
  // an IPv6 literal host is an endpoint too; loopback, private and documentation addresses are not
  // privaudit:expect transport:[2600:1f18:abcd::5]
  await fetch('http://[2600:1f18:abcd::5]:8080/ingest')
  await fetch('http://[::1]:3000/health')
  await fetch('http://[fd00::7]/internal')
  await fetch('http://[2001:db8::1]/example')
  return [socket, secure, PARTNER_STATUS_HOOK]
}

export function lookalikes(ip: string) {
  return [
    'http://127.0.0.1:8787/health',
    'http://[::1]:3000/',
    'http://10.0.3.7:9000/metrics',
    'http://172.20.0.5/',
    'http://192.168.1.20:8080',
    'http://169.254.169.254/latest/meta-data/',
    'http://api:3000/v1',
    'http://host.docker.internal:5432',
    'http://my-app.local/',
    'http://service.test/',
    'http://acme.example/',
    'http://www.example.com/',
    'http://json-schema.org/draft-07/schema#',
    `http://${ip}:8080/agent`,
    document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
  ]
}

export const schema = { $schema: 'http://json-schema.org/draft-07/schema#', $id: 'http://acme-corp.com/schemas/run.json' }

export function Icon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" xmlnsXlink="http://www.w3.org/1999/xlink" viewBox="0 0 16 16">
      {/* a link a person follows is not a call the product makes */}
      <a href="http://old-blog.acme-corp.com/post">blog</a>
    </svg>
  )
}
