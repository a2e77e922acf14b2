// Sources by where a value comes from, not its name: a route's request body read whole, a server action's form data,
// a geolocation callback's position. Their fields carry what their own names say; what says nothing carries nothing.
// privaudit:expect import:posthog
import { PostHog } from 'posthog-node'
import pino from 'pino'
import express from 'express'
import { Hono } from 'hono'

const log = pino()
const server = new PostHog('phc_x')
const app = express()
const hono = new Hono()

// a Next.js route handler
export async function POST(req: Request) {
  const body = await req.json()
  // privaudit:expect data-flow:user.content.submitted-log
  log.info({ body }, 'signup')
  // privaudit:expect data-flow:user.contact.email-log
  log.info({ to: body.email }, 'welcome sent')
  // privaudit:expect data-flow:user.content.submitted-posthog
  server.capture({ distinctId: 'anon', event: 'signup', properties: await req.json() })
  // look-alikes: the body's size, its type and id, the keys it has
  log.info({ size: JSON.stringify(body).length, type: body.type, id: body.id, keys: Object.keys(body) }, 'received')
  // stored whole: what a store keeps is read from its columns and the fields written by name
  await db.insert(users).values(body)
  // privaudit:expect data-flow:user.contact.email-storage
  await db.insert(users).values({ email: body.email })
  return Response.json(body)
}

// Remix, SvelteKit: the request a loader or action is given
export async function action({ request }: { request: Request }) {
  const form = await request.formData()
  // privaudit:expect data-flow:user.content.submitted-log
  console.log(Object.fromEntries(form))
  // a field that carries nothing
  console.log(form.get('plan'))
}

// Express, Hono
app.post('/contact', (req, res) => {
  // privaudit:expect data-flow:user.content.submitted-log
  console.info('contact form', req.body)
  // privaudit:expect data-flow:user.contact.phone_number-log
  console.info('call back', req.body.phone)
  res.sendStatus(204)
})
hono.post('/feedback', async (c) => {
  const input = c.req.valid('json')
  // privaudit:expect data-flow:user.content.submitted-log
  log.warn(input)
  // a route's params and query are not its body
  const { id } = c.req.valid('param')
  log.info(c.req.valid('query'), id)
  return c.json({ ok: true })
})

// a server action
export async function subscribe(formData: FormData) {
  'use server'
  // privaudit:expect data-flow:user.content.submitted-posthog
  server.capture({ distinctId: 'anon', event: 'subscribed', properties: Object.fromEntries(formData) })
}

// look-alikes: a form built here, a request object of our own, an outgoing request's response, a FormData outside a
// server action
export async function upload(file: Blob, form: FormData) {
  const data = new FormData()
  data.append('file', file)
  console.log(data, form)
  const request = { body: 'ping', url: '/health' }
  console.log(request.body)
  const res = await fetch('https://api.example.org/status')
  console.log(await res.json(), res.body)
}

export function locate() {
  navigator.geolocation.getCurrentPosition((pos) => {
    // privaudit:expect data-flow:user.location.precise-posthog
    server.capture({ distinctId: 'anon', event: 'located', properties: { at: pos } })
    // privaudit:expect data-flow:user.location.precise-log
    console.log(pos.coords.latitude)
    // when it was taken is no location
    console.log(pos.timestamp)
  }, (error) => console.log(error))
  navigator.geolocation.watchPosition((position) => {
    // privaudit:expect data-flow:user.location.precise-log
    log.info(position, 'moved')
  })
  // another API's callback
  tracker.getCurrentPosition((step) => console.log(step))
}

declare const db: any
declare const users: unknown
declare const tracker: { getCurrentPosition(cb: (step: number) => void): void }
