// arc4random for the static libstdc++ the release binary links (issue 14). libstdc++.a was built
// against glibc 2.36, whose arc4random its std::random_device names; taken from the C library,
// that one reference would make the binary refuse every glibc before 2.36 (Ubuntu 22.04 has 2.35).
// Defined here, the linker binds the reference inside the binary and asks nothing newer than 2.35.
// Nothing in Escalator calls it; it draws from getrandom(2), which glibc has had since 2.25.
#include <stdint.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {
    }
    return value;
}
