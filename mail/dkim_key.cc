#include "mail/dkim_key.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>

namespace zonelint::dkim {
namespace {

// Frees an EVP_PKEY when it goes out of scope.
struct PkeyHolder {
  EVP_PKEY* key = nullptr;
  ~PkeyHolder() { EVP_PKEY_free(key); }
};

KeyInfo Inspect(std::string_view der) {
  KeyInfo info;
  if (der.empty()) return info;
  const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
  const long size = static_cast<long>(der.size());
  {
    const unsigned char* p = begin;
    PkeyHolder holder{d2i_PUBKEY(nullptr, &p, size)};
    if (holder.key != nullptr && p == begin + size) {
      info.bits = EVP_PKEY_get_bits(holder.key);
      switch (EVP_PKEY_get_base_id(holder.key)) {
        case EVP_PKEY_RSA:
          info.format = KeyFormat::kRsaSpki;
          break;
        case EVP_PKEY_ED25519:
          info.format = KeyFormat::kEd25519Spki;
          break;
        default:
          info.format = KeyFormat::kOtherSpki;
          break;
      }
      return info;
    }
  }
  // A bare PKCS#1 RSAPublicKey.
  const unsigned char* p = begin;
  PkeyHolder holder{d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, size)};
  if (holder.key != nullptr && p == begin + size) {
    info.format = KeyFormat::kRsaPkcs1;
    info.bits = EVP_PKEY_get_bits(holder.key);
  }
  return info;
}

}  // namespace

KeyInfo InspectPublicKey(std::string_view der) {
  KeyInfo info = Inspect(der);
  // Failed decodings leave errors in OpenSSL's thread-local queue.
  ERR_clear_error();
  return info;
}

}  // namespace zonelint::dkim
