#include "text.h"

namespace judge {

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}
namespace {

const char* const kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// One character of UTF-8 text: its length in bytes (0 if the sequence at that
// point is invalid) and its code point.
struct Char {
  std::size_t length = 0;
  char32_t code = 0;
};

// The character starting at `at`; overlong forms, surrogates and code points
// past U+10FFFF are invalid.
Char decode(const std::string& s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  char32_t min = 0;
  char32_t code = 0;
  if (lead < 0x80) return {1, lead};
  if ((lead & 0xE0) == 0xC0)
    length = 2, min = 0x80, code = lead & 0x1F;
  else if ((lead & 0xF0) == 0xE0)
    length = 3, min = 0x800, code = lead & 0x0F;
  else if ((lead & 0xF8) == 0xF0)
    length = 4, min = 0x10000, code = lead & 0x07;
  else
    return {};
  if (at + length > s.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {};
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {length, code};
}

// C0 controls, DEL and the C1 controls (U+0080 to U+009F).
bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

// Caret notation for C0 and DEL; a C1 control has none, so it shows as U+FFFD.
std::string shown(const std::string& text, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Char c = decode(text, at);
    if (c.length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    if (keep_layout && (c.code == '\n' || c.code == '\t')) {
      out += static_cast<char>(c.code);
    } else if (c.code < 0x20 || c.code == 0x7F) {
      out += '^';
      out += static_cast<char>(c.code == 0x7F ? '?' : c.code + 0x40);
    } else if (is_control(c.code)) {
      out += kReplacement;
    } else {
      out.append(text, at, c.length);
    }
    at += c.length;
  }
  return out;
}

// Terminal columns of a printable character: 0 for combining marks and
// zero-width characters, 2 for East Asian wide and fullwidth ones and emoji.
std::size_t columns_of(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static const Range kZero[] = {{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
                                {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
                                {0xFE20, 0xFE2F}};
  static const Range kWide[] = {
      {0x1100, 0x115F}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},  {0x4E00, 0x9FFF},
      {0xA000, 0xA4CF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},  {0xFF00, 0xFF60},
      {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD}};
  for (const Range& r : kZero)
    if (c >= r.first && c <= r.last) return 0;
  for (const Range& r : kWide)
    if (c >= r.first && c <= r.last) return 2;
  return 1;
}

// The characters XML 1.0 allows (production [2] Char), less DEL and the C1
// controls, which it discourages and HTML reports as parse errors.
bool markup_allows(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return true;
  if (is_control(c)) return false;
  return c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

const char* markup_reference(char32_t c, bool attribute) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\r':
      return "&#13;";
    case '\t':
      return attribute ? "&#9;" : nullptr;
    case '\n':
      return attribute ? "&#10;" : nullptr;
    default:
      return nullptr;
  }
}

// The one way text enters the judge's XML and HTML markup.
std::string markup(const std::string& text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Char c = decode(text, at);
    if (c.length == 0 || !markup_allows(c.code)) {
      out += kReplacement;
    } else if (const char* reference = markup_reference(c.code, attribute)) {
      out += reference;
    } else {
      out.append(text, at, c.length);
    }
    at += c.length == 0 ? 1 : c.length;
  }
  return out;
}

}  // namespace

bool valid_utf8(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = decode(text, at).length;
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::string printable(const std::string& text) { return shown(text, /*keep_layout=*/true); }

std::string printable_line(const std::string& text) { return shown(text, /*keep_layout=*/false); }

std::string utf8_prefix(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes to the start of the cut character.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string fit_columns(const std::string& text, std::size_t columns) {
  const std::string line = printable_line(text);
  std::size_t used = 0;
  std::size_t end = 0;
  while (end < line.size()) {
    const Char c = decode(line, end);  // printable_line() left only valid UTF-8
    const std::size_t width = columns_of(c.code);
    if (used + width > columns) break;
    used += width;
    end += c.length;
  }
  return line.substr(0, end) + std::string(columns - used, ' ');
}

std::size_t columns_of(const std::string& text) {
  const std::string line = printable_line(text);
  std::size_t used = 0;
  for (std::size_t at = 0; at < line.size();) {
    const Char c = decode(line, at);
    used += columns_of(c.code);
    at += c.length;
  }
  return used;
}

std::string markup_escape(const std::string& text) { return markup(text, /*attribute=*/false); }

std::string markup_attribute(const std::string& text) { return markup(text, /*attribute=*/true); }

std::string to_hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (const unsigned char c : bytes) hex += {digits[c >> 4], digits[c & 0xf]};
  return hex;
}

std::string from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

}  // namespace judge
