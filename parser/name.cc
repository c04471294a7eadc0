#include "parser/name.h"

#include <cstring>

namespace zonelint {
namespace {

bool IsPlainByte(unsigned char c) {
  if (c <= 0x20 || c >= 0x7f) return false;
  switch (c) {
    case '.':
    case '\\':
    case '"':
    case '(':
    case ')':
    case ';':
    case '@':
    case '$':
      return false;
    default:
      return true;
  }
}

void AppendByte(unsigned char c, std::string* out) {
  if (IsPlainByte(c)) {
    out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32)
                                          : static_cast<char>(c));
    return;
  }
  char buf[4] = {'\\', static_cast<char>('0' + c / 100),
                 static_cast<char>('0' + c / 10 % 10),
                 static_cast<char>('0' + c % 10)};
  out->append(buf, 4);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Origin MakeOrigin(std::string_view canonical) {
  Origin o{std::string(canonical), 1};
  if (canonical == ".") return o;
  // Count wire bytes: one length byte per label plus the label bytes.
  uint32_t len = 1;
  for (size_t i = 0; i < canonical.size(); ++i) {
    char c = canonical[i];
    if (c == '.') {
      ++len;
    } else if (c == '\\') {
      ++len;
      i += 3;
    } else {
      ++len;
    }
  }
  o.wire_length = len;
  return o;
}

bool IsAbsoluteText(std::string_view text) {
  if (text.empty() || text.back() != '.') return false;
  // Count the backslashes before the final dot: an odd count escapes it,
  // unless they belong to a \DDD escape (which ends in a digit, not '\').
  size_t n = 0;
  for (size_t i = text.size() - 1; i > 0 && text[i - 1] == '\\'; --i) ++n;
  return n % 2 == 0;
}

NameError ParseName(std::string_view text, const Origin* origin,
                    std::string* out, bool* relative) {
  out->clear();
  *relative = false;
  if (text.empty()) return NameError::kEmpty;
  if (text == ".") {
    out->push_back('.');
    return NameError::kOk;
  }
  // Most names are plain bytes without escapes: copy them lower-cased in
  // one go (the general loop below handles the rest the same way).
  bool plain = true;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c != '.' && !IsPlainByte(c)) {
      plain = false;
      break;
    }
  }
  if (plain) {
    uint32_t wire = 1;
    uint32_t label = 0;
    for (char c : text) {
      if (c == '.') {
        if (label == 0) return NameError::kEmptyLabel;
        wire += label + 1;
        label = 0;
      } else if (++label > 63) {
        return NameError::kLabelTooLong;
      }
    }
    const bool absolute = text.back() == '.';
    if (!absolute) wire += label + 1;
    const bool with_origin =
        !absolute && origin != nullptr && origin->text != ".";
    if (!absolute && origin != nullptr &&
        wire - 1 + origin->wire_length > 255) {
      return NameError::kNameTooLong;
    }
    if ((absolute || origin == nullptr) && wire > 255) {
      return NameError::kNameTooLong;
    }
    out->resize(text.size() + (absolute ? 0 : 1) +
                (with_origin ? origin->text.size() : 0));
    char* o = out->data();
    for (char c : text) {
      *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (!absolute) {
      *o++ = '.';
      *relative = true;
      if (with_origin) {
        std::memcpy(o, origin->text.data(), origin->text.size());
      }
    }
    return NameError::kOk;
  }

  uint32_t wire = 1;  // the root label
  uint32_t label = 0;
  bool absolute = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '.') {
      if (label == 0) return NameError::kEmptyLabel;
      out->push_back('.');
      wire += label + 1;
      label = 0;
      ++i;
      if (i == n) absolute = true;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= n) return NameError::kBadEscape;
      if (IsDigit(text[i + 1])) {
        // "\DDD" needs exactly three digits.
        if (i + 3 >= n || !IsDigit(text[i + 2]) || !IsDigit(text[i + 3])) {
          return NameError::kBadEscape;
        }
        int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 +
                (text[i + 3] - '0');
        if (v > 255) return NameError::kBadEscape;
        c = static_cast<unsigned char>(v);
        i += 4;
      } else {
        c = static_cast<unsigned char>(text[i + 1]);
        i += 2;
      }
    } else {
      ++i;
    }
    if (++label > 63) return NameError::kLabelTooLong;
    AppendByte(c, out);
  }
  if (!absolute) {
    // The last label had no dot after it.
    wire += label + 1;
    out->push_back('.');
    *relative = true;
    if (origin != nullptr) {
      if (wire - 1 + origin->wire_length > 255) return NameError::kNameTooLong;
      if (origin->text != ".") out->append(origin->text);
      return NameError::kOk;
    }
  }
  if (wire > 255) return NameError::kNameTooLong;
  return NameError::kOk;
}

bool IsAtOrBelow(std::string_view name, std::string_view apex) {
  if (apex == ".") return true;
  if (name.size() < apex.size()) return false;
  if (name.size() == apex.size()) return name == apex;
  return name.substr(name.size() - apex.size()) == apex &&
         name[name.size() - apex.size() - 1] == '.';
}

std::string_view ParentName(std::string_view name) {
  if (name == ".") return name;
  size_t dot = name.find('.');
  if (dot + 1 >= name.size()) return ".";
  return name.substr(dot + 1);
}

NameId NameTable::Intern(std::string_view canonical) {
  const Key key{canonical, HashOf(canonical)};
  auto it = index_.find(key);
  if (it != index_.end()) return *it;
  const NameId id = static_cast<NameId>(names_.size());
  const std::string_view text = text_.Store(canonical);
  names_.push_back({text.data(), static_cast<uint32_t>(text.size()), key.hash});
  index_.insert(id);
  return id;
}

NameId NameTable::Find(std::string_view canonical) const {
  auto it = index_.find(Key{canonical, HashOf(canonical)});
  return it == index_.end() ? kNoName : *it;
}

}  // namespace zonelint
