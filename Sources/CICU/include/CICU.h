// The few ICU functions KinoText uses, behind a header that exposes no ICU type.
//
// Foundation on Linux carries its own copy of the ICU headers; a Swift module that sees both that copy and the
// system's ICU headers fails to compile ("'UProperty' has different definitions"), and importing a module that
// depends on the system's headers is enough to see them. So the ICU headers are included only in CICU.c, and this
// header speaks plain C: UTF-16 code units are uint16_t, ICU error codes are int32_t (0 is success, a negative value
// a warning, a positive value an error), and ICU objects are opaque pointers.
//
// Calling ICU from C also keeps Swift away from Debian's versioned symbol names (`ubrk_open` is `ubrk_open_72`).
#ifndef KINO_CICU_H
#define KINO_CICU_H

#include <stdint.h>

/// ICU's U_BUFFER_OVERFLOW_ERROR.
#define KINO_U_BUFFER_OVERFLOW_ERROR 15
/// ICU's UBRK_WORD_NONE_LIMIT: word break rule statuses at or above it mark words and numbers.
#define KINO_UBRK_WORD_NONE_LIMIT 100
/// ICU's UBRK_WORD_NUMBER_LIMIT: statuses below it (and at or above the previous one) mark numbers.
#define KINO_UBRK_WORD_NUMBER_LIMIT 200
/// ICU's U_NON_SPACING_MARK general category.
#define KINO_U_NON_SPACING_MARK 6

typedef struct kino_break_iterator kino_break_iterator;
typedef struct kino_normalizer kino_normalizer;

/// A word break iterator for the root locale; NULL on failure.
kino_break_iterator *_Nullable kino_ubrk_open_word(int32_t *_Nonnull status);
void kino_ubrk_close(kino_break_iterator *_Nullable iterator);
void kino_ubrk_set_text(kino_break_iterator *_Nonnull iterator, const uint16_t *_Nullable text, int32_t length,
                        int32_t *_Nonnull status);
int32_t kino_ubrk_first(kino_break_iterator *_Nonnull iterator);
/// The next boundary, or -1 when there is none.
int32_t kino_ubrk_next(kino_break_iterator *_Nonnull iterator);
int32_t kino_ubrk_rule_status(kino_break_iterator *_Nonnull iterator);

/// ICU's shared normalizer instances; never freed.
const kino_normalizer *_Nullable kino_unorm2_nfkc_casefold(int32_t *_Nonnull status);
const kino_normalizer *_Nullable kino_unorm2_nfd(int32_t *_Nonnull status);
const kino_normalizer *_Nullable kino_unorm2_nfc(int32_t *_Nonnull status);
/// Normalizes `length` code units of `source` into `destination`; returns the full length of the result, which
/// may exceed `capacity` (then `status` is KINO_U_BUFFER_OVERFLOW_ERROR).
int32_t kino_unorm2_normalize(const kino_normalizer *_Nonnull normalizer, const uint16_t *_Nonnull source,
                              int32_t length, uint16_t *_Nullable destination, int32_t capacity,
                              int32_t *_Nonnull status);

/// The general category of a code point (ICU's UCharCategory).
int8_t kino_u_char_type(int32_t codePoint);

#endif
