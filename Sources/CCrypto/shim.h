#ifndef BUZON_CCRYPTO_SHIM_H
#define BUZON_CCRYPTO_SHIM_H
/* Only SHA-256 is used (attachment names, dedupe keys); OpenSSL's is SIMD-accelerated. */
#include <openssl/sha.h>
#endif
