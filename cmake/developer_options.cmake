# Warnings and sanitizers live on an interface target, never as global flags.
add_library(sekisho_developer_options INTERFACE)
target_compile_options(sekisho_developer_options INTERFACE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
if(SEKISHO_SANITIZE)
  target_compile_options(sekisho_developer_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(sekisho_developer_options INTERFACE -fsanitize=address,undefined)
endif()
