// zone-missing-trailing-dot: a relative name that was meant to be complete,
// so the origin is appended to it once too often: "mail.example.com" in
// example.com. means mail.example.com.example.com.
#include "rules/zone/missing_trailing_dot.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "parser/name.h"
#include "parser/public_names.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Whether fn(label) holds for a label of a canonical name.
template <typename Fn>
bool AnyLabel(std::string_view canonical, Fn fn) {
  while (canonical.size() > 1) {
    const size_t dot = canonical.find('.');
    if (fn(canonical.substr(0, dot))) return true;
    canonical.remove_prefix(dot + 1);
  }
  return false;
}

// Whether a label has "rpz" as one of its '-' or '_' separated words
// ("rpz", "rpz-local", "my_rpz").
bool HasRpzWord(std::string_view label) {
  size_t start = 0;
  for (size_t i = 0; i <= label.size(); ++i) {
    if (i == label.size() || label[i] == '-' || label[i] == '_') {
      if (label.substr(start, i - start) == "rpz") return true;
      start = i + 1;
    }
  }
  return false;
}

// Whether a zone is a response policy zone (draft-vixie-dnsop-dns-rpz),
// whose owners are the names of other zones written relative on purpose:
// its apex has the word "rpz" in a label ("rpz.example.net.",
// "local-rpz."), an owner is under one of the RPZ trigger labels, or a
// CNAME holds an RPZ policy action ('.', '*.', "rpz-passthru." and the
// like).
bool IsResponsePolicyZone(const NameTable& names, const Zone& zone) {
  if (zone.apex != kNoName && AnyLabel(names.Text(zone.apex), HasRpzWord)) {
    return true;
  }
  for (const NameId owner : zone.owners()) {
    const bool trigger = AnyLabel(names.Text(owner), [](std::string_view l) {
      return l == "rpz-ip" || l == "rpz-nsip" || l == "rpz-nsdname" ||
             l == "rpz-client-ip";
    });
    if (trigger) return true;
  }
  for (const Record& record : zone.records) {
    if (record.type != rrtype::kCNAME || record.field_count != 1) continue;
    const Field& target = zone.FieldsOf(record)[0];
    if (target.kind != FieldKind::kName) continue;
    const std::string_view text = names.Text(target.value);
    if (text == "." || text == "*." ||
        (text.starts_with("rpz-") && ParentName(text) == ".")) {
      return true;
    }
  }
  return false;
}

// `text`, a relative name as written, without its last `n` labels; empty
// when it has no more. Escaped dots ("a\.b") do not separate labels.
std::string_view DropLastLabels(std::string_view text, size_t n) {
  size_t dots = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '.') {
      ++dots;
    }
  }
  if (n > dots) return {};
  const size_t keep = dots + 1 - n;  // labels kept, at least one
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '.' && ++seen == keep) {
      return text.substr(0, i);
    }
  }
  return text;
}

size_t LabelCount(std::string_view canonical) {
  return canonical == "." ? 0
                          : std::count(canonical.begin(), canonical.end(), '.');
}

// What the linted zones hold under "<TLD>.<origin>", a node that a name in
// rdata points under.
struct Node {
  bool known = false;  // inside a linted zone, not delegated away
  bool used = false;   // some zone has an owner at or below it
};

}  // namespace

std::vector<MissingDotName> NamesMissingTheirDot(const LintContext& context) {
  const NameTable& names = context.names;
  std::vector<MissingDotName> found;
  absl::flat_hash_map<std::string_view, Node> nodes;  // into `names`
  std::string written;
  for (const auto& zone : context.zones) {
    std::optional<bool> rpz;  // worked out at the first candidate
    for (const RelativeName& rel : zone->relative_names) {
      // A mailbox written as an address ("hostmaster@example.net" as the
      // SOA's): a dot would not mend it.
      if (rel.text.find('@') != std::string_view::npos) continue;
      // The written labels, canonical; what follows them is the origin.
      bool relative = false;
      if (ParseName(rel.text, nullptr, &written, &relative) != NameError::kOk) {
        continue;
      }
      const std::string_view expanded = names.Text(rel.name);
      if (written.size() >= expanded.size()) continue;  // under $ORIGIN .
      const std::string_view origin = expanded.substr(written.size());
      const std::string_view labels =
          expanded.substr(0, written.size() - 1);  // no final '.'
      const std::string_view node =
          expanded.substr(labels.rfind('.') + 1);  // npos + 1 is 0
      MissingDot why;
      if (IsAtOrBelow(written, origin)) {
        why = MissingDot::kRepeatsOrigin;
      } else if (!rel.owner && !rel.mailbox && rel.text[0] != '_' &&
                 IsTopLevelDomain(node.substr(0, node.find('.')))) {
        why = MissingDot::kEndsInTld;
      } else {
        continue;
      }
      if (!rpz.has_value()) rpz = IsResponsePolicyZone(names, *zone);
      if (*rpz) break;  // nothing in this zone
      if (why == MissingDot::kEndsInTld) {
        auto [it, added] = nodes.try_emplace(node);
        if (added) it->second.known = context.universe.Knows(node);
        if (!it->second.known) continue;
      }
      found.push_back({&rel, why, origin, node});
    }
  }
  const bool any_tld = std::any_of(
      found.begin(), found.end(),
      [](const MissingDotName& f) { return f.why == MissingDot::kEndsInTld; });
  if (!any_tld) return found;
  // Which nodes hold names: those at or above an owner, but for the owners
  // that repeat the origin (mail.example.com.example.com. puts no name
  // under com.example.com. that anyone meant).
  absl::flat_hash_set<NameId> misplaced;
  for (const MissingDotName& f : found) {
    if (f.name->owner) misplaced.insert(f.name->name);
  }
  size_t shortest = SIZE_MAX;
  for (const auto& [node, state] : nodes) {
    shortest = std::min(shortest, node.size());
  }
  for (const auto& zone : context.zones) {
    for (const NameId owner : zone->owners()) {
      if (misplaced.contains(owner)) continue;
      for (std::string_view up = names.Text(owner); up.size() >= shortest;
           up = ParentName(up)) {
        auto it = nodes.find(up);
        if (it != nodes.end()) it->second.used = true;
        if (up == ".") break;
      }
    }
  }
  std::erase_if(found, [&](const MissingDotName& f) {
    return f.why == MissingDot::kEndsInTld && nodes.at(f.node).used;
  });
  return found;
}

namespace {

bool HasSoa(const Universe& universe, NameId name) {
  bool soa = false;
  universe.ForEachRecordAt(name, [&soa](const RecordRef& ref) {
    soa = soa || ref.record->type == rrtype::kSOA;
  });
  return soa;
}

class MissingTrailingDot final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "zone-missing-trailing-dot", Severity::kWarning,
        "a relative name that repeats the origin, or ends in a TLD and "
        "names nothing in the zone"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const MissingDotName& f : NamesMissingTheirDot(context)) {
      // An SOA whose owner lacks its dot is not at the origin, so the zone
      // does not load: zone-no-soa reports that, with this fix.
      if (f.name->owner && HasSoa(context.universe, f.name->name)) continue;
      const std::string_view text = f.name->text;
      const std::string_view expanded = context.names.Text(f.name->name);
      const SourceRange range = f.name->range;
      // The edits replace the name's token, which the range covers exactly.
      std::vector<Fix> fixes;
      if (range.file != kNoFile &&
          context.sources.Get(range.file)
                  .text()
                  .substr(range.begin, range.end - range.begin) == text) {
        fixes.push_back({"Add the trailing dot",
                         true,
                         {{{range.file, range.end, range.end}, "."}}});
      }
      if (f.why == MissingDot::kRepeatsOrigin) {
        std::string_view rest = DropLastLabels(text, LabelCount(f.origin));
        // '@' means the origin only unquoted.
        const bool quoted =
            range.begin > 0 &&
            context.sources.Get(range.file).text()[range.begin - 1] == '"';
        if (!fixes.empty() && !(rest.empty() && quoted)) {
          fixes.push_back({"Make the name relative",
                           true,
                           {{range, std::string(rest.empty() ? "@" : rest)}}});
        }
        sink.Emit(
            range,
            Cat("'", text, "' has no trailing dot, so the origin '", f.origin,
                "' is appended again: it means '", expanded, "'"),
            Cat("write '", text, ".' with its dot, or '",
                rest.empty() ? "@" : rest, "' relative to the origin"),
            std::move(fixes));
      } else {
        sink.Emit(
            range,
            Cat("'", text, "' has no trailing dot, so it means '", expanded,
                "', and the zone has no names under '", f.node, "'"),
            Cat("'", f.node.substr(0, f.node.find('.')),
                "' is a top-level domain: write '", text,
                ".' if the name is complete"),
            std::move(fixes));
      }
    }
  }
};

}  // namespace

const Rule& ZoneMissingTrailingDotRule() {
  static const MissingTrailingDot rule;
  return rule;
}

}  // namespace zonelint::rules
