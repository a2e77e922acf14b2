// privaudit:expect import:aws-s3
import { S3Client } from '@aws-sdk/client-s3'

// privaudit:expect region:eu-central-1
export const s3 = new S3Client({ region: 'eu-central-1' })
// privaudit:expect region:us-east-1 privaudit:expect env:aws
export const fallback = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' })

// Next.js: where the route's functions run
// privaudit:expect region:fra1
export const preferredRegion = ['fra1']

/** Customers pick a region. */
// privaudit:expect region:fra privaudit:expect region:iad privaudit:expect region:syd
export const REGIONS = ['fra', 'iad', 'syd'] as const

// an AWS code is distinctive enough anywhere
// privaudit:expect region:ap-southeast-2
const BACKUP_REGION_CODE = 'ap-southeast-2'

export function hosts() {
  return [
    // privaudit:expect region:eu-central-1 privaudit:expect host:neon
    'postgres://app@ep-cool-rain-123456.eu-central-1.aws.neon.tech/neondb',
    // privaudit:expect region:us-east-1
    'aws-0-us-east-1.pooler.supabase.com',
    // privaudit:expect region:eu1 privaudit:expect host:upstash
    'https://eu1-sharing-marmoset-32131.upstash.io',
    // privaudit:expect region:europe-west1
    { location: 'europe-west1' },
  ]
}

// look-alikes: fly codes outside a region slot are words; "location" takes only GCP/Azure codes; comparisons configure nothing
export const words = ['fra', 'sin', 'mad', 'den']
export const office = { location: 'fra' }
export function isSydney(region: string) {
  return region === 'syd'
}
export { BACKUP_REGION_CODE }
