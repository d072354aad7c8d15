# judge serve's pages: the editor bundle (CodeMirror 6 from npm, pinned by
# package-lock.json) and the headless-Chromium test of a practice room.
# Included from the top-level CMakeLists.txt. Everything npm and esbuild write
# goes into the build directory, so build/ and build-asan/ each have their
# own node_modules and bundle, and the source tree stays clean.

find_program(JUDGE_NPM npm)
find_program(JUDGE_NODE node)
if(NOT JUDGE_NPM OR NOT JUDGE_NODE)
  message(FATAL_ERROR
    "judge serve's editor is bundled from npm packages, and node or npm is missing. "
    "scripts/setup.sh installs them (Debian's nodejs and npm packages).")
endif()

set(JUDGE_WEB_SOURCE ${CMAKE_CURRENT_LIST_DIR})
set(JUDGE_WEB_NPM_DIR ${CMAKE_BINARY_DIR}/web-npm)
set(JUDGE_WEB_OUT_DIR ${CMAKE_BINARY_DIR}/web)
set(JUDGE_WEB_NODE_MODULES ${JUDGE_WEB_NPM_DIR}/node_modules)
file(MAKE_DIRECTORY ${JUDGE_WEB_NPM_DIR} ${JUDGE_WEB_OUT_DIR})

# npm ci only when package.json or the lock file changed: the stamp is the
# output, so an unchanged lock costs nothing on later builds. npm ci removes
# node_modules first, so a half-finished earlier install never lingers.
# playwright-core downloads no browser (the test uses Debian's chromium); the
# variable only makes sure of it.
add_custom_command(
  OUTPUT ${JUDGE_WEB_NPM_DIR}/npm-ci.stamp
  COMMAND ${CMAKE_COMMAND} -E copy_if_different
          ${JUDGE_WEB_SOURCE}/package.json ${JUDGE_WEB_SOURCE}/package-lock.json ${JUDGE_WEB_NPM_DIR}/
  COMMAND ${CMAKE_COMMAND} -E env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
          ${JUDGE_NPM} ci --no-audit --no-fund --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch ${JUDGE_WEB_NPM_DIR}/npm-ci.stamp
  DEPENDS ${JUDGE_WEB_SOURCE}/package.json ${JUDGE_WEB_SOURCE}/package-lock.json
  WORKING_DIRECTORY ${JUDGE_WEB_NPM_DIR}
  COMMENT "npm ci: CodeMirror, esbuild and playwright-core for judge serve's pages"
  VERBATIM)

# The entry is copied beside node_modules so esbuild resolves its imports
# there rather than in the source tree.
add_custom_command(
  OUTPUT ${JUDGE_WEB_OUT_DIR}/editor.js
  COMMAND ${CMAKE_COMMAND} -E copy_if_different
          ${JUDGE_WEB_SOURCE}/editor/editor.mjs ${JUDGE_WEB_NPM_DIR}/editor.mjs
  COMMAND ${JUDGE_WEB_NODE_MODULES}/.bin/esbuild ${JUDGE_WEB_NPM_DIR}/editor.mjs
          --bundle --minify --format=iife --target=es2020 --log-level=warning
          --outfile=${JUDGE_WEB_OUT_DIR}/editor.js
  DEPENDS ${JUDGE_WEB_NPM_DIR}/npm-ci.stamp ${JUDGE_WEB_SOURCE}/editor/editor.mjs
  WORKING_DIRECTORY ${JUDGE_WEB_NPM_DIR}
  COMMENT "esbuild: the editor bundle web/editor.js"
  VERBATIM)

add_custom_target(judge_web ALL DEPENDS ${JUDGE_WEB_OUT_DIR}/editor.js)

# A learner and an organiser in a real headless Chromium against a real
# judge serve: join, write softmax, check it, see the heat map change.
add_test(NAME BrowserRoom
         COMMAND ${JUDGE_NODE} ${CMAKE_SOURCE_DIR}/tests/browser/room_test.mjs
                 --judge $<TARGET_FILE:judge>
                 --node-modules ${JUDGE_WEB_NODE_MODULES}
                 --chromium /usr/bin/chromium
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(BrowserRoom PROPERTIES
  ENVIRONMENT "JUDGE_ROOT=${CMAKE_SOURCE_DIR};JUDGE_CACHE_DIR=${JUDGE_TEST_CACHE}"
  LABELS browser TIMEOUT 600)
