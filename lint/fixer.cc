#include "lint/fixer.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "util/atomic_file.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// Accepted edits of one file, by begin (an empty edit inserts).
using Taken = std::multimap<uint32_t, uint32_t>;

// Whether [begin, end) overlaps an accepted edit, or starts where one
// starts (two inserts at one place have no certain order).
bool Overlaps(const Taken& taken, uint32_t begin, uint32_t end) {
  auto next = taken.lower_bound(begin);
  if (next != taken.end() && (next->first == begin || next->first < end)) {
    return true;
  }
  if (next != taken.begin()) {
    auto prev = std::prev(next);
    if (prev->second > begin) return true;
  }
  return false;
}

// A line of a diff, with its line end: "\n" or nothing at the end of a file
// without a final newline.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// A diff line: its text with control bytes shown as \xNN (TAB kept, and
// the CR of a CRLF line end), then "\n", or the "\ No newline" marker.
void AppendLine(char mark, std::string_view line, std::string* out) {
  out->push_back(mark);
  const bool newline = !line.empty() && line.back() == '\n';
  if (newline) line.remove_suffix(1);
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool line_end_cr = c == '\r' && i + 1 == line.size() && newline;
    if ((c < 0x20 && c != '\t' && !line_end_cr) || c == 0x7f) {
      out->append(Cat("\\x", HexByte(c).substr(2)));
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('\n');
  if (!newline) out->append("\\ No newline at end of file\n");
}

// A changed stretch: old lines [old_begin, old_end) became new lines
// [new_begin, new_end).
struct Block {
  size_t old_begin, old_end, new_begin, new_end;
};

// The changed stretches. Fixes rarely add or remove lines: when the line
// counts match, each differing line is compared with its twin (linear);
// otherwise the lines between the common head and tail are one block.
std::vector<Block> Blocks(const std::vector<std::string_view>& a,
                          const std::vector<std::string_view>& b) {
  std::vector<Block> blocks;
  if (a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      if (!blocks.empty() && blocks.back().old_end == i) {
        ++blocks.back().old_end;
        ++blocks.back().new_end;
      } else {
        blocks.push_back({i, i + 1, i, i + 1});
      }
    }
    return blocks;
  }
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  blocks.push_back({head, a.size() - tail, head, b.size() - tail});
  return blocks;
}

std::string HunkRange(size_t begin, size_t count) {
  // diff -u: "start,count", "start" alone for one line, and the line
  // before for none.
  if (count == 1) return Cat(begin + 1);
  return Cat(count == 0 ? begin : begin + 1, ",", count);
}

std::string Plural(size_t n, std::string_view word) {
  return Cat(n, " ", word, n == 1 ? "" : "s");
}

}  // namespace

const Fix* ChosenFix(const Finding& d, bool unsafe) {
  for (const Fix& fix : d.fixes) {
    if ((fix.safe || unsafe) && !fix.edits.empty()) return &fix;
  }
  return nullptr;
}

std::map<FileId, std::vector<TextEdit>> PlanRound(
    const Findings& findings, bool unsafe, std::map<FileId, size_t>* taken) {
  struct Candidate {
    FileId file;
    uint32_t begin;
    const Fix* fix;
  };
  std::vector<Candidate> candidates;
  for (const Finding& d : findings) {
    const Fix* fix = ChosenFix(d, unsafe);
    if (fix == nullptr) continue;
    const FileId file = fix->edits.front().range.file;
    uint32_t begin = UINT32_MAX;
    bool one_file = file != kNoFile;
    for (const TextEdit& edit : fix->edits) {
      one_file = one_file && edit.range.file == file &&
                 edit.range.begin <= edit.range.end;
      begin = std::min(begin, edit.range.begin);
    }
    if (one_file) candidates.push_back({file, begin, fix});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) {
                     return x.file != y.file ? x.file < y.file
                                             : x.begin < y.begin;
                   });
  std::map<FileId, std::vector<TextEdit>> plan;
  std::map<FileId, Taken> accepted;
  for (const Candidate& c : candidates) {
    Taken& file_taken = accepted[c.file];
    Taken mine;  // the fix's own edits must not overlap each other either
    bool clear = true;
    for (const TextEdit& edit : c.fix->edits) {
      if (Overlaps(file_taken, edit.range.begin, edit.range.end) ||
          Overlaps(mine, edit.range.begin, edit.range.end)) {
        clear = false;
        break;
      }
      mine.emplace(edit.range.begin, edit.range.end);
    }
    if (!clear) continue;
    file_taken.insert(mine.begin(), mine.end());
    std::vector<TextEdit>& edits = plan[c.file];
    edits.insert(edits.end(), c.fix->edits.begin(), c.fix->edits.end());
    ++(*taken)[c.file];
  }
  return plan;
}

std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(
      edits.begin(), edits.end(), [](const TextEdit& x, const TextEdit& y) {
        return x.range.begin != y.range.begin ? x.range.begin < y.range.begin
                                              : x.range.end < y.range.end;
      });
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const TextEdit& edit : edits) {
    if (edit.range.begin < pos || edit.range.end > text.size() ||
        edit.range.end < edit.range.begin) {
      continue;
    }
    out.append(text.substr(pos, edit.range.begin - pos));
    out.append(edit.text);
    pos = edit.range.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string UnifiedDiff(std::string_view path, std::string_view before,
                        std::string_view after) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  const std::vector<Block> blocks = Blocks(a, b);
  constexpr size_t kContext = 3;
  std::string shown(path);
  while (!shown.empty() && shown.front() == '/') shown.erase(0, 1);
  shown = ShowText(shown, shown.size());
  std::string out = Cat("--- a/", shown, "\n+++ b/", shown, "\n");
  for (size_t k = 0; k < blocks.size();) {
    // One hunk: the blocks whose context lines touch or overlap.
    size_t last = k;
    while (last + 1 < blocks.size() &&
           blocks[last + 1].old_begin - blocks[last].old_end <= 2 * kContext) {
      ++last;
    }
    const size_t old_begin =
        blocks[k].old_begin - std::min(kContext, blocks[k].old_begin);
    const size_t old_end = std::min(a.size(), blocks[last].old_end + kContext);
    const size_t new_begin =
        blocks[k].new_begin - (blocks[k].old_begin - old_begin);
    const size_t new_end =
        blocks[last].new_end + (old_end - blocks[last].old_end);
    out += Cat("@@ -", HunkRange(old_begin, old_end - old_begin), " +",
               HunkRange(new_begin, new_end - new_begin), " @@\n");
    size_t at = old_begin;
    for (size_t j = k; j <= last; ++j) {
      for (; at < blocks[j].old_begin; ++at) AppendLine(' ', a[at], &out);
      for (size_t i = blocks[j].old_begin; i < blocks[j].old_end; ++i) {
        AppendLine('-', a[i], &out);
      }
      for (size_t i = blocks[j].new_begin; i < blocks[j].new_end; ++i) {
        AppendLine('+', b[i], &out);
      }
      at = blocks[j].old_end;
    }
    for (; at < old_end; ++at) AppendLine(' ', a[at], &out);
    k = last + 1;
  }
  return out;
}

FixResult RunFixes(const LintFunction& lint, const FixOptions& options) {
  FixResult result;
  std::map<std::string, std::string> texts;  // in memory, by path
  const absl::flat_hash_set<std::string> files(options.files.begin(),
                                               options.files.end());
  std::vector<std::string> roots;
  for (const std::string& root : options.roots) {
    std::error_code ec;
    std::string canonical =
        std::filesystem::weakly_canonical(root, ec).string();
    if (!ec) roots.push_back(canonical);
  }
  // Whether an edited file may be changed: a file linted, or one it
  // includes that lies in a folder named or of a file named.
  auto inside = [&](const std::string& path) {
    if (path == options.stdin_name || files.contains(path)) return true;
    std::error_code ec;
    const std::string canonical =
        std::filesystem::weakly_canonical(path, ec).string();
    if (ec) return false;
    for (const std::string& root : roots) {
      if (canonical.size() > root.size() &&
          canonical.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || canonical[root.size()] == '/')) {
        return true;
      }
    }
    return false;
  };
  std::set<std::string> noted;
  result.last = lint(texts);
  for (int round = 0; round < options.max_rounds; ++round) {
    std::map<FileId, size_t> taken;
    const std::map<FileId, std::vector<TextEdit>> plan =
        PlanRound(result.last.findings, options.unsafe, &taken);
    const SourceSet& sources = result.last.session->sources();
    std::set<std::string> done;  // one edit list per path and round
    size_t applied = 0;
    for (const auto& [file, edits] : plan) {
      const Source& source = sources.Get(file);
      const std::string& path = source.path();
      if (!done.insert(path).second) continue;
      if (!inside(path)) {
        if (noted.insert(path).second) {
          result.notes.push_back(Cat("not fixing '",
                                     ShowText(path, path.size()),
                                     "': it is outside the folders linted"));
        }
        continue;
      }
      // A file changed in memory that was read again from the disk (an
      // $INCLUDEd one, under --diff): its findings are of the old text.
      auto in_memory = texts.find(path);
      if (in_memory != texts.end() && in_memory->second != source.text()) {
        continue;
      }
      std::string fixed = ApplyEdits(source.text(), edits);
      if (fixed == source.text()) continue;
      result.before.try_emplace(path, source.text());
      if (options.write && path != options.stdin_name) {
        absl::Status written = WriteFileAtomically(path, fixed);
        if (!written.ok()) {
          result.notes.push_back(std::string(written.message()));
          result.write_error = true;
          continue;
        }
      } else {
        texts[path] = fixed;
      }
      result.after[path] = std::move(fixed);
      applied += taken[file];
    }
    if (applied == 0) break;
    result.fixed += applied;
    result.last = lint(texts);
  }
  for (const Finding& d : result.last.findings) {
    if (!options.unsafe && ChosenFix(d, false) == nullptr &&
        ChosenFix(d, true) != nullptr) {
      ++result.unsafe_left;
    }
  }
  return result;
}

int FixCommand(const LintFunction& lint, const FixOptions& options,
               const FormatOptions& format, std::optional<Severity> fail_level,
               std::ostream& out, std::ostream& err) {
  FixResult result = RunFixes(lint, options);
  for (const std::string& note : result.notes) {
    err << "zonelint: " << note << "\n";
  }
  std::string summary = Cat(options.write ? "fixed " : "would fix ",
                            Plural(result.fixed, "finding"), " in ",
                            Plural(result.after.size(), "file"));
  if (result.unsafe_left > 0) {
    summary += Cat(" (", result.unsafe_left, " more with --unsafe-fixes)");
  }
  const bool failed = result.last.io_error || result.write_error;
  if (!options.write) {
    for (const auto& [path, before] : result.before) {
      out << UnifiedDiff(path, before, result.after[path]);
    }
    out.flush();
    err << "zonelint: " << summary << "\n";
    if (failed) return 2;
    return result.after.empty() ? 0 : 1;
  }
  // stdin's fixed text goes to standard output, so the findings go to
  // standard error.
  std::ostream* report = &out;
  if (!options.stdin_name.empty()) {
    const SourceSet& sources = result.last.session->sources();
    for (size_t i = 0; i < sources.size(); ++i) {
      const Source& source = sources.Get(static_cast<FileId>(i));
      if (source.path() != options.stdin_name) continue;
      out << source.text();
      break;
    }
    out.flush();
    report = &err;
  }
  WriteDiagnostics(result.last.session->sources(), result.last.findings, format,
                   *report);
  report->flush();
  err << "zonelint: " << summary << "\n";
  if (failed) return 2;
  if (!fail_level) return 0;
  for (const Finding& d : result.last.findings) {
    if (d.severity >= *fail_level) return 1;
  }
  return 0;
}

}  // namespace zonelint
