// Autobahn|JS as an oracle for Wampy's authentication code: one JSON request per stdin line, one JSON answer
// per stdout line, computed with Autobahn's own helpers (auth_cra) and tweetnacl (what auth_cryptosign uses).
//   {"op":"cra_derive","secret":"s","salt":"x","iterations":1000,"keylen":32}  -> {"result":"<base64>"}
//   {"op":"cra_sign","key":"k","challenge":"c"}                               -> {"result":"<base64>"}
//   {"op":"cryptosign","seed":"<hex>","challenge":"<hex>"}                   -> {"result":"<hex>","pubkey":"<hex>"}
//   {"op":"encode","format":"msgpack"|"cbor","message":[...]}                 -> {"result":"<hex>"}
//   {"op":"decode","format":"msgpack"|"cbor","hex":"<hex>"}                   -> {"result":[...]}
// encode/decode use Autobahn's own MsgpackSerializer and CBORSerializer; binary values appear in JSON as
// {"$bin":"<hex>"} on both sides.
'use strict'
const autobahn = require('autobahn')
const nacl = require('tweetnacl')
const readline = require('readline')
const serializers = {
  msgpack: new autobahn.serializer.MsgpackSerializer(),
  cbor: new autobahn.serializer.CBORSerializer(),
}

// JSON <-> JavaScript values, with Buffers as {"$bin": hex}.
const revive = (v) => {
  if (Array.isArray(v)) return v.map(revive)
  if (v && typeof v === 'object') {
    if (typeof v.$bin === 'string' && Object.keys(v).length === 1) return Buffer.from(v.$bin, 'hex')
    const o = {}
    for (const k of Object.keys(v)) o[k] = revive(v[k])
    return o
  }
  return v
}
const plain = (v) => {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $bin: Buffer.from(v).toString('hex') }
  if (Array.isArray(v)) return v.map(plain)
  if (v && typeof v === 'object') {
    const o = {}
    for (const k of Object.keys(v)) o[k] = plain(v[k])
    return o
  }
  if (typeof v === 'bigint') return Number(v)
  return v
}

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', async (line) => {
  const r = JSON.parse(line)
  let answer
  switch (r.op) {
    case 'encode':
      answer = { result: Buffer.from(await serializers[r.format].serialize(revive(r.message))).toString('hex') }
      break
    case 'decode':
      answer = { result: plain(serializers[r.format].unserialize(Buffer.from(r.hex, 'hex'))) }
      break
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
