# Run by the judge_install_files target (cmake -P): what the package installs
# that the built judge itself writes, into OUT. Variables: JUDGE (the built
# judge), SOURCE (the checkout), OUT (a folder in the build tree), GZIP.
#   completions/judge, completions/_judge  judge completions bash|zsh
#   man/judge.1, man/judge.1.gz            judge __man (from the help text)
#   stubs/ID.cpp                           judge stub ID: the pristine stubs,
#       not the checkout's exercises/, where a learner may have been working
foreach(var JUDGE SOURCE OUT GZIP)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "judge_outputs.cmake needs -D${var}=...")
  endif()
endforeach()

# The source tree's bank, whatever the caller's environment says.
set(ENV{JUDGE_ROOT} "${SOURCE}")
unset(ENV{JUDGE_BANK})

function(judge_to_file out)
  execute_process(COMMAND "${JUDGE}" ${ARGN} OUTPUT_FILE "${out}.tmp"
                  RESULT_VARIABLE code ERROR_VARIABLE error)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "judge ${ARGN} failed (${code}): ${error}")
  endif()
  file(RENAME "${out}.tmp" "${out}")
endfunction()

file(MAKE_DIRECTORY "${OUT}/completions" "${OUT}/man")
judge_to_file("${OUT}/completions/judge" completions bash)
judge_to_file("${OUT}/completions/_judge" completions zsh)
judge_to_file("${OUT}/man/judge.1" __man)
# Debian installs manual pages gzipped; -n leaves out the time, so the same
# page gives the same bytes.
execute_process(COMMAND "${GZIP}" -9 -n -f -k "${OUT}/man/judge.1" RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "gzip of the manual page failed (${code})")
endif()

# A stub for every stub the checkout has, made afresh from its problem.
file(REMOVE_RECURSE "${OUT}/stubs")
file(MAKE_DIRECTORY "${OUT}/stubs")
file(GLOB stubs "${SOURCE}/exercises/*.cpp")
foreach(stub ${stubs})
  get_filename_component(id "${stub}" NAME_WE)
  judge_to_file("${OUT}/stubs/${id}.cpp" stub "${id}")
endforeach()
