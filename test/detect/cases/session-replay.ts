// Session replay turned on sends screen content to the vendor; turned off, or another SDK's option, it does not.
// privaudit:expect import:sentry
import * as Sentry from '@sentry/nextjs'
// privaudit:expect import:posthog
import posthog from 'posthog-js'

const RATE = 0.1

Sentry.init({
  tracesSampleRate: 0.2,
  // privaudit:expect data-flow:user.content-sentry
  replaysSessionSampleRate: RATE,
  replaysOnErrorSampleRate: 0,
  // privaudit:expect data-flow:user.content-sentry
  integrations: [Sentry.replayIntegration()],
})

posthog.init('phc_x', {
  // privaudit:expect data-flow:user.content-posthog
  disable_session_recording: false,
})

posthog.init('phc_y', { disable_session_recording: true })
// an options object of no SDK
export const settings = { replaysSessionSampleRate: 1 }
