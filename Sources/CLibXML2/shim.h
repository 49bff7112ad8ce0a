#ifndef KINO_CLIBXML2_SHIM_H
#define KINO_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, so its encoding.h includes ICU's headers; a Swift module that sees them and
// also imports Foundation fails to compile ("'UErrorCode' ... is not present in definition"). Nothing here uses the
// ICU converter fields of xmlCharEncodingHandler (only pointers to the struct pass through), so ICU stays hidden.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/// `xmlFree` is a global function pointer variable in libxml2, which Swift cannot call directly.
static inline void kino_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
