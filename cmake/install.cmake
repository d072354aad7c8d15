# cmake --install and the Debian package. Included from CMakeLists.txt.
#
#   PREFIX/bin/judge, judge-jail
#   PREFIX/share/judge/         the bank: problems/, solutions/, exercises/,
#                               judge/harness/ and judge/web/ (the pages of
#                               judge serve with the editor bundle); the
#                               installed judge finds it from its own path
#                               (judge/src/judge_data.h)
#   PREFIX/share/bash-completion/completions/judge, share/zsh/vendor-completions/_judge
#   PREFIX/share/man/man1/judge.1.gz
#
# cmake --build build --target deb makes build/judge_VERSION_ARCH.deb.

include(GNUInstallDirs)
# cmake --install and cpack build nothing first: `all` holds the tests, and
# the deb target below depends on exactly what is packed.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(JUDGE_SHARE ${CMAKE_INSTALL_DATADIR}/judge)
set(JUDGE_OUTPUTS ${CMAKE_BINARY_DIR}/install-files)

# What the built judge writes (see cmake/judge_outputs.cmake): completions,
# the manual page and the pristine stubs. Again when the judge or a problem
# changes.
find_program(JUDGE_GZIP gzip REQUIRED)
file(GLOB JUDGE_PROBLEM_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/problems/*.yaml)
file(GLOB JUDGE_STUB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/exercises/*.cpp)
set(JUDGE_STUBS)
foreach(stub ${JUDGE_STUB_SOURCES})
  get_filename_component(name ${stub} NAME)
  list(APPEND JUDGE_STUBS ${JUDGE_OUTPUTS}/stubs/${name})
endforeach()
set(JUDGE_GENERATED
  ${JUDGE_OUTPUTS}/completions/judge ${JUDGE_OUTPUTS}/completions/_judge
  ${JUDGE_OUTPUTS}/man/judge.1 ${JUDGE_OUTPUTS}/man/judge.1.gz ${JUDGE_STUBS})
add_custom_command(
  OUTPUT ${JUDGE_GENERATED}
  COMMAND ${CMAKE_COMMAND} -DJUDGE=$<TARGET_FILE:judge> -DSOURCE=${CMAKE_SOURCE_DIR}
          -DOUT=${JUDGE_OUTPUTS} -DGZIP=${JUDGE_GZIP}
          -P ${CMAKE_SOURCE_DIR}/cmake/judge_outputs.cmake
  DEPENDS judge ${CMAKE_SOURCE_DIR}/cmake/judge_outputs.cmake ${JUDGE_PROBLEM_FILES}
  COMMENT "judge completions, judge __man and the stubs, for the install"
  VERBATIM)
add_custom_target(judge_install_files ALL DEPENDS ${JUDGE_GENERATED})

install(TARGETS judge judge-jail RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/problems ${CMAKE_SOURCE_DIR}/solutions
        DESTINATION ${JUDGE_SHARE})
install(FILES ${CMAKE_SOURCE_DIR}/exercises/exercise.h ${JUDGE_STUBS}
        DESTINATION ${JUDGE_SHARE}/exercises)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/judge/harness DESTINATION ${JUDGE_SHARE}/judge)
# The pages judge serve sends (StaticFiles reads only these kinds of file),
# and the editor bundle beside them.
file(GLOB JUDGE_WEB_PAGES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/judge/web/*.html ${CMAKE_SOURCE_DIR}/judge/web/*.js
     ${CMAKE_SOURCE_DIR}/judge/web/*.css ${CMAKE_SOURCE_DIR}/judge/web/*.svg)
install(FILES ${JUDGE_WEB_PAGES} ${CMAKE_BINARY_DIR}/web/editor.js
        DESTINATION ${JUDGE_SHARE}/judge/web)
install(FILES ${JUDGE_OUTPUTS}/completions/judge
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${JUDGE_OUTPUTS}/completions/_judge
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${JUDGE_OUTPUTS}/man/judge.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package: the same files under /usr. Depends names what the judge
# runs at run time (the compiler, the Eigen headers learner code includes,
# bubblewrap for the sandbox); dpkg-shlibdeps adds the shared libraries the
# two binaries link.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME judge)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "judge maintainers <maintainers@users.noreply.b-seed-24e4357d.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "softmax and attention exercises, checked by a judge that explains")
# The long description, after the summary line (one string: set() with
# several would join them with semicolons).
set(CPACK_PACKAGE_DESCRIPTION
    "Interview practice in C++ with Eigen: stable softmax, attention, multi-head,
KV caches and more. judge init makes a practice folder; judge check compiles
a solution in a sandbox, runs hidden cases and tells which failed and why.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "g++, libeigen3-dev, bubblewrap")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)

# cpack alone, after what it packs: not CPack's own `package` target, which
# first builds everything (the tests too).
add_custom_target(deb
  COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${CMAKE_BINARY_DIR}/CPackConfig.cmake
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "cpack: the Debian package judge_${PROJECT_VERSION}_ARCH.deb"
  VERBATIM)
add_dependencies(deb judge judge-jail judge_install_files)
if(TARGET judge_web)
  add_dependencies(deb judge_web)
endif()
