#include "mail/dkim_key.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

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
  // Zones publish the same key under many names (a provider's key, a
  // template): decode each distinct key once per thread (keys are parsed on
  // several threads; a cache of each one's own needs no lock). Bounded, so
  // a zone of millions of distinct keys cannot grow it without end.
  thread_local absl::flat_hash_map<std::string, KeyInfo> cache;
  constexpr size_t kMaxCached = 4096;
  // (Debian's Abseil has its own string_view: the one its hash takes.)
  if (auto it = cache.find(absl::string_view(der.data(), der.size()));
      it != cache.end()) {
    return it->second;
  }
  KeyInfo info = Inspect(der);
  // Failed decodings leave errors in OpenSSL's thread-local queue.
  ERR_clear_error();
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(std::string(der), info);
  return info;
}

}  // namespace zonelint::dkim
