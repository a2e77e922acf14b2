// privaudit:expect import:aws-kms
import { buildClient, CommitmentPolicy, KmsKeyringNode } from '@aws-crypto/client-node'

const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT)
const keyring = new KmsKeyringNode({ generatorKeyId: process.env.KMS_KEY_ARN })

export async function seal(plaintext: string) {
  // the AWS Encryption SDK's default suite: AES-256-GCM under a KMS data key
  // privaudit:expect crypto-call:aes-256-gcm
  const { result } = await encrypt(keyring, plaintext, { encryptionContext: { purpose: 'user-secret' } })
  return result
}
