// Learner-controlled text made safe for terminals, JSON and web pages.
#include "text.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(Text, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(printable("softmax 软最大 é\n\tok"), "softmax 软最大 é\n\tok");
  EXPECT_EQ(printable("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(printable("\xC3"), "\xEF\xBF\xBD");                                  // a cut sequence
  EXPECT_EQ(printable("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // an overlong '/'
  EXPECT_EQ(printable("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(Text, ShowsControlCharactersInsteadOfObeyingThem) {
  EXPECT_EQ(printable("\x1b[2J\x1b[32mPASS"), "^[[2J^[[32mPASS");
  EXPECT_EQ(printable("over\rwrite\x7f"), "over^Mwrite^?");
  EXPECT_EQ(printable("\xC2\x9B"
                      "31m"),
            "\xEF\xBF\xBD"
            "31m");  // C1 CSI
}

TEST(Text, CutsOnlyBetweenCharacters) {
  const std::string text = std::string(499, 'x') + "é";  // é is two bytes, at 499 and 500
  EXPECT_EQ(utf8_prefix(text, 500), std::string(499, 'x'));
  EXPECT_EQ(utf8_prefix(text, 501), text);
  EXPECT_EQ(utf8_prefix("软", 2), "");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
}

TEST(Text, TellsValidUtf8) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("softmax 软最大 é \xF0\x9F\x98\x80 \xEF\xBF\xBF"));
  EXPECT_FALSE(valid_utf8("a\xFF"));
  EXPECT_FALSE(valid_utf8("\xC3"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));  // a surrogate
}

TEST(Text, CountsTerminalColumns) {
  EXPECT_EQ(columns_of("softmax"), 7u);
  EXPECT_EQ(columns_of("题目"), 4u);  // wide characters take two
  EXPECT_EQ(columns_of("a\x1b"), 3u);  // shown as "a^["
}

TEST(Text, TellsABlankText) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n\f\v"));
  EXPECT_FALSE(is_blank("  x "));
}

TEST(Text, KeepsALineOnOneLine) {
  EXPECT_EQ(printable_line("a\nb\tc\x1b[2J"), "a^Jb^Ic^[[2J");
  EXPECT_EQ(printable_line("bad\xFF"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(printable_line("alice/softmax"), "alice/softmax");
}

TEST(Text, FitsColumnsWithoutCuttingACharacter) {
  EXPECT_EQ(fit_columns("alice/softmax", 16), "alice/softmax   ");
  EXPECT_EQ(fit_columns(std::string(50, 'n'), 40), std::string(40, 'n'));
  EXPECT_EQ(fit_columns("软最大", 5), "软最 ");  // two columns each
  EXPECT_EQ(fit_columns("ééé", 2), "éé");        // one column, two bytes each
  EXPECT_EQ(fit_columns("a\x1b[2J", 4), "a^[[");
  EXPECT_EQ(fit_columns("x\xFF", 3), "x\xEF\xBF\xBD ");
}

TEST(Text, MarkupIsValidXmlForAnyText) {
  EXPECT_EQ(markup_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(markup_escape("two\n\tlines\r"), "two\n\tlines&#13;");
  EXPECT_EQ(markup_attribute("two\n\tlines\r"), "two&#10;&#9;lines&#13;");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(markup_escape("\x01\x1b\x7f"), fffd + fffd + fffd);       // controls
  EXPECT_EQ(markup_escape("\xFF\xC3"), fffd + fffd);                  // invalid UTF-8
  EXPECT_EQ(markup_escape("\xEF\xBF\xBE\xEF\xBF\xBF"), fffd + fffd);  // U+FFFE, U+FFFF
  EXPECT_EQ(markup_escape("\xC2\x9B"), fffd);                         // C1 CSI
  // What XML allows passes untouched, up to the last plane.
  EXPECT_EQ(markup_escape("软 \xEE\x80\x80 \xEF\xBF\xBD \xF4\x8F\xBF\xBD"),
            "软 \xEE\x80\x80 \xEF\xBF\xBD \xF4\x8F\xBF\xBD");
}

}  // namespace
}  // namespace judge
