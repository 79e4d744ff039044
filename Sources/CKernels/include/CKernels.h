#ifndef LEMMA_CKERNELS_H
#define LEMMA_CKERNELS_H

#include <stddef.h>

/// Replaces each of the n doubles at x by its exponential, within 2 ulp of the system exp
/// (exactly the system exp outside [-708, 709] and for NaN). Built for AVX-512, for AVX2 with
/// FMA, and for baseline x86-64; the processor's best is chosen at load time.
void lemma_exp_inplace(double *x, size_t n);

/// GELU: value[i] = x Φ(x) for the n doubles at x, with Φ(x) = ½ erfc(−x/√2) the standard
/// normal CDF; when slope is not NULL also its derivative slope[i] = Φ(x) + x φ(x), φ the
/// normal density. Φ comes from glibc's vector erfc (libmvec, found at run time; within 4 ulp
/// of the scalar erfc; eight lanes with AVX-512, four with AVX2 and FMA), from
/// the scalar erfc elsewhere; φ from lemma_exp_inplace.
/// A term whose Φ or φ underflows is zero (GELU(−∞) = 0, slope 1 at +∞, 0 at −∞).
/// value and slope may not overlap x.
void lemma_gelu(const double *x, double *value, double *slope, size_t n);

/// How many erfc lanes lemma_gelu uses on this machine: 8 with libmvec's AVX-512 erfc, 4 with
/// its AVX2 erfc, else 1.
int lemma_gelu_lanes(void);

/// Which variant of the kernels above this processor runs: "x86-64-v4" (AVX-512),
/// "x86-64-v3" (AVX2 and FMA) or "baseline" — the choice their target_clones make at load
/// time. The variants give the same bits for the row kernels, not for exp (fused
/// multiply-adds in the wider ones).
const char *lemma_kernel_variant(void);

/// The OpenBLAS kernel family this processor's instruction set calls for: "SkylakeX" with
/// AVX-512 (F, DQ, BW, VL, CD), "Haswell" with AVX2 and FMA, NULL otherwise or off x86-64.
const char *lemma_blas_core_for_processor(void);

/// y[i] = max(x[i], 0) for n doubles, NaN staying NaN (and −0 becoming +0).
void lemma_relu(const double *x, double *y, size_t n);

/// out[i] = d[i] where x[i] > 0, else 0: the pullback of lemma_relu.
void lemma_relu_pullback(const double *d, const double *x, double *out, size_t n);

/// One Adam step over n parameters p with gradient g and moments m, v (updated in place):
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − stepSize · m / (√v / correction2 + ε).
/// The four arrays may not overlap.
void lemma_adam_update(double *restrict p, const double *restrict g, double *restrict m, double *restrict v,
                       size_t n, double beta1, double beta2, double step_size, double correction2, double eps);

/// y[i] = x[i] rounded to the nearest float, for n doubles (the operands of a product in
/// single precision). Values beyond float's range become ±∞, NaN stays NaN. x and y may not
/// overlap.
void lemma_narrow(const double *x, float *y, size_t n);

/// y[i·n + j] = row[j] + x[i·ldx + j] for a rows × n block of floats x whose rows start ldx
/// apart (row NULL: no row added), widened to double: the result of a single-precision
/// product (or a block of its columns), with its bias. The arrays may not overlap.
void lemma_widen(const float *x, size_t ldx, const double *row, double *y, size_t rows, size_t n);

/// Each row of the rows × n doubles at x (row-major) replaced by its softmax exp(xⱼ − m) / Σₖ exp(xₖ − m), m the row's largest entry (NaN entries do not
/// count as largest; they make the row NaN); lse[i] receives the row's log-sum-exp. A row
/// whose largest entry is +∞, or a row of all −∞, becomes NaN. Sums are taken in eight
/// interleaved parts, in the same order on every processor.
void lemma_softmax_rows(double *x, double *lse, size_t rows, size_t n);

/// out = p ⊙ (d − rowSums(d ⊙ p)) for rows × n doubles: the pullback of a row softmax p.
void lemma_softmax_pullback(const double *d, const double *p, double *out, size_t rows, size_t n);

/// y = (x − mean) · r per row of rows × n doubles, r = 1/√(variance + epsilon) (the
/// population variance) stored in inverse[i]. y may not overlap x.
void lemma_standardize_rows(const double *x, double *y, double *inverse, size_t rows, size_t n, double epsilon);

/// out = r ⊙ (d − mean(d) − y ⊙ mean(d ⊙ y)) per row: the pullback of lemma_standardize_rows.
void lemma_standardize_pullback(const double *d, const double *y, const double *inverse, double *out, size_t rows,
                                size_t n);

/// value, slope = GELU and its slope (as lemma_gelu) of row[j] + p[i·n + j] for a rows × n
/// block of floats p (a single-precision product; row NULL: no row added), widened to double
/// exactly as lemma_widen does: a dense layer's output put through GELU in one pass.
void lemma_widen_gelu(const float *p, const double *row, double *value, double *slope, size_t rows, size_t n);

/// out = d ⊙ slope rounded to float, for rows × n doubles (out's rows start ldo apart), and
/// column_sums[j] = Σᵢ dᵢⱼ slopeᵢⱼ in row order (slope NULL: d itself; column_sums NULL: not
/// summed): GELU's pullback, ready for the products of a single-precision dense layer's
/// pullback, with its bias gradient. The arrays may not overlap.
void lemma_scale_narrow(const double *d, const double *slope, float *out, size_t ldo, double *column_sums, size_t rows,
                        size_t n);

/// Layer normalisation of rows × n doubles: y as lemma_standardize_rows (with inverse[i]) and
/// value = y ⊙ gain + bias per row (gain and bias n long), in one pass per row.
void lemma_layer_norm(const double *x, const double *gain, const double *bias, double *y, double *value,
                      double *inverse, size_t rows, size_t n, double epsilon);

/// The pullback of lemma_layer_norm for the gradient d: out = the standardisation's pullback
/// of d ⊙ gain (as lemma_standardize_pullback), gain_gradient[j] = Σᵢ dᵢⱼ yᵢⱼ and
/// bias_gradient[j] = Σᵢ dᵢⱼ (summed in row order), in one pass per row. The arrays may not
/// overlap.
void lemma_layer_norm_pullback(const double *d, const double *y, const double *inverse, const double *gain, double *out,
                               double *gain_gradient, double *bias_gradient, size_t rows, size_t n);

#endif
