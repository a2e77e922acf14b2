// SDK clients made once and exported: calls on them in other modules are the vendor's.
// privaudit:expect import:posthog
import { PostHog } from 'posthog-node'
// privaudit:expect import:posthog
import posthog from 'posthog-js'

export const server = new PostHog('phc_x')
posthog.init('phc_x')
export default posthog
// a plain object with a method of the same name as an SDK's is nobody's client
export const tracker = { capture(event: unknown) { return event } }
