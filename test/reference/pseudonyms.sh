#!/bin/sh
# Reference pseudonyms for test/privacy/pseudonymise.test.ts, computed with OpenSSL (independently of relaudit):
# the first 16 hex digits of HMAC-SHA256(key, id), with the UTF-8 bytes of the id and of the key.
# (Python gives the same: hmac.new(key, id.encode(), hashlib.sha256).hexdigest()[:16].)
key='relaudit-test-key-0123456789'
for id in "P17" "alice.smith@northgate.nhs.uk" "Zoë Ångström" "1157"; do
  printf '%s\t' "$id"
  printf '%s' "$id" | openssl dgst -sha256 -hmac "$key" | awk '{print $2}' | cut -c1-16
done
# P17                           50f67c2ee0dc7332
# alice.smith@northgate.nhs.uk  368d62692eaca638
# Zoë Ångström                  83c32ca9016ed872
# 1157                          206e47efd819ef69
