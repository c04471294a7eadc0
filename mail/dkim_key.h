// What the decoded bytes of a DKIM p= tag hold, as OpenSSL's libcrypto
// reads them: an RSA key as SubjectPublicKeyInfo (what RFC 6376 Appendix C
// and nearly every signer publish) or as a bare PKCS#1 RSAPublicKey (which
// some publish), another SubjectPublicKeyInfo (such as an Ed25519 key
// wrapped in one), or nothing OpenSSL can read. Kept apart from the DKIM
// grammar so that the grammar builds and tests without libcrypto.
#ifndef ZONELINT_MAIL_DKIM_KEY_H_
#define ZONELINT_MAIL_DKIM_KEY_H_

#include <string_view>

namespace zonelint::dkim {

enum class KeyFormat : unsigned char {
  kNone,         // not DER that OpenSSL reads as a public key
  kRsaSpki,      // SubjectPublicKeyInfo holding an RSA key
  kRsaPkcs1,     // PKCS#1 RSAPublicKey (no algorithm identifier)
  kEd25519Spki,  // SubjectPublicKeyInfo holding an Ed25519 key (44 bytes)
  kOtherSpki,    // SubjectPublicKeyInfo of another algorithm (EC, ...)
};

struct KeyInfo {
  KeyFormat format = KeyFormat::kNone;
  int bits = 0;  // the RSA modulus size, or what OpenSSL gives for others
};

// Reads `der` (every byte must belong to the key).
KeyInfo InspectPublicKey(std::string_view der);

}  // namespace zonelint::dkim

#endif  // ZONELINT_MAIL_DKIM_KEY_H_
