# The floor of tests/CheckSuiteSize.cmake (test_suite_size and scripts/test.sh), measured on the
# full ci build: raise it when the suite grows, never lower it to make a run pass.
set(KEYCARD_MIN_TESTS 98)
set(KEYCARD_MIN_TEST_FUNCTIONS 652)
