// Adding a problem to tracks.yaml by editing its text: one entry more, and
// every comment, line break and list style left as the author wrote them.
#include "track_list_edit.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

std::string appended(const std::string& yaml, const std::string& track, const std::string& id) {
  const TrackEdit e = append_to_track(yaml, track, id);
  EXPECT_EQ(e.error, "");
  return e.text;
}

TEST(ScaffoldTrackList, AppendsInsideAFlowList) {
  const std::string yaml =
      "# comment kept\n"
      "tracks:\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems: [softmax, softmax_rows]  # in teaching order\n"
      "  attention:\n"
      "    title: {en: Attention, zh: 注意力}\n"
      "    problems: [dot_product_attention]\n";
  EXPECT_EQ(appended(yaml, "softmax", "sparsemax"),
            "# comment kept\n"
            "tracks:\n"
            "  softmax:\n"
            "    title: {en: Softmax, zh: Softmax}\n"
            "    problems: [softmax, softmax_rows, sparsemax]  # in teaching order\n"
            "  attention:\n"
            "    title: {en: Attention, zh: 注意力}\n"
            "    problems: [dot_product_attention]\n");
  EXPECT_EQ(appended(yaml, "attention", "gqa"),
            "# comment kept\n"
            "tracks:\n"
            "  softmax:\n"
            "    title: {en: Softmax, zh: Softmax}\n"
            "    problems: [softmax, softmax_rows]  # in teaching order\n"
            "  attention:\n"
            "    title: {en: Attention, zh: 注意力}\n"
            "    problems: [dot_product_attention, gqa]\n");
}

TEST(ScaffoldTrackList, WrapsAFlowListUnderItsFirstEntryPastOneHundredColumns) {
  const std::string yaml =
      "tracks:\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems: [softmax, softmax_rows, logsumexp_rows, log_softmax_rows, "
      "softmax_temperature,\n"
      "               masked_softmax, softmax_backward, cross_entropy, online_softmax, "
      "sparsemax]\n";
  EXPECT_EQ(
      appended(yaml, "softmax", "entmax_bisect"),
      "tracks:\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems: [softmax, softmax_rows, logsumexp_rows, log_softmax_rows, "
      "softmax_temperature,\n"
      "               masked_softmax, softmax_backward, cross_entropy, online_softmax, sparsemax,\n"
      "               entmax_bisect]\n");
}

TEST(ScaffoldTrackList, FillsAnEmptyFlowListAndKeepsAMissingFinalNewline) {
  EXPECT_EQ(appended("tracks:\n  t:\n    title: {en: T, zh: T}\n    problems: []", "t", "a"),
            "tracks:\n  t:\n    title: {en: T, zh: T}\n    problems: [a]");
}

TEST(ScaffoldTrackList, AddsALineAfterTheLastEntryOfABlockList) {
  const std::string yaml =
      "tracks:\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems:\n"
      "      - softmax\n"
      "      # the rows come next\n"
      "      - softmax_rows   # rows\n"
      "\n"
      "  # the second track\n"
      "  attention:\n"
      "    problems:\n"
      "    - dot_product_attention\n"
      "    title: {en: Attention, zh: 注意力}\n";
  EXPECT_EQ(appended(yaml, "softmax", "sparsemax"),
            "tracks:\n"
            "  softmax:\n"
            "    title: {en: Softmax, zh: Softmax}\n"
            "    problems:\n"
            "      - softmax\n"
            "      # the rows come next\n"
            "      - softmax_rows   # rows\n"
            "      - sparsemax\n"
            "\n"
            "  # the second track\n"
            "  attention:\n"
            "    problems:\n"
            "    - dot_product_attention\n"
            "    title: {en: Attention, zh: 注意力}\n");
  // A block list may sit at its key's own depth.
  EXPECT_EQ(appended(yaml, "attention", "gqa"),
            "tracks:\n"
            "  softmax:\n"
            "    title: {en: Softmax, zh: Softmax}\n"
            "    problems:\n"
            "      - softmax\n"
            "      # the rows come next\n"
            "      - softmax_rows   # rows\n"
            "\n"
            "  # the second track\n"
            "  attention:\n"
            "    problems:\n"
            "    - dot_product_attention\n"
            "    - gqa\n"
            "    title: {en: Attention, zh: 注意力}\n");
}

TEST(ScaffoldTrackList, FindsTheTrackNotAProblemOfTheSameName) {
  // "softmax" is also a problem id and a title; only the key under tracks counts.
  const std::string yaml =
      "tracks:\n"
      "  attention:\n"
      "    title: {en: softmax, zh: softmax}\n"
      "    problems: [softmax]\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems: [softmax_rows]\n";
  EXPECT_NE(appended(yaml, "softmax", "x").find("problems: [softmax_rows, x]"), std::string::npos);
}

TEST(ScaffoldTrackList, RefusesWhatItCannotEditSafely) {
  const std::string flow_map = "tracks:\n  t: {title: {en: T, zh: T}, problems: [a]}\n";
  EXPECT_NE(append_to_track(flow_map, "t", "b").error.find("by hand"), std::string::npos);
  const std::string yaml = "tracks:\n  t:\n    title: {en: T, zh: T}\n    problems: [a]\n";
  const TrackEdit unknown = append_to_track(yaml, "u", "b");
  EXPECT_NE(unknown.error.find("no block 'tracks: u:'"), std::string::npos) << unknown.error;
  EXPECT_EQ(unknown.text, "");
  EXPECT_NE(append_to_track("sets: {}\n", "t", "b").error.find("no top-level 'tracks:'"),
            std::string::npos);
}

}  // namespace
}  // namespace judge
