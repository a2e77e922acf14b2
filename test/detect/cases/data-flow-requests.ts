// Requests to a vendor's host with a body are vendor calls; requests elsewhere, and URLs that are only text, are not.
import axios from 'axios'

// privaudit:expect host:segment
const SEGMENT = 'https://api.segment.io/v1'

export async function report(user: { id: string; email: string }, api: string) {
  // privaudit:expect data-flow:user.unique_id-segment
  await fetch(`${SEGMENT}/track`, { method: 'POST', body: JSON.stringify({ userId: user.id, event: 'signup' }) })
  // privaudit:expect data-flow:user.contact.email-posthog privaudit:expect host:posthog
  await axios.post('https://eu.i.posthog.com/capture/', { distinct_id: 'anon', properties: { email: user.email } })

  // not to a vendor: the product's own API, a URL known only at run time; a body-less request
  await fetch('https://api.example.org/users', { method: 'POST', body: JSON.stringify({ email: user.email }) })
  await fetch(api, { method: 'POST', body: JSON.stringify({ email: user.email }) })
  await fetch(`${SEGMENT}/health`)
}
