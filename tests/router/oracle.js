// Autobahn|JS as an oracle for Wampy's authentication code: one JSON request per stdin line, one JSON answer
// per stdout line, computed with Autobahn's own helpers (auth_cra) and tweetnacl (what auth_cryptosign uses).
//   {"op":"cra_derive","secret":"s","salt":"x","iterations":1000,"keylen":32}  -> {"result":"<base64>"}
//   {"op":"cra_sign","key":"k","challenge":"c"}                               -> {"result":"<base64>"}
//   {"op":"cryptosign","seed":"<hex>","challenge":"<hex>"}                   -> {"result":"<hex>","pubkey":"<hex>"}
'use strict'
const autobahn = require('autobahn')
const nacl = require('tweetnacl')
const readline = require('readline')

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', (line) => {
  const r = JSON.parse(line)
  let answer
  switch (r.op) {
    case 'cra_derive':
      answer = { result: autobahn.auth_cra.derive_key(r.secret, r.salt, r.iterations, r.keylen) }
      break
    case 'cra_sign':
      answer = { result: autobahn.auth_cra.sign(r.key, r.challenge) }
      break
    case 'cryptosign': {
      const pair = nacl.sign.keyPair.fromSeed(new Uint8Array(Buffer.from(r.seed, 'hex')))
      answer = {
        result: autobahn.auth_cryptosign.sign_challenge(pair, { challenge: r.challenge }),
        pubkey: autobahn.auth_cryptosign.public_key(pair),
      }
      break
    }
    default:
      answer = { error: 'unknown op ' + r.op }
  }
  process.stdout.write(JSON.stringify(answer) + '\n')
})
rl.on('close', () => process.exit(0))
