// Code that honours Do Not Track or Global Privacy Control, and look-alikes that do not read the signal.
// privaudit:expect import:posthog
import posthog from 'posthog-js'

export function start(req: Request) {
  // privaudit:expect privacy-signal:dnt-header
  if (req.headers.get('DNT') === '1') return
  // privaudit:expect privacy-signal:gpc-header
  if (req.headers.get('sec-gpc')) return
  // privaudit:expect privacy-signal:gpc-navigator
  if ((navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl) return
  // privaudit:expect privacy-signal:dnt-sdk-option
  posthog.init('phc_x', { respect_dnt: true })

  // not the signal: an option set to false, a word in a message, a variable named dnt
  posthog.init('phc_y', { respect_dnt: false })
  console.log('we honor DNT')
  const dnt = 'off'
  return dnt
}
