// The authentication handler the fox-wamp router of the tests uses with --auth: static users for ticket,
// WAMP-CRA (plain and salted) and cryptosign, verified with Autobahn|JS's own helpers and tweetnacl.
'use strict'
const crypto = require('crypto')
const autobahn = require('autobahn')
const nacl = require('tweetnacl')

const users = {
  'ticket-user': { ticket: 'ticket-secret' },
  'cra-user': { secret: 'cra-secret' },
  'salted-user': { secret: 'salted-secret', salt: 'salt123', iterations: 100, keylen: 16 },
  // The client key of the cryptosign example in the WAMP specification (public part only).
  'sign-user': { pubkey: '545efb0a2192db8d43f118e9bf9aee081466e1ef36c708b96ee6f62dddad9122' },
}

// Challenges sent, by the HELLO details object fox-wamp hands to both callbacks of one session.
const challenges = new WeakMap()
const fail = (cb, why) => cb(new Error(why))

module.exports = {
  getAuthMethods: () => ['ticket', 'wampcra', 'cryptosign'],

  ticket_auth (realm, details, ticket, extra, cb) {
    const user = users[details.authid]
    return user && user.ticket && user.ticket === ticket ? cb(null, { authid: details.authid }) : fail(cb, 'bad ticket')
  },

  wampcra_extra (realm, details, cb) {
    const user = users[details.authid]
    if (!user || !user.secret) return fail(cb, 'no such user')
    const challenge = JSON.stringify({
      authid: details.authid, authrole: 'user', authmethod: 'wampcra', authprovider: 'static',
      nonce: crypto.randomBytes(16).toString('hex'), timestamp: new Date().toISOString(), session: 0,
    })
    challenges.set(details, challenge)
    const extra = { challenge }
    if (user.salt) Object.assign(extra, { salt: user.salt, iterations: user.iterations, keylen: user.keylen })
    cb(null, extra)
  },

  wampcra_auth (realm, details, signature, extra, cb) {
    const user = users[details.authid]
    const challenge = challenges.get(details)
    if (!user || !challenge) return fail(cb, 'no challenge')
    const key = user.salt ? autobahn.auth_cra.derive_key(user.secret, user.salt, user.iterations, user.keylen) : user.secret
    return autobahn.auth_cra.sign(key, challenge) === signature ? cb(null, { authid: details.authid }) : fail(cb, 'bad signature')
  },

  cryptosign_extra (realm, details, cb) {
    const user = users[details.authid]
    const pubkey = details.authextra && details.authextra.pubkey
    if (!user || !user.pubkey || pubkey !== user.pubkey) return fail(cb, 'unknown key')
    const challenge = crypto.randomBytes(32).toString('hex')
    challenges.set(details, challenge)
    cb(null, { challenge })
  },

  cryptosign_auth (realm, details, signature, extra, cb) {
    const user = users[details.authid]
    const challenge = challenges.get(details)
    if (!user || !challenge || typeof signature !== 'string' || signature.length !== 192) return fail(cb, 'bad signature')
    const signed = Buffer.from(signature, 'hex')
    const message = signed.subarray(64)
    const ok = message.toString('hex') === challenge &&
      nacl.sign.detached.verify(new Uint8Array(message), new Uint8Array(signed.subarray(0, 64)), new Uint8Array(Buffer.from(user.pubkey, 'hex')))
    return ok ? cb(null, { authid: details.authid }) : fail(cb, 'bad signature')
  },
}
