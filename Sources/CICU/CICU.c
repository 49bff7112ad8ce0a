#include "CICU.h"

#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>

kino_break_iterator *kino_ubrk_open_word(int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &code);
    *status = (int32_t)code;
    return (kino_break_iterator *)iterator;
}

void kino_ubrk_close(kino_break_iterator *iterator) {
    ubrk_close((UBreakIterator *)iterator);
}

void kino_ubrk_set_text(kino_break_iterator *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &code);
    *status = (int32_t)code;
}

int32_t kino_ubrk_first(kino_break_iterator *iterator) {
    return ubrk_first((UBreakIterator *)iterator);
}

int32_t kino_ubrk_next(kino_break_iterator *iterator) {
    return ubrk_next((UBreakIterator *)iterator);
}

int32_t kino_ubrk_rule_status(kino_break_iterator *iterator) {
    return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

static const kino_normalizer *normalizer(const UNormalizer2 *(*get)(UErrorCode *), int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *instance = get(&code);
    *status = (int32_t)code;
    return (const kino_normalizer *)instance;
}

const kino_normalizer *kino_unorm2_nfkc_casefold(int32_t *status) {
    return normalizer(unorm2_getNFKCCasefoldInstance, status);
}

const kino_normalizer *kino_unorm2_nfd(int32_t *status) {
    return normalizer(unorm2_getNFDInstance, status);
}

const kino_normalizer *kino_unorm2_nfc(int32_t *status) {
    return normalizer(unorm2_getNFCInstance, status);
}

int32_t kino_unorm2_normalize(const kino_normalizer *normalizer, const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &code);
    *status = (int32_t)code;
    return result;
}

int8_t kino_u_char_type(int32_t codePoint) {
    return u_charType(codePoint);
}
