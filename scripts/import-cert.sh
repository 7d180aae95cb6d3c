#!/usr/bin/env bash
# Imports a PEM certificate (chain) and its private key into the winhttpapi certificate store: the
# Linux stand-in for the Windows machine store that `netsh http add sslcert certhash=...` and
# HttpSetServiceConfiguration(HttpServiceConfigSSLCertInfo) refer to by SHA-1 thumbprint.
#
#   scripts/import-cert.sh CERT.pem KEY.pem [STORE_DIR]
#
# Writes STORE_DIR/<thumbprint>.pem (the chain, leaf first, then the key; mode 0600) and prints the
# thumbprint (lowercase hex, what SslHashLength/pSslHash carry). STORE_DIR defaults to
# $WINHTTPAPI_CERT_STORE, else /etc/winhttpapi/certs. Needs the openssl command-line tool.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 CERT.pem KEY.pem [STORE_DIR]" >&2
    exit 2
fi
cert=$1
key=$2
store=${3:-${WINHTTPAPI_CERT_STORE:-/etc/winhttpapi/certs}}
# The thumbprint is the SHA-1 of the leaf certificate's DER encoding (the first certificate in CERT).
thumb=$(openssl x509 -in "$cert" -noout -fingerprint -sha1 | sed 's/^.*=//; s/://g' | tr 'A-F' 'a-f')
if [ -z "$thumb" ]; then
    echo "$0: $cert holds no certificate" >&2
    exit 1
fi
# The key must be the certificate's: compare the public keys.
if [ "$(openssl x509 -in "$cert" -noout -pubkey)" != "$(openssl pkey -in "$key" -pubout)" ]; then
    echo "$0: $key is not the private key of $cert" >&2
    exit 1
fi
mkdir -p "$store"
tmp=$(mktemp "$store/.import.XXXXXX")
trap 'rm -f "$tmp"' EXIT
chmod 600 "$tmp"
cat "$cert" > "$tmp"
openssl pkey -in "$key" >> "$tmp"
mv "$tmp" "$store/$thumb.pem"
trap - EXIT
echo "$thumb"
