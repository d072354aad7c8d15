// Who is asking, without a server: tokens, cookies and CSRF (judge/server/auth.h).
#include "auth.h"
#include "sqlite_store.h"
#include "test_support.h"

#include <sys/stat.h>

namespace judge::testing {
namespace {

using server::Authenticator;
using server::Role;

TEST(ServeAuth, CookieValueFindsItsCookieAmongOthers) {
  EXPECT_EQ(server::cookie_value("a=1; judge_session=abc; b=2", "judge_session"), "abc");
  EXPECT_EQ(server::cookie_value("judge_session_x=1", "judge_session"), "");
  EXPECT_EQ(server::cookie_value("", "judge_session"), "");
}

TEST(ServeAuth, SameSecretNeedsEveryByteAndTheLength) {
  EXPECT_TRUE(server::same_secret("abcd", "abcd"));
  EXPECT_FALSE(server::same_secret("abce", "abcd"));
  EXPECT_FALSE(server::same_secret("abc", "abcd"));
  EXPECT_FALSE(server::same_secret("", ""));
}

TEST(ServeAuth, TheOrganiserTokenIsMadeOnceWithMode0600AndKept) {
  TempDir dir;
  const std::string first = server::load_or_create_organiser_token(dir.path());
  EXPECT_GE(first.size(), 32u);  // at least 128 random bits
  struct stat info {};
  ASSERT_EQ(stat((dir.path() + "/organiser.token").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(server::load_or_create_organiser_token(dir.path()), first);

  chmod((dir.path() + "/organiser.token").c_str(), 0644);  // readable by others: refused
  EXPECT_THROW(server::load_or_create_organiser_token(dir.path()), std::runtime_error);
}

TEST(ServeAuth, TokensNameTheirOwnerAndCsrfTokensDifferPerSession) {
  TempDir dir;
  SqliteStore store(dir.path());
  const std::string organiser = server::load_or_create_organiser_token(dir.path());
  Authenticator auth(store, organiser);
  const NewLearner ada = store.create_learner("Ada");
  const NewLearner bob = store.create_learner("Bob");

  bool by_cookie = true;
  const server::Caller a = auth.identify("", "Bearer " + ada.token, &by_cookie);
  EXPECT_FALSE(by_cookie);
  ASSERT_EQ(a.role, Role::kLearner);
  EXPECT_EQ(a.learner.id, ada.learner.id);

  const server::Caller b = auth.identify("judge_session=" + bob.token, "", &by_cookie);
  EXPECT_TRUE(by_cookie);
  ASSERT_EQ(b.role, Role::kLearner);
  EXPECT_EQ(b.learner.id, bob.learner.id);

  EXPECT_EQ(auth.for_token(organiser).role, Role::kOrganiser);
  EXPECT_EQ(auth.for_token(std::string(64, 'f')).role, Role::kNone);
  EXPECT_EQ(auth.for_token("' OR 1=1 --").role, Role::kNone);

  EXPECT_TRUE(auth.csrf_matches(a, a.csrf));
  EXPECT_FALSE(auth.csrf_matches(a, b.csrf));  // one session's token does not pass for another's
  EXPECT_FALSE(auth.csrf_matches(a, ""));
  EXPECT_NE(a.csrf, ada.token);  // the CSRF token does not give the session away
}

}  // namespace
}  // namespace judge::testing
