// Includes an endless file: the compiler must be stopped by the compile limit.
// expect: compile_error
#include "/dev/random"
