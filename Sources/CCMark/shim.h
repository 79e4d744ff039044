#ifndef LEMMA_CCMARK_SHIM_H
#define LEMMA_CCMARK_SHIM_H
#include <cmark.h>
#endif
