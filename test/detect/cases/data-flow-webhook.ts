// A webhook's route: its body is another service's event, not what a person submitted; its fields still carry what
// their names say.
import pino from 'pino'

const log = pino()

export async function POST(req: Request) {
  const event = await req.json()
  log.info(event, 'webhook received')
  // privaudit:expect data-flow:user.contact.email-log
  log.info({ customer: event.data.email }, 'customer updated')
}
