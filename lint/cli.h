// The command line: options, reading files, exit status.
#ifndef ZONELINT_LINT_CLI_H_
#define ZONELINT_LINT_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "lint/version.h"

namespace zonelint {

// Exit status: 0 no finding at or above the fail level, 1 findings,
// 2 usage or I/O errors.
int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err, bool out_is_terminal);

}  // namespace zonelint

#endif  // ZONELINT_LINT_CLI_H_
