#include "mail/mail_names.h"

namespace zonelint {
namespace {

// Finds ".<marker>." inside `name` (or the name starting with "<marker>."),
// where marker is a sequence of whole labels. Returns the offset of the
// marker's first label, or npos.
size_t FindLabels(std::string_view name, std::string_view marker) {
  const std::string_view key = marker;
  size_t at = 0;
  while (true) {
    size_t pos = name.find(key, at);
    if (pos == std::string_view::npos) return pos;
    bool starts_label = pos == 0 || name[pos - 1] == '.';
    bool ends_label = pos + key.size() < name.size() &&
                      name[pos + key.size()] == '.';
    // "\." inside a label is escaped as \046 in canonical text, so a '.'
    // always separates labels.
    if (starts_label && ends_label) return pos;
    at = pos + 1;
  }
}

}  // namespace

MailNameInfo ClassifyMailName(std::string_view name) {
  MailNameInfo info;
  auto after = [&](size_t pos, std::string_view marker) {
    return name.substr(pos + marker.size() + 1);
  };
  auto before = [&](size_t pos) {
    return pos == 0 ? std::string_view() : name.substr(0, pos - 1);
  };
  // Longest, most specific patterns first.
  if (size_t pos = FindLabels(name, "_report._dmarc");
      pos != std::string_view::npos && pos > 0) {
    info.kind = MailName::kReportAuth;
    info.selector = name.substr(0, pos);  // "example.com." with its dot
    info.domain = after(pos, "_report._dmarc");
    return info;
  }
  if (name.starts_with("_dmarc.")) {
    info.kind = MailName::kDmarc;
    info.domain = name.substr(7);
    return info;
  }
  if (name.starts_with("_smtp._tls.")) {
    info.kind = MailName::kTlsRpt;
    info.domain = name.substr(11);
    return info;
  }
  if (name.starts_with("_mta-sts.")) {
    info.kind = MailName::kMtaSts;
    info.domain = name.substr(9);
    return info;
  }
  if (size_t pos = FindLabels(name, "_domainkey");
      pos != std::string_view::npos && pos > 0) {
    info.kind = MailName::kDkim;
    info.selector = before(pos);
    info.domain = after(pos, "_domainkey");
    return info;
  }
  if (size_t pos = FindLabels(name, "_bimi");
      pos != std::string_view::npos && pos > 0) {
    info.kind = MailName::kBimi;
    info.selector = before(pos);
    info.domain = after(pos, "_bimi");
    return info;
  }
  return info;
}

std::string_view MailNameKindText(MailName kind) {
  switch (kind) {
    case MailName::kDkim: return "DKIM key";
    case MailName::kDmarc: return "DMARC policy";
    case MailName::kReportAuth: return "DMARC report authorisation";
    case MailName::kMtaSts: return "MTA-STS record";
    case MailName::kTlsRpt: return "TLS-RPT record";
    case MailName::kBimi: return "BIMI record";
    case MailName::kOther: break;
  }
  return "record";
}

}  // namespace zonelint
