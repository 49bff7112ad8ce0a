// Snowball stemmers from libstemmer (Debian: libstemmer-dev).
#ifndef KINO_CSTEMMER_SHIM_H
#define KINO_CSTEMMER_SHIM_H

#include <libstemmer.h>

#endif
