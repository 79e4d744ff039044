// Vector kernels in C, where the compiler can target AVX-512, or AVX2 and FMA, per
// function and pick the variant at load time (target_clones); Swift code is built for
// baseline x86-64. The variants do the same operations on each element (only the vector
// width differs), so they give the same bits.
#include "CKernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__)
#define LEMMA_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define LEMMA_CLONES
#endif

// exp(x) for x in [-708, 709]: x = k ln2 + r with |r| <= ln2/2 (ln2 in two parts, the high
// one with trailing zero bits so k * high is exact), e^r by the degree-12 Taylor polynomial
// in Horner form, 2^k from exponent bits. Branch-free, so the loop vectorises.
static inline double exp_core(double x) {
    const double shift = 6755399441055744.0;  // 1.5 * 2^52: adding it rounds to an integer
    double kd = x * 1.4426950408889634 + shift;
    double k = kd - shift;
    double r = (x - k * 0.6931471803691238) - k * 1.9082149292705877e-10;
    double y = 1.0 / 479001600.0;
    y = y * r + 1.0 / 39916800.0;
    y = y * r + 1.0 / 3628800.0;
    y = y * r + 1.0 / 362880.0;
    y = y * r + 1.0 / 40320.0;
    y = y * r + 1.0 / 5040.0;
    y = y * r + 1.0 / 720.0;
    y = y * r + 1.0 / 120.0;
    y = y * r + 1.0 / 24.0;
    y = y * r + 1.0 / 6.0;
    y = y * r + 0.5;
    y = y * r + 1.0;
    y = y * r + 1.0;
    int64_t kbits, sbits;
    memcpy(&kbits, &kd, sizeof kbits);
    memcpy(&sbits, &shift, sizeof sbits);
    uint64_t bits = (uint64_t)(kbits - sbits + 1023) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return y * scale;
}

LEMMA_CLONES
void lemma_exp_inplace(double *x, size_t n) {
    enum { block = 256 };
    double original[block];
    for (size_t start = 0; start < n; start += block) {
        size_t count = n - start < block ? n - start : block;
        double *p = x + start;
        int outside = 0;
        for (size_t i = 0; i < count; i++) {
            double v = p[i];
            original[i] = v;
            outside |= !(v >= -708.0 && v <= 709.0);
            double c = v < -708.0 ? -708.0 : (v > 709.0 ? 709.0 : v);
            p[i] = exp_core(c == c ? c : 0.0);
        }
        if (outside) {
            for (size_t i = 0; i < count; i++) {
                double v = original[i];
                if (!(v >= -708.0 && v <= 709.0)) p[i] = exp(v);
            }
        }
    }
}

// The standard normal CDF Φ(x) = ½ erfc(−x/√2) through glibc's vector erfc (libmvec,
// within 4 ulp of the scalar erfc): eight lanes at a time where the processor has AVX-512,
// four where it has AVX2 and FMA, else the scalar erfc.
// libmvec is looked up at run time (dlopen), not linked: a system without it (or without
// these functions) takes the scalar path instead of failing to load.
#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
#include <dlfcn.h>
#include <immintrin.h>
#include <pthread.h>

typedef __m256d (*vector_erfc4_fn)(__m256d);
typedef __m512d (*vector_erfc8_fn)(__m512d);
static vector_erfc4_fn vector_erfc4;
static vector_erfc8_fn vector_erfc8;
static pthread_once_t vector_erfc_once = PTHREAD_ONCE_INIT;

static void find_vector_erfc(void) {
    if (!(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) return;
    void *library = dlopen("libmvec.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    vector_erfc4 = (vector_erfc4_fn)dlsym(library, "_ZGVdN4v_erfc");
    if (__builtin_cpu_supports("avx512f")) vector_erfc8 = (vector_erfc8_fn)dlsym(library, "_ZGVeN8v_erfc");
}

__attribute__((target("avx2,fma")))
static void normal_cdf_avx2(const double *x, double *cdf, size_t n, vector_erfc4_fn erfc4) {
    const __m256d scale = _mm256_set1_pd(-0.7071067811865476), half = _mm256_set1_pd(0.5);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d e = erfc4(_mm256_mul_pd(_mm256_loadu_pd(x + i), scale));
        _mm256_storeu_pd(cdf + i, _mm256_mul_pd(e, half));
    }
    for (; i < n; i++) cdf[i] = 0.5 * erfc(x[i] * -0.7071067811865476);
}

__attribute__((target("avx512f")))
static void normal_cdf_avx512(const double *x, double *cdf, size_t n, vector_erfc8_fn erfc8) {
    const __m512d scale = _mm512_set1_pd(-0.7071067811865476), half = _mm512_set1_pd(0.5);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m512d e = erfc8(_mm512_mul_pd(_mm512_loadu_pd(x + i), scale));
        _mm512_storeu_pd(cdf + i, _mm512_mul_pd(e, half));
    }
    for (; i < n; i++) cdf[i] = 0.5 * erfc(x[i] * -0.7071067811865476);
}
#endif

static void normal_cdf(const double *x, double *cdf, size_t n) {
#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
    pthread_once(&vector_erfc_once, find_vector_erfc);
    if (vector_erfc8) {
        normal_cdf_avx512(x, cdf, n, vector_erfc8);
        return;
    }
    if (vector_erfc4) {
        normal_cdf_avx2(x, cdf, n, vector_erfc4);
        return;
    }
#endif
    for (size_t i = 0; i < n; i++) cdf[i] = 0.5 * erfc(x[i] * -0.7071067811865476);
}

int lemma_gelu_lanes(void) {
#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
    pthread_once(&vector_erfc_once, find_vector_erfc);
    if (vector_erfc8) return 8;
    if (vector_erfc4) return 4;
#endif
    return 1;
}

LEMMA_CLONES
void lemma_gelu(const double *x, double *value, double *slope, size_t n) {
    enum { block = 256 };
    double cdf[block];
    for (size_t start = 0; start < n; start += block) {
        size_t count = n - start < block ? n - start : block;
        const double *p = x + start;
        normal_cdf(p, cdf, count);
        // Where Φ or φ underflows to zero the term is zero (also for x = ∓∞, not ∞ · 0).
        for (size_t i = 0; i < count; i++) value[start + i] = cdf[i] == 0 ? 0 : p[i] * cdf[i];
        if (slope) {
            double *s = slope + start;
            for (size_t i = 0; i < count; i++) s[i] = -0.5 * p[i] * p[i];
            lemma_exp_inplace(s, count);
            for (size_t i = 0; i < count; i++) s[i] = cdf[i] + (s[i] == 0 ? 0 : p[i] * s[i] * 0.3989422804014327);
        }
    }
}

// max(x, 0), NaN staying NaN, and its pullback d·[x > 0]: selects, which the compiler
// turns into vector blends (the same loops in Swift compiled to branches, mispredicted on
// activations of either sign half the time).
LEMMA_CLONES
void lemma_relu(const double *x, double *y, size_t n) {
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        y[i] = (v > 0.0 || v != v) ? v : 0.0;
    }
}

LEMMA_CLONES
void lemma_relu_pullback(const double *d, const double *x, double *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = x[i] > 0.0 ? d[i] : 0.0;
}

// One Adam step over n parameters, in the order of operations the Swift loop used
// (no fused multiply-adds, so the results are the same bits): the moments updated in
// place, then p -= stepSize · m / (√v / correction2 + eps).
LEMMA_CLONES
void lemma_adam_update(double *restrict p, const double *restrict g, double *restrict m, double *restrict v,
                       size_t n, double beta1, double beta2, double step_size, double correction2, double eps) {
#pragma clang fp contract(off)
    const double one_minus_b1 = 1.0 - beta1, one_minus_b2 = 1.0 - beta2;
    for (size_t i = 0; i < n; i++) {
        double gk = g[i];
        double mk = beta1 * m[i] + one_minus_b1 * gk;
        double vk = beta2 * v[i] + one_minus_b2 * gk * gk;
        m[i] = mk;
        v[i] = vk;
        p[i] -= step_size * mk / (sqrt(vk) / correction2 + eps);
    }
}

const char *lemma_kernel_variant(void) {
#if defined(__x86_64__) && defined(__clang__)
    if (__builtin_cpu_supports("x86-64-v4")) return "x86-64-v4";
    if (__builtin_cpu_supports("x86-64-v3")) return "x86-64-v3";
#endif
    return "baseline";
}

const char *lemma_blas_core_for_processor(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512cd"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
#endif
    return 0;
}

LEMMA_CLONES
void lemma_narrow(const double *restrict x, float *restrict y, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = (float)x[i];
}

LEMMA_CLONES
void lemma_widen(const float *restrict x, size_t ldx, const double *restrict row, double *restrict y, size_t rows,
                 size_t n) {
    for (size_t i = 0; i < rows; i++) {
        const float *xi = x + i * ldx;
        double *yi = y + i * n;
        if (row) {
            for (size_t j = 0; j < n; j++) yi[j] = row[j] + (double)xi[j];
        } else {
            for (size_t j = 0; j < n; j++) yi[j] = (double)xi[j];
        }
    }
}

// Row helpers are inlined into every variant of their callers, so that each is compiled (and
// vectorised) for that variant's instruction set; left to the inliner they stayed calls to a
// baseline x86-64 copy.
#define LEMMA_ROW_HELPER static inline __attribute__((always_inline))

// Sums and dot products of a row in eight interleaved partial sums, added pairwise at the
// end: the loop vectorises (a single running sum cannot, its additions being ordered), and
// the order is the same in every variant — with multiply and add kept apart (no fused
// multiply-adds), so the bits are too.
LEMMA_ROW_HELPER double row_sum(const double *x, size_t n) {
#pragma clang fp contract(off)
    double s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t j = 0;
    for (; j + 8 <= n; j += 8)
        for (int l = 0; l < 8; l++) s[l] += x[j + l];
    for (; j < n; j++) s[j % 8] += x[j];
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

LEMMA_ROW_HELPER double row_dot(const double *x, const double *y, size_t n) {
#pragma clang fp contract(off)
    double s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t j = 0;
    for (; j + 8 <= n; j += 8)
        for (int l = 0; l < 8; l++) s[l] += x[j + l] * y[j + l];
    for (; j < n; j++) s[j % 8] += x[j] * y[j];
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

LEMMA_CLONES
void lemma_softmax_rows(double *x, double *lse, size_t rows, size_t n) {
    for (size_t i = 0; i < rows; i++) {
        double *row = x + i * n;
        double top = -INFINITY;
        for (size_t j = 0; j < n; j++) top = row[j] > top ? row[j] : top;
        if (n == 0 || top == INFINITY) {
            // No finite shift exists (or nothing to normalise).
            for (size_t j = 0; j < n; j++) row[j] = NAN;
            lse[i] = n == 0 ? NAN : INFINITY;
            continue;
        }
        for (size_t j = 0; j < n; j++) row[j] -= top;
        lemma_exp_inplace(row, n);
        double total = row_sum(row, n), inverse = 1.0 / total;
        for (size_t j = 0; j < n; j++) row[j] *= inverse;
        lse[i] = top + log(total);
    }
}

LEMMA_CLONES
void lemma_softmax_pullback(const double *d, const double *p, double *out, size_t rows, size_t n) {
#pragma clang fp contract(off)
    for (size_t i = 0; i < rows; i++) {
        const double *di = d + i * n, *pi = p + i * n;
        double *oi = out + i * n;
        double inner = row_dot(di, pi, n);
        for (size_t j = 0; j < n; j++) oi[j] = pi[j] * (di[j] - inner);
    }
}

// (x − mean) · r into y for one row of n, r = 1/√(variance + epsilon); returns r.
LEMMA_ROW_HELPER double standardize_row(const double *x, double *y, size_t n, double epsilon) {
#pragma clang fp contract(off)
    double mean = row_sum(x, n) / (double)n;
    for (size_t j = 0; j < n; j++) y[j] = x[j] - mean;
    double variance = row_dot(y, y, n) / (double)n;
    double r = 1.0 / sqrt(variance + epsilon);
    for (size_t j = 0; j < n; j++) y[j] *= r;
    return r;
}

LEMMA_CLONES
void lemma_standardize_rows(const double *x, double *y, double *inverse, size_t rows, size_t n, double epsilon) {
    for (size_t i = 0; i < rows; i++) inverse[i] = standardize_row(x + i * n, y + i * n, n, epsilon);
}

LEMMA_CLONES
void lemma_layer_norm(const double *x, const double *gain, const double *bias, double *y, double *value,
                      double *inverse, size_t rows, size_t n, double epsilon) {
#pragma clang fp contract(off)
    for (size_t i = 0; i < rows; i++) {
        double *yi = y + i * n, *vi = value + i * n;
        inverse[i] = standardize_row(x + i * n, yi, n, epsilon);
        for (size_t j = 0; j < n; j++) vi[j] = yi[j] * gain[j] + bias[j];
    }
}

LEMMA_CLONES
void lemma_layer_norm_pullback(const double *restrict d, const double *restrict y, const double *restrict inverse,
                               const double *restrict gain, double *restrict out, double *restrict gain_gradient,
                               double *restrict bias_gradient, size_t rows, size_t n) {
#pragma clang fp contract(off)
    for (size_t j = 0; j < n; j++) gain_gradient[j] = bias_gradient[j] = 0;
    for (size_t i = 0; i < rows; i++) {
        const double *di = d + i * n, *yi = y + i * n;
        double *oi = out + i * n;
        for (size_t j = 0; j < n; j++) {
            oi[j] = di[j] * gain[j];
            gain_gradient[j] += di[j] * yi[j];
            bias_gradient[j] += di[j];
        }
        double mean = row_sum(oi, n) / (double)n, projected = row_dot(oi, yi, n) / (double)n, r = inverse[i];
        for (size_t j = 0; j < n; j++) oi[j] = ((oi[j] - mean) - yi[j] * projected) * r;
    }
}

LEMMA_CLONES
void lemma_standardize_pullback(const double *d, const double *y, const double *inverse, double *out, size_t rows,
                                size_t n) {
#pragma clang fp contract(off)
    for (size_t i = 0; i < rows; i++) {
        const double *di = d + i * n, *yi = y + i * n;
        double *oi = out + i * n;
        double mean = row_sum(di, n) / (double)n, projected = row_dot(di, yi, n) / (double)n, r = inverse[i];
        for (size_t j = 0; j < n; j++) oi[j] = ((di[j] - mean) - yi[j] * projected) * r;
    }
}

// A dense layer's single-precision product followed by GELU, and the pullback's first step:
// the passes that would otherwise write a Double matrix only for the next pass to read it.
LEMMA_CLONES
void lemma_widen_gelu(const float *p, const double *bias, double *value, double *slope, size_t rows, size_t n) {
    enum { block = 256 };
    double pre[block];
    if (n >= block / 4) {
        // Whole rows in chunks, so that the widening loop runs along contiguous columns.
        for (size_t i = 0; i < rows; i++) {
            for (size_t j0 = 0; j0 < n; j0 += block) {
                size_t count = n - j0 < block ? n - j0 : block;
                const float *pi = p + i * n + j0;
                if (bias) {
                    for (size_t t = 0; t < count; t++) pre[t] = bias[j0 + t] + (double)pi[t];
                } else {
                    for (size_t t = 0; t < count; t++) pre[t] = (double)pi[t];
                }
                lemma_gelu(pre, value + i * n + j0, slope + i * n + j0, count);
            }
        }
        return;
    }
    // Short rows: chunks across rows, the column tracked as it wraps.
    size_t total = rows * n, column = 0;
    for (size_t start = 0; start < total; start += block) {
        size_t count = total - start < block ? total - start : block;
        for (size_t t = 0; t < count; t++) {
            pre[t] = bias ? bias[column] + (double)p[start + t] : (double)p[start + t];
            if (++column == n) column = 0;
        }
        lemma_gelu(pre, value + start, slope + start, count);
    }
}

LEMMA_CLONES
void lemma_scale_narrow(const double *restrict d, const double *restrict slope, float *restrict out, size_t ldo,
                        double *restrict column_sums, size_t rows, size_t n) {
    if (column_sums)
        for (size_t j = 0; j < n; j++) column_sums[j] = 0;
    for (size_t i = 0; i < rows; i++) {
        const double *di = d + i * n, *si = slope ? slope + i * n : NULL;
        float *oi = out + i * ldo;
        if (si && column_sums) {
            for (size_t j = 0; j < n; j++) {
                double v = di[j] * si[j];
                oi[j] = (float)v;
                column_sums[j] += v;
            }
        } else if (si) {
            for (size_t j = 0; j < n; j++) oi[j] = (float)(di[j] * si[j]);
        } else if (column_sums) {
            for (size_t j = 0; j < n; j++) {
                oi[j] = (float)di[j];
                column_sums[j] += di[j];
            }
        } else {
            for (size_t j = 0; j < n; j++) oi[j] = (float)di[j];
        }
    }
}
