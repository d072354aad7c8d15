// Learner-controlled text (program output, exception messages, compiler
// diagnostics about their file) on its way to a terminal, a JSON document or
// a web page: valid UTF-8, and no control sequences that could repaint the
// judge's own report.
#pragma once

#include <string>

namespace judge {

// Invalid UTF-8 becomes U+FFFD; control characters other than newline and
// tab are shown in caret notation (ESC as "^[").
std::string printable(const std::string& text);

// At most `max_bytes` bytes of `text`, never cutting a UTF-8 character in two.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

// Text for an HTML or XML document, inside elements or quoted attributes:
// the five markup characters as references, and the control characters XML
// forbids as '?'.
std::string markup_escape(const std::string& text);

}  // namespace judge
