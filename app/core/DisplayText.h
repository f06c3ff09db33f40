#pragma once

#include <QString>

// Server values (organization names and labels, issuers, client ids, member emails, messages)
// are data, never markup and never layout instructions. This is the one place that decides
// how such a value is made safe to show to a person, in the window and in the terminal alike.
namespace keycard {

// `text` with every character that would act instead of being seen replaced by U+FFFD:
// C0 and C1 control characters (tab and line breaks included, so that a value cannot forge a
// line), DEL, the line and paragraph separators, the bidirectional embeddings, overrides and
// isolates (U+202A-U+202E, U+2066-U+2069), the directional marks (U+200E, U+200F, U+061C) and
// every other format character (Unicode category Cf: zero-width spaces, soft hyphen, BOM, ...),
// except the zero-width joiner and non-joiner and the emoji tag characters, which emoji and
// several scripts need to be shown as written. Unpaired surrogates become U+FFFD too.
// Used by keycardctl (cli::printable) and by every widget that shows a server value.
QString displayText(const QString &text);

// True when displayText() would change `text`.
bool hasHiddenCharacters(const QString &text);

} // namespace keycard
