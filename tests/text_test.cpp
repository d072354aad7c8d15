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

}  // namespace
}  // namespace judge
