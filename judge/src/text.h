// Learner-controlled text (program output, exception messages, compiler
// diagnostics about their file, folder names) on its way to a terminal, a JSON
// document, an XML or HTML document or a file name: valid UTF-8, and no
// control sequences that could repaint the judge's own report.
#pragma once

#include <string>

namespace judge {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool valid_utf8(const std::string& text);

// Invalid UTF-8 becomes U+FFFD; control characters other than newline and
// tab are shown in caret notation (ESC as "^[").
std::string printable(const std::string& text);

// printable(), with newline and tab in caret notation too ("^J", "^I"): text
// that must stay on one line, such as a learner's id on a progress bar.
std::string printable_line(const std::string& text);

// At most `max_bytes` bytes of `text`, never cutting a UTF-8 character in two.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

// Printable one-line text cut to at most `columns` terminal columns (a CJK
// character takes two) between characters, then padded with spaces to fill
// them, so a shorter line overwrites a longer one.
std::string fit_columns(const std::string& text, std::size_t columns);

// The terminal columns printable_line(text) takes (a CJK character two).
std::size_t columns_of(const std::string& text);

// Element content of an XML 1.0 or HTML document: invalid UTF-8 and the
// characters XML forbids (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, as
// do DEL and the C1 controls; the five markup characters and CR (which a
// parser would turn into LF) become references. Any text gives a document a
// parser accepts.
std::string markup_escape(const std::string& text);

// markup_escape() for a quoted attribute value: TAB and LF become references
// too, since attribute-value normalisation would turn them into spaces.
std::string markup_attribute(const std::string& text);

// Nothing but white space (or nothing at all): an "empty" hand-in, which
// the gradebook tells apart from a compile error.
bool is_blank(const std::string& text);

// Any bytes as lowercase hex, and back: a lossless spelling inside JSON,
// which holds only UTF-8 text. from_hex ignores a trailing odd digit.
std::string to_hex(const std::string& bytes);
std::string from_hex(const std::string& hex);

}  // namespace judge
