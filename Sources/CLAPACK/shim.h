#ifndef LEMMA_CLAPACK_SHIM_H
#define LEMMA_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
