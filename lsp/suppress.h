// The "Disable RULE for this line" quick fix: the edit that adds an inline
// suppression (lint/suppressions.h) for a finding's line.
#ifndef ZONELINT_LSP_SUPPRESS_H_
#define ZONELINT_LSP_SUPPRESS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/suppressions.h"

namespace zonelint::lsp {

// Reads a text's records and directives once, then answers for any number
// of findings in it, each in logarithmic time.
class SuppressionEdits {
 public:
  // `text` must outlive this.
  explicit SuppressionEdits(std::string_view text);

  // The edit that suppresses `rule` for the finding at `offset`: for a
  // record on one line, a "zonelint-disable-line" comment at its end (or
  // the rule added to the one there); for a record over several lines, a
  // "zonelint-disable-next-line" comment on a new line above its first,
  // with that line's indentation and line end (or the rule added to the
  // one there). The edit's file is kNoFile.
  TextEdit For(uint32_t offset, std::string_view rule) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;  // lines end at '\n', as the runner's
  // The first and the last line (0-based) of the record each line is in:
  // parentheses outside quotes and comments continue a record.
  std::vector<uint32_t> first_;
  std::vector<uint32_t> last_;
  std::vector<Directive> directives_;  // in line order
};

}  // namespace zonelint::lsp

#endif  // ZONELINT_LSP_SUPPRESS_H_
