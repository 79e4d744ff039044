#ifndef LEMMA_CKERNELS_H
#define LEMMA_CKERNELS_H

#include <stddef.h>

/// Replaces each of the n doubles at x by its exponential, within 2 ulp of the system exp
/// (exactly the system exp outside [-708, 709] and for NaN). Built for AVX2 with FMA where
/// the processor has them, for baseline x86-64 otherwise (chosen at load time).
void lemma_exp_inplace(double *x, size_t n);

#endif
