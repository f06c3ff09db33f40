#pragma once

#include <QString>

#include <string>

// How the organization list's filter compares text: each row's name, label and id are stored
// case-folded in UTF-8 and searched as bytes.
namespace keycard::search {

// Appends the case-folded form of `text` to `out` in UTF-8: ASCII in place, anything else
// through QString::toCaseFolded() (no temporary string for the usual ASCII names and ids).
// A substring of the UTF-8 form is the UTF-8 form of a substring: matching bytes is matching
// code points.
void appendFolded(std::string &out, const QString &text);

} // namespace keycard::search
