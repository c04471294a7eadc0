// Fixes inside the text of TXT records (rules that attach a Fix to a
// finding about a character-string, an SPF term or a tag): where bytes of
// the joined text are in the zone file, and whether an edit there is
// certain to mean what it says.
#ifndef ZONELINT_RULES_FIXES_TXT_EDITS_H_
#define ZONELINT_RULES_FIXES_TXT_EDITS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "mail/txt_text.h"
#include "parser/source.h"
#include "parser/zone.h"

namespace zonelint::rules {

// Replaces bytes [begin, end) of the joined text of `record` (an empty
// range inserts before byte `begin`) by `replacement`, which is written
// into the zone file as it stands: the caller keeps it free of quotes,
// backslashes and blanks unless they come from the same string's source.
// Empty when the bytes are not all in one character-string (an edit across
// strings is not certain) or the record was made by $GENERATE.
std::optional<TextEdit> EditInOneString(const Zone& zone, const Record& record,
                                        const TxtText& text, uint32_t begin,
                                        uint32_t end, std::string replacement);

// The zone-file text of bytes [begin, end) of the joined text, as written
// (escapes undecoded); empty when EditInOneString would refuse the range.
std::optional<std::string> SourceOf(const Zone& zone, const Record& record,
                                    const TxtText& text,
                                    const SourceSet& sources, uint32_t begin,
                                    uint32_t end);

// A character-string's source text (escapes undecoded, no quotes) cut into
// quoted strings of at most 255 bytes each once decoded, never inside an
// escape, separated by one space: "\"first\" \"second\"". Empty when `raw`
// has a bad escape or a quote character.
std::optional<std::string> SplitCharacterString(std::string_view raw);

// A fix that moves the `v=` tag of a tag list (DKIM, DMARC) to the front,
// keeping the other tags and separators: the tag and the ';' before it are
// removed where they are, and the tag with "; " ("\;" in an unquoted
// string) is put before the first tag. Empty unless
// the list parses without problems, has a v= tag that is not first, and the
// first tag through v= lies in one character-string.
std::optional<Fix> MoveVersionFirst(const Zone& zone, const Record& record,
                                    const TxtText& text,
                                    const SourceSet& sources);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_FIXES_TXT_EDITS_H_
