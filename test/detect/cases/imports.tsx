'use client'
// privaudit:expect import:posthog
import posthog from 'posthog-js'
// privaudit:expect import:posthog
import { PostHogProvider } from 'posthog-js/react'
import type { Stripe } from 'stripe'
import { useState } from 'react'
import { helper } from './helper'
import fs from 'node:fs'
// privaudit:expect import:stripe
export { loadStripe } from '@stripe/stripe-js'

// privaudit:expect import:sentry
const Sentry = require('@sentry/node')
// the CLI is a build tool, not a sign of data sharing
const cli = require('@sentry/cli')

export async function limiter() {
  // privaudit:expect import:upstash
  const { Redis } = await import('@upstash/redis')
  const name = 'stripe'
  const dynamic = await import(name) // not a static specifier: no evidence
  return { Redis, dynamic, posthog, PostHogProvider, useState, helper, fs, Sentry, cli }
}
